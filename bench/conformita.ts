// A full conformity run (issue 13 § 1) on the largest seed: boundary questions of the regolamento and
// of the law alone, each evaluated twice, departures with counterexamples. Target ≤ 2 s
// (`conformita_ms`, the median of 5 runs after one warm-up).
import { readdir, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { loadAll } from "../regolamenti/load.ts";
import { conformita } from "../engine/analisi/conformita.ts";

const radice = fileURLToPath(new URL("../regolamenti/", import.meta.url));

export async function bench(): Promise<Record<string, number | string>> {
  const { catalog } = await loadAll();
  // The largest seed: the longest .regolamento file of the five.
  const files = (await readdir(radice)).filter((f) => f.endsWith(".regolamento"));
  const sizes = await Promise.all(files.map(async (f) => [f, (await stat(path.join(radice, f))).size] as const));
  const id = sizes.sort((a, b) => b[1] - a[1])[0]![0].replace(/\.regolamento$/, "");
  conformita(catalog, id);
  const t: number[] = [];
  let rilievi = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    rilievi = conformita(catalog, id).length;
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { conformita_ms: Math.round(t[2]!), conformita_regolamento: id, conformita_rilievi: rilievi };
}
