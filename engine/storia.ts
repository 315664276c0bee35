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
/** Up to this many events a lookup scans from the end (a bounded scan); beyond, it reads an index. */
const CORTA = 16;

function aggiungi(set: Set<unknown> | undefined, parte: unknown, parti: readonly unknown[]): Set<unknown> | undefined {
  if (parte === undefined && parti.length === 0) return set;
  const s = set ?? new Set();
  if (parte !== undefined) s.add(parte);
  for (const x of parti) s.add(x);
  return s;
}

export class Storia {
  /** The events that count, in order (voided ones and the voiding ones are left out). */
  readonly eventi: Evento[] = [];
  /** The events' shape problems, in order. */
  readonly errori: string[] = [];
  /** The last valid `valore_riferimento` of a `determinazione_valore` (shape.ts `normalize`). */
  valore: number | undefined;
  /** Whose `adesione`, whose request of a proposal (facts.ts `partiDerivate`): by party id, made when first needed. */
  aderenti: Set<unknown> | undefined;
  richiedenti: Set<unknown> | undefined;
  /** The `mediatore` of the last `designazione_mediatore` that names one (an object). */
  mediatore: Record<string, unknown> | undefined;
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
  // The lookups' indexes, made when the history is long enough to need them (`indici`): most
  // questions carry a handful of events, which a scan from the end reads as fast.
  private indicizzati = 0;
  private ultimi: Map<string, number> | undefined;
  private perParte: Map<string, Map<unknown, number>> | undefined;
  private documenti: Map<unknown, Azione> | undefined;
  private grad: AccumuloGraduatoria | undefined;

  /**
   * `grezzi`: the question's `procedimento.eventi`, which may only grow. `tenuta`: kept for the
   * questions that follow (sequenza.ts), so the passes keep what they folded; else used by one question.
   */
  constructor(readonly grezzi: readonly unknown[] = NESSUNO, readonly tenuta = false) {}

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
    this.deriva(a);
  }

  /** What the engine derives of the whole history, folded per event. */
  private deriva(a: Azione): void {
    const nome = a.azione;
    // The parties an event is by (facts.ts `diParte`): its `parti` for a joint action, else its `parte`
    // (no array made for the usual single party).
    const congiunta = Array.isArray(a.parti);
    const parti: readonly unknown[] = congiunta ? (a.parti as unknown[]) : NESSUNO;
    const parte = congiunta ? undefined : a.parte;
    if (nome === "determinazione_valore") {
      const v = a.valore_riferimento;
      if (typeof v === "number" && Number.isFinite(v) && v >= 0) this.valore = v;
    }
    const richiede = nome === "richiesta_proposta" || ((nome === "deposito_domanda" || nome === "adesione") && a.richiesta_proposta === true);
    if (nome === "adesione") this.aderenti = aggiungi(this.aderenti, parte, parti);
    if (richiede) this.richiedenti = aggiungi(this.richiedenti, parte, parti);
    if (nome === "designazione_mediatore" && isObj(a.mediatore)) this.mediatore = a.mediatore;
    if (nome === "primo_incontro" && (Array.isArray(a.presenti) || a.esito === "mancata_partecipazione")) this.primoIncontro = a;
    if (nome === "comunicazione_lista_candidati" || nome === "preferenze_candidati") (this.grad ??= new AccumuloGraduatoria()).aggiungi(a);
  }

  /** Index of the last event of an action, undefined when it has not happened. */
  ultimo(azione: string): number | undefined {
    const ev = this.eventi;
    if (ev.length <= CORTA) {
      for (let i = ev.length - 1; i >= 0; i--) if (ev[i]!.a.azione === azione) return i;
      return undefined;
    }
    return this.indici().ultimi!.get(azione);
  }

  /** Index of the last event of an action by (or addressed to) party `parte` (facts.ts `diParte`). */
  ultimoDi(azione: string, parte: string): number | undefined {
    const ev = this.eventi;
    if (ev.length <= CORTA) {
      for (let i = ev.length - 1; i >= 0; i--) {
        const a = ev[i]!.a;
        if (a.azione === azione && (Array.isArray(a.parti) ? a.parti.includes(parte) : a.parte === parte)) return i;
      }
      return undefined;
    }
    return this.indici().perParte?.get(azione)?.get(parte);
  }

  /** The last `deposito_documento` of the document `documento` (compared as `===`). */
  documento(documento: unknown): Azione | undefined {
    if (documento === undefined) return undefined;
    const ev = this.eventi;
    if (ev.length <= CORTA) {
      for (let i = ev.length - 1; i >= 0; i--) {
        const e = ev[i]!.a;
        if (e.azione === "deposito_documento" && e.documento === documento) return e;
      }
      return undefined;
    }
    return Number.isNaN(documento) ? undefined : this.indici().documenti?.get(documento);
  }

  /** The indexes brought up to the last event, each event indexed once. */
  private indici(): this {
    const ev = this.eventi;
    const ultimi = (this.ultimi ??= new Map());
    for (; this.indicizzati < ev.length; this.indicizzati++) {
      LAVORO.eventi++;
      const i = this.indicizzati;
      const a = ev[i]!.a;
      const nome = a.azione;
      ultimi.set(nome, i);
      const congiunta = Array.isArray(a.parti);
      const parte = congiunta ? undefined : a.parte;
      if (congiunta ? (a.parti as unknown[]).length > 0 : parte !== undefined) {
        const pp = (this.perParte ??= new Map());
        let m = pp.get(nome);
        if (!m) { m = new Map(); pp.set(nome, m); }
        if (congiunta) for (const x of a.parti as unknown[]) m.set(x, i);
        else m.set(parte, i);
      }
      if (nome === "deposito_documento" && !Number.isNaN(a.documento)) (this.documenti ??= new Map()).set(a.documento, a);
    }
    return this;
  }

  /** `graduatoria_candidati` (graduatoria.ts): the same object while no event changes it. */
  graduatoria(): Graduatoria | undefined {
    return this.grad?.graduatoria();
  }
}
