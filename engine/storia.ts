// A procedure's history as the engine reads it, folded one event at a time (engine/SEMANTICS.md
// "Incremental path"). A question reads what it needs of the history here (the last event of an
// action, of an action for a party, a document, the parties' derivations) by lookup, not by a scan.
// `evaluate` folds the question's whole history into a fresh one; a `Sequenza` (sequenza.ts) keeps
// one and folds each accepted event once, so judging n events in order is linear in n.
import { romeDay } from "./dates/calendar.ts";
import { AccumuloGraduatoria, type Graduatoria } from "./graduatoria.ts";
import type { Azione } from "./contract.ts";
import type { Evento } from "./shape.ts";

/** Events visited by any pass over a history (this fold, the phase's, the sets'): tests count work with it, not time. */
export const LAVORO = { eventi: 0 };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const NESSUNO: readonly unknown[] = Object.freeze([]);

export class Storia {
  /** The events that count, in order (voided ones and the voiding ones are left out). */
  readonly eventi: Evento[] = [];
  /** The events' shape problems, in order. */
  readonly errori: string[] = [];
  /** The last valid `valore_riferimento` of a `determinazione_valore` (shape.ts `normalize`). */
  valore: number | undefined;
  /** Whose `adesione`, whose request of a proposal (facts.ts `partiDerivate`): by party id. */
  readonly aderenti = new Set<unknown>();
  readonly richiedenti = new Set<unknown>();
  /** The last `primo_incontro` that says who was there (a list of `presenti`, or a missed meeting). */
  primoIncontro: Azione | undefined;
  /**
   * What later passes keep between questions, keyed on what they depend on (the prepared version and
   * the facts they read): phase.ts (the phase's fold), facts.ts (the sets), evaluate.ts (names).
   */
  fase: unknown;
  insiemi: unknown;
  nomi: unknown;

  private letti = 0;
  private readonly ultimi = new Map<string, number>();
  private readonly perParte = new Map<string, Map<unknown, number>>();
  private readonly documenti = new Map<unknown, Azione>();
  private readonly grad = new AccumuloGraduatoria();

  /** `grezzi`: the question's `procedimento.eventi`, which may only grow (sequenza.ts). */
  constructor(readonly grezzi: readonly unknown[] = NESSUNO) {}

  /** Folds the raw events not yet folded. */
  allinea(): this {
    const g = this.grezzi;
    // Advanced after the event is folded: an event that throws is met again by the next question, as evaluate would.
    while (this.letti < g.length) { this.leggi(g[this.letti], this.letti); this.letti++; }
    return this;
  }

  private leggi(e: unknown, i: number): void {
    LAVORO.eventi++;
    if (!isObj(e) || typeof e.azione !== "string") { this.errori.push(`eventi[${i}]: manca il nome dell'azione`); return; }
    // The record's corrections (docs/contratto.md): a voided event and the voiding itself do not count,
    // so a history read from GET …/eventi judges as the server judges it.
    if (e.azione === "annullamento_evento" || isObj(e.annullato)) return;
    const g = e.data === undefined ? undefined : romeDay(e.data);
    const errore = e.data !== undefined && g === undefined ? `eventi[${i}] (${e.azione}): data non valida ${JSON.stringify(e.data)}` : undefined;
    const a = e as Azione;
    const indice = this.eventi.length;
    if (errore) this.errori.push(errore);
    this.eventi.push({ a, giorno: g, indice });
    this.indicizza(a, indice);
  }

  private indicizza(a: Azione, i: number): void {
    const nome = a.azione;
    this.ultimi.set(nome, i);
    // The parties an event is by (facts.ts `diParte`): its `parti` for a joint action, else its `parte`.
    const parti: readonly unknown[] = Array.isArray(a.parti) ? a.parti : a.parte !== undefined ? [a.parte] : NESSUNO;
    if (parti.length > 0) {
      let m = this.perParte.get(nome);
      if (!m) { m = new Map(); this.perParte.set(nome, m); }
      for (const x of parti) m.set(x, i);
    }
    if (nome === "deposito_documento" && !Number.isNaN(a.documento)) this.documenti.set(a.documento, a);
    if (nome === "determinazione_valore") {
      const v = a.valore_riferimento;
      if (typeof v === "number" && Number.isFinite(v) && v >= 0) this.valore = v;
    }
    const richiede = nome === "richiesta_proposta" || ((nome === "deposito_domanda" || nome === "adesione") && a.richiesta_proposta === true);
    if (nome === "adesione") for (const x of parti) this.aderenti.add(x);
    if (richiede) for (const x of parti) this.richiedenti.add(x);
    if (nome === "primo_incontro" && (Array.isArray(a.presenti) || a.esito === "mancata_partecipazione")) this.primoIncontro = a;
    this.grad.aggiungi(a);
  }

  /** Index of the last event of an action, undefined when it has not happened. */
  ultimo(azione: string): number | undefined {
    return this.ultimi.get(azione);
  }

  /** Index of the last event of an action by (or addressed to) party `parte`. */
  ultimoDi(azione: string, parte: string): number | undefined {
    return this.perParte.get(azione)?.get(parte);
  }

  /** The last `deposito_documento` of the document `documento` (compared as `===`). */
  documento(documento: unknown): Azione | undefined {
    return documento === undefined || Number.isNaN(documento) ? undefined : this.documenti.get(documento);
  }

  /** `graduatoria_candidati` (graduatoria.ts): the same object while no event changes it. */
  graduatoria(): Graduatoria | undefined {
    return this.grad.graduatoria();
  }
}
