// The facts a condition sees (dsl/SPEC.md "The facts a condition sees"), built once per question:
// an array with the value of each root by slot (conditions/compile.ts `Fatti`), starting from the
// prepared version's (null for the actions not yet happened).
import { Fatti, slotDi, slotIniziale, slotNoti, slotSeNoto, truthy } from "./conditions/compile.ts";
import { leggi } from "./percorso.ts";
import type { Normalized, Evento } from "./shape.ts";
import type { Prepared } from "./prepared.ts";
import type { Termine } from "./ir.ts";
import type { Finestra } from "./terms.ts";
import type { Azione, Parte } from "./contract.ts";

export type Ctx = Record<string, unknown>;

export interface State {
  n: Normalized;
  /** The facts, as conditions read them. */
  f: Fatti;
  /** Index in `n.eventi` of the last event of each action. */
  ultimo: Map<string, number>;
  /** The parties with derived fields (aligned with `n.parti`), for fees and effects. */
  partiDerivate?: Ctx[];
  /** Windows already computed in this question, per term and party (terms.ts `finestraDi`). */
  finestre?: { t: Termine; parte: string | undefined; w: Finestra | undefined }[];
}

/** Parties an event is by: `parte`, or `parti` for a joint action. */
export function partiDi(a: Azione): string[] {
  if (Array.isArray(a.parti)) return a.parti.filter((x): x is string => typeof x === "string");
  return typeof a.parte === "string" ? [a.parte] : [];
}

/** `partiDi(a).includes(id)` without building the list. */
export function diParte(a: Azione, id: string): boolean {
  return Array.isArray(a.parti) ? a.parti.includes(id) : a.parte === id;
}

// The roots the engine sets itself, with their slots (conditions/compile.ts `Fatti`) fixed at load.
export const S_AZIONE = slotDi("azione"), S_ATTORE = slotDi("attore"), S_PARTE = slotDi("parte"), S_FASE = slotDi("fase"),
  S_EVENTO = slotDi("evento"), S_DOCUMENTO = slotDi("documento"), S_PARTI = slotDi("parti"), S_NUMERO_PARTI = slotDi("numero_parti"),
  S_NUMERO_INVITATE = slotDi("numero_invitate"), S_VALORE_INDETERMINATO = slotDi("valore_indeterminato"), S_TIPO = slotDi("tipo"),
  S_DATA = slotDi("data"), S_PARAMETRI = slotDi("parametri"), S_CONTEGGIO = slotDi("conteggio"),
  S_RICHIEDENTI = slotDi("richiedenti_proposta");

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
  return leggi(radice(st, path.slice(0, punto)), path.slice(punto + 1));
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
  if (proc.tipo === undefined && typeof proc.materia === "string" && p.materieObbligatorie) {
    s[S_TIPO] = p.materieObbligatorie.includes(proc.materia) ? "obbligatoria" : "volontaria";
  }
  s[S_DATA] = n.dataIso;
  s[S_PARAMETRI] = p.valoriParametri;
  s[S_CONTEGGIO] = {};
  s[S_AZIONE] = null;
  s[S_ATTORE] = null;
  s[S_FASE] = p.faseIniziale;
  const st: State = { n, f: new Fatti(s), ultimo: new Map(), partiDerivate: undefined, finestre: undefined };
  if (p.insiemi.length > 0) computeInsiemi(p, st);
  return st;
}

/** Records an event as happened: it becomes its action's last event and is counted. */
export function applyEvent(st: State, ev: Evento): void {
  const name = ev.a.azione;
  poni(st, name, ev.a);
  const c = st.f.s[S_CONTEGGIO] as Record<string, number>;
  c[name] = (c[name] ?? 0) + 1;
  st.ultimo.set(name, ev.indice);
}

function computeInsiemi(p: Prepared, st: State): void {
  const s = st.f.s;
  for (const ins of p.insiemi) {
    const parti: string[] = []; // in order of first appearance, once each (a handful: no Set)
    for (const ev of st.n.eventi) {
      for (const f of ins.fonti) {
        if (f.azione !== ev.a.azione) continue;
        if (f.quando) {
          s[S_EVENTO] = ev.a;
          const ok = truthy(f.quando.fn(st.f));
          s[S_EVENTO] = undefined;
          if (!ok) continue;
        }
        for (const id of partiDi(ev.a)) if (!parti.includes(id)) parti.push(id);
      }
    }
    let tutte = st.n.parti.length > 0;
    for (const x of st.n.parti) if (!parti.includes(x.id)) { tutte = false; break; }
    s[ins.slot] = { parti, numero: parti.length, tutte };
  }
}

const RUOLI_ORGANISMO = new Set(["mediatore", "segreteria", "responsabile", "organismo"]);

/**
 * The acting party (with its fields) or the organismo's role. An action that names an organismo role
 * is the organismo's even when it names a `parte`: on a communication `parte` is the party addressed
 * (CONTRACT.md, "Conventions").
 */
export function attoreDi(a: Azione, parti: Parte[]): Ctx {
  if (typeof a.ruolo === "string" && RUOLI_ORGANISMO.has(a.ruolo)) return { ruolo: a.ruolo };
  const p = typeof a.parte === "string" ? parti.find((x) => x.id === a.parte) : undefined;
  if (p) return p as Ctx;
  return { ruolo: typeof a.ruolo === "string" ? a.ruolo : "organismo" };
}

/**
 * Every party with `parte.*` for fees and per-party effects: its own fields plus `aderito`,
 * `presente_primo_incontro`, `ha_richiesto_proposta`. Derived once per question, aligned with
 * `n.parti`, in one pass over the events. Each is a plain copy: a party used as a prototype would
 * turn the question's object into a V8 prototype (slow to make, a new map for every question).
 * Parties are known by id: a repeated id gets the first one's derivation.
 */
export function partiDerivate(st: State): Ctx[] {
  if (st.partiDerivate) return st.partiDerivate;
  const parti = st.n.parti;
  const np = parti.length;
  // Sized once, filled by a loop (no growth, no `fill` builtin).
  const aderito = new Array<boolean>(np), richiesta = new Array<boolean>(np), presente = new Array<boolean | undefined>(np);
  for (let i = 0; i < np; i++) { aderito[i] = false; richiesta[i] = false; presente[i] = undefined; }
  for (const ev of st.n.eventi) {
    const a = ev.a;
    const nome = a.azione;
    const richiede = nome === "richiesta_proposta" || ((nome === "deposito_domanda" || nome === "adesione") && a.richiesta_proposta === true);
    if (nome === "adesione" || richiede) {
      for (let i = 0; i < np; i++) if (diParte(a, parti[i]!.id)) { if (nome === "adesione") aderito[i] = true; if (richiede) richiesta[i] = true; }
    }
    if (nome === "primo_incontro") {
      for (let i = 0; i < np; i++) {
        if (Array.isArray(a.presenti)) presente[i] = a.presenti.includes(parti[i]!.id);
        else if (a.esito === "mancata_partecipazione") presente[i] = parti[i]!.ruolo === "istante" ? undefined : false;
      }
    }
  }
  const ins = st.f.s[S_RICHIEDENTI] as { parti?: string[] } | null | undefined;
  const out: Ctx[] = [];
  for (let i = 0; i < np; i++) {
    let j = 0;
    while (j < i && parti[j]!.id !== parti[i]!.id) j++;
    if (j < i) { out.push(out[j]!); continue; }
    const id = parti[i]!.id;
    // Object.assign into an empty literal: the maps come from the shared transition tree (a spread
    // copy gets a map of its own, and each field added after it makes another: ~30× slower here).
    const d: Ctx = Object.assign({}, parti[i]);
    d["aderito"] = aderito[i];
    d["ha_richiesto_proposta"] = richiesta[i] || (!!ins && Array.isArray(ins.parti) && ins.parti.includes(id));
    if (presente[i] !== undefined) d["presente_primo_incontro"] = presente[i];
    out.push(d);
  }
  st.partiDerivate = out;
  return out;
}
