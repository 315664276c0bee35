// What a file may refer to: the vocabulary, its own declarations and those of the applied bases.
import type { Regolamento } from "../../engine/ir.ts";
import { AZIONI } from "../../engine/vocabolario.ts";

export interface Conoscenza {
  azioni: Set<string>;
  insiemi: Set<string>;
  /** Declared phases; `verificabili` false when they may live in bases that were not given. */
  fasi: Set<string>;
  fasiVerificabili: boolean;
  /** Rule names and `scadenza` names of terms. */
  termini: Set<string>;
  voci: Set<string>;
  /** Number of brackets of the tables producing each voce (the largest, when several). */
  scaglioniPerVoce: Map<string, number>;
  regoleLocali: Map<string, string>; // name → kind
  basiDate: boolean;
  applica: string[];
  id: string;
}

export function conosci(reg: Regolamento, bases: Regolamento[] | undefined): Conoscenza {
  // Cross-file names are verifiable only when every applied baseline was given (a caller passing
  // `[]` or a partial list gets the lone-file warnings, not false errors).
  const complete = bases !== undefined && reg.applica.every((id) => bases.some((b) => b.id === id));
  const k: Conoscenza = {
    azioni: new Set(AZIONI),
    insiemi: new Set(),
    fasi: new Set(),
    fasiVerificabili: complete || reg.applica.length === 0,
    termini: new Set(),
    voci: new Set(),
    scaglioniPerVoce: new Map(),
    regoleLocali: new Map(),
    basiDate: complete,
    applica: reg.applica,
    id: reg.id,
  };
  const tutte = [...(bases ?? []).flatMap((b) => b.regole), ...reg.regole];
  for (const g of tutte) {
    if (g.tipo === "azione") k.azioni.add(g.azione);
    if (g.tipo === "insieme") k.insiemi.add(g.nome);
    if (g.tipo === "termine") {
      k.termini.add(g.nome);
      k.termini.add(g.scadenza);
    }
    if (g.tipo === "tariffa") {
      k.voci.add(g.voce);
      k.scaglioniPerVoce.set(g.voce, Math.max(k.scaglioniPerVoce.get(g.voce) ?? 0, g.scaglioni.length));
    }
    if (g.tipo === "variazione") k.voci.add(g.voce);
  }
  for (const b of bases ?? []) for (const f of b.fasi) k.fasi.add(f.nome);
  for (const f of reg.fasi) k.fasi.add(f.nome);
  for (const g of reg.regole) k.regoleLocali.set(g.nome, g.tipo);
  return k;
}
