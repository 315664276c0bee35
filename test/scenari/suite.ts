// Loads the whole scenario suite once (regolamenti + every scenario file) and runs every case:
// shared by test/scenari.test.ts and test/citazioni.test.ts.
import { relative } from "node:path";
import { loadAll, findScenarioFiles, readScenarioFile, ROOT_DIR } from "../../regolamenti/load.ts";
import { eseguiCaso, type Caso, type EsitoCaso } from "../../engine/scenari.ts";
import type { Catalog } from "../../engine/catalog.ts";

export interface CasoEseguito { file: string; caso: Caso; esito: EsitoCaso }
export interface Suite { catalog?: Catalog; errore?: string; erroriFile: { file: string; errore: string }[]; casi: CasoEseguito[] }

let cached: Promise<Suite> | undefined;

export function suite(): Promise<Suite> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Suite> {
  const out: Suite = { erroriFile: [], casi: [] };
  try { out.catalog = (await loadAll()).catalog; } catch (e) { out.errore = e instanceof Error ? e.message : String(e); return out; }
  for (const path of await findScenarioFiles()) {
    const file = relative(ROOT_DIR, path);
    let casi: Caso[];
    try { casi = await readScenarioFile(path); } catch (e) { out.erroriFile.push({ file, errore: e instanceof Error ? e.message : String(e) }); continue; }
    for (const caso of casi) out.casi.push({ file, caso, esito: eseguiCaso(out.catalog, caso) });
  }
  return out;
}
