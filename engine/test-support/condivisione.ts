// For the tests that compare answers with and without sharing (engine/condivisione.ts): every scenario
// case of the repository, and the catalogue of the regolamenti loaded with sharing on or off.
import { impostaCondivisione } from "../condivisione.ts";
import type { Catalog } from "../catalog.ts";
import type { Caso } from "../scenari.ts";
import { findScenarioFiles, loadAll, readScenarioFile } from "../../regolamenti/load.ts";

export async function casiDegliScenari(): Promise<Caso[]> {
  const casi: Caso[] = [];
  for (const file of await findScenarioFiles()) casi.push(...(await readScenarioFile(file)));
  return casi;
}

/** `fn` on the regolamenti loaded with sharing `si`; sharing is back on afterwards. */
export async function conCondivisione<T>(si: boolean, fn: (catalog: Catalog) => T): Promise<T> {
  impostaCondivisione(si);
  try {
    return fn((await loadAll()).catalog);
  } finally { impostaCondivisione(true); }
}
