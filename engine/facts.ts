// The facts a condition sees (dsl/SPEC.md "The facts a condition sees"), built once per question:
// an array with the value of each root by slot (conditions/compile.ts `Fatti`), starting from the
// prepared version's (null for the actions not yet happened).
import { radiciLette } from "./conditions/radici.ts";
import { LAVORO } from "./storia.ts";
import { Fatti, PARTE_DERIVATA, radiceDi, slotDi, slotIniziale, slotNoti, slotSeNoto, truthy } from "./conditions/compile.ts";
import { leggi } from "./percorso.ts";
import type { Normalized, Evento } from "./shape.ts";
import type { PInsieme, Prepared } from "./prepared.ts";
import type { Termine } from "./ir.ts";
import type { Finestra } from "./terms.ts";
import type { Azione, Parte } from "./contract.ts";

export type Ctx = Record<string, unknown>;

export interface State {
  n: Normalized;
  /** The facts, as conditions read them. */
  f: Fatti;
  /** What the engine derives for each party (aligned with `n.parti`), for fees and effects. */
  partiDerivate?: Derivata[];
  /** Windows already computed in this question: (term, party, window) triples (terms.ts `finestraDi`). */
  finestre?: (Termine | string | Finestra | undefined)[];
  /** The organismo answering: its own rules' `fonte` in the sentences that quote it (fonte.ts). */
  organismo: string;
}

/** Whether an event is by (or addressed to) party `id`: its `parte`, or one of its `parti` for a joint action. */
export function diParte(a: Azione, id: string): boolean {
  return Array.isArray(a.parti) ? a.parti.includes(id) : a.parte === id;
}

// The roots the engine sets itself, with their slots (conditions/compile.ts `Fatti`) fixed at load.
export const S_AZIONE = slotDi("azione"), S_ATTORE = slotDi("attore"), S_PARTE = slotDi("parte"), S_FASE = slotDi("fase"),
  S_EVENTO = slotDi("evento"), S_DOCUMENTO = slotDi("documento"), S_PARTI = slotDi("parti"), S_NUMERO_PARTI = slotDi("numero_parti"),
  S_NUMERO_INVITATE = slotDi("numero_invitate"), S_VALORE_INDETERMINATO = slotDi("valore_indeterminato"), S_TIPO = slotDi("tipo"),
  S_DATA = slotDi("data"), S_PARAMETRI = slotDi("parametri"), S_CONTEGGIO = slotDi("conteggio"),
  S_RICHIEDENTI = slotDi("richiedenti_proposta"), S_PARTE_DERIVATA = slotDi(PARTE_DERIVATA),
  S_GRADUATORIA = slotDi("graduatoria_candidati");

/** The root of every event by action (`eventi.<azione>`), if some condition reads it; see applyEvent. */
const S_EVENTI_ = (): number | undefined => slotSeNoto("eventi");
let S_EVENTI: number | undefined;
/** Called once per question: the slot may be assigned after this module loads (when a regolamento is compiled). */
function aggiornaSlotEventi(): void { S_EVENTI = S_EVENTI_(); }
/** The slot of `eventi` in this question (undefined: no condition reads it). */
export function slotEventi(): number | undefined { return S_EVENTI; }

/** Sets the root `k` (a name known at run time); a root with no slot is read by nothing, and not kept. */
export function poni(st: State, k: string, v: unknown): void {
  const i = slotSeNoto(k);
  if (i !== undefined && i < st.f.s.length) st.f.s[i] = v;
}

/** The value of the root `k`, undefined when it is not in the facts. */
export function radice(st: State, k: string): unknown {
  const i = slotSeNoto(k);
  return i === undefined ? undefined : st.f.s[i];
}

/** A dotted path of the facts (`formulazione_proposta.termine_giorni`), for the IR fields that name one. */
export function leggiFatti(st: State, path: string): unknown {
  const punto = path.indexOf(".");
  if (punto < 0) return radice(st, path);
  // The root as conditions read it (a derived field of the party has a root of its own).
  return leggi(radice(st, radiceDi(path.split("."))), path.slice(punto + 1));
}

/**
 * The slots a question of `p` starts from. Roots first compiled after `p` was prepared (another
 * regolamento's) are added once, in place: a copy of `p` (conParametri) shares the same list.
 */
function slotIniziali(p: Prepared): unknown[] {
  const base = p.slotIniziali;
  const noti = slotNoti();
  if (base.length < noti.size) {
    for (const [nome, i] of noti) {
      if (i < base.length) continue;
      while (base.length < i) base.push(undefined);
      base.push(slotIniziale(p.nullEventi, nome));
    }
  }
  return base;
}

export function buildFacts(p: Prepared, n: Normalized): State {
  aggiornaSlotEventi();
  const s = slotIniziali(p).slice();
  const proc = n.proc;
  for (const k in proc) {
    if (k === "eventi") continue;
    const i = slotSeNoto(k);
    if (i !== undefined && i < s.length) s[i] = proc[k];
  }
  s[S_PARTI] = n.parti;
  s[S_NUMERO_PARTI] = n.parti.length;
  let invitate = 0;
  for (const x of n.parti) if (x.ruolo === "invitata") invitate++;
  s[S_NUMERO_INVITATE] = invitate;
  s[S_VALORE_INDETERMINATO] = proc.valore === null;
  s[S_GRADUATORIA] = n.storia.graduatoria();
  if (proc.tipo === undefined && typeof proc.materia === "string" && p.materieObbligatorie) {
    s[S_TIPO] = p.materieObbligatorie.includes(proc.materia) ? "obbligatoria" : "volontaria";
  }
  s[S_DATA] = n.dataIso;
  s[S_PARAMETRI] = p.valoriParametri;
  s[S_CONTEGGIO] = {};
  if (S_EVENTI !== undefined && S_EVENTI < s.length) s[S_EVENTI] = Object.create(null);
  s[S_AZIONE] = null;
  s[S_ATTORE] = null;
  s[S_FASE] = p.faseIniziale;
  const st: State = { n, f: new Fatti(s), partiDerivate: undefined, finestre: undefined, organismo: p.id };
  if (p.insiemi.length > 0) computeInsiemi(p, st);
  return st;
}

/** Records an event as happened: it becomes its action's last event and is counted. */
export function applyEvent(st: State, ev: Evento): void {
  const name = ev.a.azione;
  poni(st, name, ev.a);
  const c = st.f.s[S_CONTEGGIO] as Record<string, number>;
  c[name] = (c[name] ?? 0) + 1;
  // Every event of each action, oldest first, for `quanti c in azione (…)` and quantifiers over an
  // action's events: kept only when some condition reads them (the root has a slot).
  const e = S_EVENTI !== undefined ? (st.f.s[S_EVENTI] as Record<string, Azione[]> | undefined) : undefined;
  if (e) (e[name] ??= []).push(ev.a);
}

/** Index in `n.eventi` of the last event of an action, undefined when it has not happened (storia.ts: a lookup). */
export function ultimoEvento(st: State, azione: string): number | undefined {
  return st.n.storia.ultimo(azione);
}

/** The parties an event is by (its `parte`, or its `parti` for a joint action) added to `parti` once each. */
function aggiungiParti(a: Azione, parti: string[]): void {
  if (Array.isArray(a.parti)) { for (const id of a.parti) if (typeof id === "string" && !parti.includes(id)) parti.push(id); }
  else if (typeof a.parte === "string" && !parti.includes(a.parte)) parti.push(a.parte);
}

/** The parties of one event matching the sources (`parti di a, b se evento.x`), added to `parti` once each. */
function partiDellEvento(st: State, fonti: { azione: string; quando?: { fn: (f: Fatti) => unknown } }[], ev: Evento, parti: string[]): void {
  const s = st.f.s;
  for (const f of fonti) {
    if (f.azione !== ev.a.azione) continue;
    if (f.quando) {
      s[S_EVENTO] = ev.a;
      const ok = truthy(f.quando.fn(st.f));
      s[S_EVENTO] = undefined;
      if (!ok) continue;
    }
    aggiungiParti(ev.a, parti);
  }
}

/** A set's parties so far: from its sources and its exceptions, and the events already read. */
interface StatoInsieme { fonti: string[]; tranne: string[]; letti: number; valore?: { parti: string[]; numero: number; tutte: boolean } }
interface CacheInsiemi { insiemi: PInsieme[]; parti: Parte[]; per: StatoInsieme[] }

/**
 * Whether a set's sources read nothing but the event (`se evento.x`): then what an event adds is the
 * same in every question, and a history kept between questions (storia.ts) reads each event once.
 */
const SOLO_EVENTO = new WeakMap<PInsieme, boolean>();
function soloEvento(ins: PInsieme): boolean {
  let v = SOLO_EVENTO.get(ins);
  if (v === undefined) {
    v = [...ins.r.da, ...(ins.r.tranne ?? [])].every((d) => {
      if (d.quando === undefined) return true;
      const r = radiciLette(d.quando);
      return r !== undefined && [...r].every((x) => x === "evento");
    });
    SOLO_EVENTO.set(ins, v);
  }
  return v;
}

/**
 * The sets (`insieme`), on the whole history, before the phase is derived. A set whose sources read
 * other facts (rare) is read from the first event in every question: those facts may differ.
 */
function computeInsiemi(p: Prepared, st: State): void {
  const s = st.f.s;
  const storia = st.n.storia;
  let c = storia.insiemi as CacheInsiemi | undefined;
  storia.insiemi = undefined; // kept again only if this pass completes
  if (!c || c.insiemi !== p.insiemi || c.parti !== st.n.parti) c = { insiemi: p.insiemi, parti: st.n.parti, per: p.insiemi.map(() => ({ fonti: [], tranne: [], letti: 0 })) };
  const ev = st.n.eventi;
  const tenuta = storia.tenuta;
  for (let k = 0; k < p.insiemi.length; k++) {
    const ins = p.insiemi[k]!;
    const x = c.per[k]!;
    if (tenuta && !soloEvento(ins)) { x.fonti = []; x.tranne = []; x.letti = 0; }
    for (; x.letti < ev.length; x.letti++) {
      LAVORO.eventi++;
      const e = ev[x.letti]!;
      partiDellEvento(st, ins.fonti, e, x.fonti); // in order of first appearance, once each (a handful: no Set)
      if (ins.tranne) partiDellEvento(st, ins.tranne, e, x.tranne);
    }
    const parti = ins.tranne ? x.fonti.filter((id) => !x.tranne.includes(id)) : tenuta ? x.fonti.slice() : x.fonti;
    let tutte = st.n.parti.length > 0;
    for (const q of st.n.parti) if (!parti.includes(q.id)) { tutte = false; break; }
    // The same object while the set does not change: the phase's pass (phase.ts) compares by identity.
    const v = x.valore;
    if (!v || v.tutte !== tutte || v.parti.length !== parti.length || v.parti.some((id, i) => id !== parti[i])) x.valore = { parti, numero: parti.length, tutte };
    s[ins.slot] = x.valore;
  }
  if (tenuta) storia.insiemi = c;
}

// The organismo's roles as actors: one object each, shared by every question (conditions only read them).
const ATTORI_ORGANISMO = new Map<string, Ctx>(["mediatore", "segreteria", "responsabile", "organismo"].map((ruolo) => [ruolo, Object.freeze({ ruolo })]));

/**
 * The acting party (with its fields) or the organismo's role. An action that names an organismo role
 * is the organismo's even when it names a `parte`: on a communication `parte` is the party addressed
 * (docs/contratto.md, "Conventions").
 */
export function attoreDi(a: Azione, parti: Parte[]): Ctx {
  const organismo = typeof a.ruolo === "string" ? ATTORI_ORGANISMO.get(a.ruolo) : undefined;
  if (organismo) return organismo;
  if (typeof a.parte === "string") for (const p of parti) if (p.id === a.parte) return p as Ctx;
  return typeof a.ruolo === "string" ? { ruolo: a.ruolo } : ATTORI_ORGANISMO.get("organismo")!;
}

/**
 * What the engine derives for a party, read by conditions as `parte.aderito`,
 * `parte.ha_richiesto_proposta`, `parte.presente_primo_incontro` (conditions/compile.ts
 * `PARTE_DERIVATA`): one small object of one shape, while `parte.*` otherwise reads the question's
 * own party (`sorgente`), not a copy of it.
 */
export interface Derivata {
  sorgente: Parte;
  aderito: boolean;
  ha_richiesto_proposta: boolean;
  /** From the first meeting's events; else the party's own field, if it has one. */
  presente_primo_incontro: unknown;
}

/**
 * Every party's derivation, once per question, aligned with `n.parti`. Parties are known by id: a
 * repeated id gets the first one's derivation (and is read as the first one).
 */
export function partiDerivate(st: State): Derivata[] {
  if (st.partiDerivate) return st.partiDerivate;
  const parti = st.n.parti;
  const ins = st.f.s[S_RICHIEDENTI] as { parti?: string[] } | null | undefined;
  const out: Derivata[] = [];
  for (let i = 0; i < parti.length; i++) {
    const parte = parti[i]!;
    const id = parte.id;
    let j = 0;
    while (j < i && parti[j]!.id !== id) j++;
    if (j < i) { out.push(out[j]!); continue; }
    // Folded once per history (storia.ts): whose adesione, whose request, who was at the first meeting.
    const storia = st.n.storia;
    const aderito = !!storia.aderenti?.has(id), richiesta = !!storia.richiedenti?.has(id);
    const pi = storia.primoIncontro;
    let presente: boolean | undefined;
    if (pi) presente = Array.isArray(pi.presenti) ? pi.presenti.includes(id) : parte.ruolo === "istante" ? undefined : false;
    out.push({
      sorgente: parte,
      aderito,
      ha_richiesto_proposta: richiesta || (!!ins && Array.isArray(ins.parti) && ins.parti.includes(id)),
      presente_primo_incontro: presente !== undefined ? presente : (parte as Ctx)["presente_primo_incontro"],
    });
  }
  st.partiDerivate = out;
  return out;
}

/** The party the conditions read as `parte` (undefined: none, the facts of the whole procedure). */
export function poniParte(st: State, d: Derivata | undefined): void {
  st.f.s[S_PARTE] = d?.sorgente;
  st.f.s[S_PARTE_DERIVATA] = d;
}
