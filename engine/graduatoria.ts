// The derived fact `graduatoria_candidati` (docs/contratto.md): the candidates of the last
// `comunicazione_lista_candidati` ranked by the parties' `preferenze_candidati`. A regolamento that
// says "the candidate with the collectively superior order of preference, and on a tie the eldest"
// (645 art. 3 c. 4) compares the designated mediator with it: the language has no aggregation over
// lists, so the engine gives the ranking as a fact.
import type { Evento } from "./shape.ts";
import type { Azione } from "./contract.ts";

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
  const g = new AccumuloGraduatoria();
  for (const ev of eventi) g.aggiungi(ev.a);
  return g.graduatoria();
}

/**
 * The ranking folded one event at a time (engine/storia.ts): the last list and each party's last
 * order. The same object is handed back until an event changes them, so a question can tell that
 * the fact did not change by identity.
 */
export class AccumuloGraduatoria {
  private candidati: Candidato[] | undefined;
  private readonly ordini = new Map<string, string[]>();
  private valore: Graduatoria | undefined;
  private cambiata = false;

  aggiungi(a: Azione): void {
    if (a.azione === "comunicazione_lista_candidati" && Array.isArray(a.candidati)) {
      this.candidati = (a.candidati as unknown[]).filter((c): c is Candidato => typeof c === "object" && c !== null && typeof (c as Candidato).id === "string");
      this.cambiata = true;
    } else if (a.azione === "preferenze_candidati" && typeof a.parte === "string" && Array.isArray(a.ordine)) {
      this.ordini.set(a.parte, (a.ordine as unknown[]).filter((x): x is string => typeof x === "string"));
      this.cambiata = true;
    }
  }

  graduatoria(): Graduatoria | undefined {
    if (this.cambiata) { this.valore = classifica(this.candidati, this.ordini); this.cambiata = false; }
    return this.valore;
  }
}

function classifica(candidati: Candidato[] | undefined, ordini: Map<string, string[]>): Graduatoria | undefined {
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
