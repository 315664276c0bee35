// The real regolamento files of the repository (regolamenti/**) plus this folder's fixture, for
// tests that run on authentic text. Node-only: used by tests, never by dsl/ itself.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Regolamento } from "../../engine/ir.ts";
import { readHeader } from "../intestazione.ts";
import { risolviBasi } from "../basi.ts";

const radice = fileURLToPath(new URL("../../", import.meta.url));

export function testiReali(): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = [];
  const dir = path.join(radice, "regolamenti");
  let nomi: string[] = [];
  try {
    nomi = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    nomi = [];
  }
  for (const n of nomi.filter((f) => f.endsWith(".regolamento")).sort()) out.push({ file: `regolamenti/${n}`, source: readFileSync(path.join(dir, n), "utf8") });
  out.push({ file: "dsl/fixtures/esempio.regolamento", source: readFileSync(path.join(radice, "dsl/fixtures/esempio.regolamento"), "utf8") });
  return out;
}

/** The applied baselines of a source, compiled from regolamenti/normativa/ (undefined when it applies none). */
export function basiDi(source: string): Regolamento[] | undefined {
  const h = readHeader(source);
  if (!h || h.applica.length === 0) return undefined;
  const fonti = testiReali().filter((t) => t.file.startsWith("regolamenti/normativa/"));
  const { bases, problemi } = risolviBasi(h, fonti);
  return problemi.length ? undefined : bases;
}
