// The offline engine's size (issue: ≤ 150 kB gzipped): built as `npm run build:sdk` builds it, into a
// temporary folder so the bench never changes the working tree.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { costruisciMotore } from "../sdk/build.ts";

export async function bench(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), "bench-sdk-"));
  try {
    const { kb, kbGz } = await costruisciMotore(join(dir, "motore.js"));
    return { sdk_motore_kb: Math.round(kb * 10) / 10, sdk_motore_kb_gz: Math.round(kbGz * 10) / 10 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
