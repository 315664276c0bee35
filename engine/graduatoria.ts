// The derived fact `graduatoria_candidati` (docs/contratto.md): the candidates of the last
// `comunicazione_lista_candidati` ranked by the parties' `preferenze_candidati`. A regolamento that
// says "the candidate with the collectively superior order of preference, and on a tie the eldest"
// (645 art. 3 c. 4) compares the designated mediator with it: the language has no aggregation over
// lists, so the engine gives the ranking as a fact.
import type { Evento } from "./shape.ts";

export interface Graduatoria {
  /** Ids of the candidates with the best (lowest) sum of positions, in the list's order. */
  migliori: string[];
  /** Among `migliori`, the one of the greatest `eta`; absent when two share it or an age is missing. */
  piu_anziano?: string;
  /** Among `migliori`, the one of the earliest `anno_iscrizione`; absent on a tie or a missing year. */
  iscritto_da_prima?: string;
}

interface Candidato { id: string; eta?: unknown; anno_iscrizione?: unknown }

/**
 * Each party's last `ordine` counts: position 1 for its first choice, and so on; a candidate a party
 * left out counts one position after its last. The sum of positions is the collective order (the
 * lower, the higher). Undefined when no list or no preference was given.
 */
export function graduatoriaCandidati(eventi: readonly Evento[]): Graduatoria | undefined {
  let candidati: Candidato[] | undefined;
  const ordini = new Map<string, string[]>();
  for (const ev of eventi) {
    const a = ev.a;
    if (a.azione === "comunicazione_lista_candidati" && Array.isArray(a.candidati)) {
      candidati = (a.candidati as unknown[]).filter((c): c is Candidato => typeof c === "object" && c !== null && typeof (c as Candidato).id === "string");
    } else if (a.azione === "preferenze_candidati" && typeof a.parte === "string" && Array.isArray(a.ordine)) {
      ordini.set(a.parte, (a.ordine as unknown[]).filter((x): x is string => typeof x === "string"));
    }
  }
  if (!candidati || candidati.length === 0 || ordini.size === 0) return undefined;
  const somma = candidati.map((c) => {
    let s = 0;
    for (const ordine of ordini.values()) { const i = ordine.indexOf(c.id); s += i < 0 ? ordine.length + 1 : i + 1; }
    return s;
  });
  const minimo = Math.min(...somma);
  const migliori = candidati.filter((_, i) => somma[i] === minimo);
  const g: Graduatoria = { migliori: migliori.map((c) => c.id) };
  const eta = unico(migliori, (c) => c.eta, (a, b) => a > b);
  if (eta) g.piu_anziano = eta;
  const iscrizione = unico(migliori, (c) => c.anno_iscrizione, (a, b) => a < b);
  if (iscrizione) g.iscritto_da_prima = iscrizione;
  return g;
}

/** The id of the one candidate whose number is best by `meglio`; undefined on a tie or a missing number. */
function unico(cs: Candidato[], campo: (c: Candidato) => unknown, meglio: (a: number, b: number) => boolean): string | undefined {
  let best: Candidato | undefined, pari = false;
  for (const c of cs) {
    const v = campo(c);
    if (typeof v !== "number") return undefined;
    if (!best || meglio(v, campo(best) as number)) { best = c; pari = false; }
    else if (v === campo(best)) pari = true;
  }
  return pari ? undefined : best?.id;
}
