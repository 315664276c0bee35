// Judging actions in order on one growing history (issue 12, item 9): the initial events of a new
// procedure, each judged on the history before it. `evaluate` on each prefix reads the whole
// history every time (O(n²) for n events); a `Sequenza` keeps the history folded (storia.ts) and
// folds each accepted event once, so the answers are `evaluate`'s and the work is linear in n.
// Only what a question asks of the regolamento on its own (each term, fee and condition, and the
// trace of the phase changes, which is part of the answer) is done per question.
import { conclusione, pendenza, type Pendenza } from "./catalog.ts";
import { valutaSu } from "./evaluate.ts";
import { Storia } from "./storia.ts";
import type { Azione, Domanda, Procedimento, Risposta } from "./contract.ts";
import type { Prepared } from "./prepared.ts";

export class Sequenza {
  private readonly grezzi: Azione[] = [];
  private readonly storia = new Storia(this.grezzi, true);
  private conclusoIl: string | undefined;

  /** `fatti`: the procedure without its events (its `eventi`, if any, are ignored: they are the ones added). */
  constructor(private readonly fatti: Procedimento) {}

  /** The events added so far, in order (the caller's objects, not copies). */
  get eventi(): readonly Azione[] {
    return this.grezzi;
  }

  /** `evaluate(p, { ...domanda, procedimento: { ...fatti, eventi } })` on the events added so far. */
  valuta(p: Prepared, domanda: Omit<Domanda, "procedimento">): Risposta {
    return valutaSu(p, { ...domanda, procedimento: { ...this.fatti, eventi: this.grezzi } }, this.storia);
  }

  /** Records an event (an allowed action): the next question judges on the history with it. */
  aggiungi(a: Azione): void {
    this.grezzi.push(a);
    this.conclusoIl = conclusione(this.conclusoIl, a);
  }

  /** `pendenzaDi` (catalog.ts) of a question at `data` on the events added so far, without reading them again. */
  pendenza(data: unknown): Pendenza {
    return pendenza(data, this.conclusoIl);
  }
}

/**
 * Each action judged in order on the procedure's history with the allowed ones before it, as
 * `evaluate` would judge it (at the action's date, else `data`); stops after the first denial.
 * The answers, one per action judged.
 */
export function valutaSequenza(p: Prepared, procedimento: Procedimento, azioni: readonly Azione[], data?: string): Risposta[] {
  const seq = new Sequenza(procedimento);
  for (const e of procedimento.eventi ?? []) seq.aggiungi(e);
  const out: Risposta[] = [];
  for (const a of azioni) {
    const giorno = typeof a.data === "string" ? a.data.slice(0, 10) : data;
    const r = seq.valuta(p, giorno === undefined ? { azione: a } : { data: giorno, azione: a });
    out.push(r);
    if (r.esito !== "consentito") break;
    seq.aggiungi(a);
  }
  return out;
}
