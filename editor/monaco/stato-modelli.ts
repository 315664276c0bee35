// What the language providers know about each open model: its last good compiled form and the
// applied baselines. Providers are registered once per language, so they look the model up here.
import type { Regolamento } from "../../engine/ir.ts";

export interface StatoModello {
  regolamento?: Regolamento;
  basi: Regolamento[];
}

const stati = new Map<string, StatoModello>();

export function statoModello(uri: string): StatoModello {
  let s = stati.get(uri);
  if (!s) stati.set(uri, (s = { basi: [] }));
  return s;
}

export function dimenticaModello(uri: string): void {
  stati.delete(uri);
}
