// Terms: the window [dal, entro] of a `termine` from its anchor, counted the Italian way, with
// closures that suspend it and the art. 155 c.p.c. extension off Sundays and holidays.
import { fromDay, romeDay, toDay, weekday } from "./dates/calendar.ts";
import { festivo, nonLavorativo, shift, type Calendar } from "./dates/count.ts";
import { resolve, type Resolved } from "./defaults.ts";
import { diParte, leggiFatti, poni, radice, ultimoEvento, type State } from "./facts.ts";
import type { Chiusura, PTermine, Prepared } from "./prepared.ts";
import type { Azione } from "./contract.ts";
import { intero, leggi } from "./percorso.ts";
import type { Limite, Termine } from "./ir.ts";

export interface Finestra {
  dal: number | undefined;
  entro: number | undefined;
  /** Why the deadline moved (a longer term, a closure, a holiday): most windows have none and share `NESSUNO_SPOSTAMENTO`. */
  spostamenti: readonly string[];
  /** Index of the anchoring event (the term is closed by a `per` action after it). */
  ancoraIndice: number;
}

const NESSUNO_SPOSTAMENTO: readonly string[] = Object.freeze([]);

function sposta(w: Finestra, perche: string): void {
  if (w.spostamenti === NESSUNO_SPOSTAMENTO) w.spostamenti = [perche];
  else (w.spostamenti as string[]).push(perche);
}

const it = (n: number) => { const s = fromDay(n); return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`; };

/** The organismo's closures plus the procedure's own `chiusure`, as day numbers. */
export function chiusureDi(p: Prepared, st: State): Chiusura[] {
  const extra = st.n.proc.chiusure;
  if (!Array.isArray(extra) || extra.length === 0) return p.chiusure;
  const out = [...p.chiusure];
  for (const c of extra) {
    if (typeof c !== "object" || c === null) continue;
    const dal = typeof c.dal === "string" ? toDay(c.dal) : undefined, al = typeof c.al === "string" ? toDay(c.al) : undefined;
    if (dal !== undefined && al !== undefined && al >= dal) out.push({ dal, al, nome: "chiusura comunicata" });
  }
  return out;
}

// `ancora`'s result: the anchor day and its event index, in module scratch (no object per window;
// evaluate is synchronous, and a nested `ancora` has returned before its caller writes them).
let ancoraGiorno = 0, ancoraIndice = 0;
function posaAncora(giorno: number | undefined, indice: number): boolean {
  if (giorno === undefined) return false;
  ancoraGiorno = giorno; ancoraIndice = indice;
  return true;
}

/** Whether the anchoring event has happened; if so its day and index are in the scratch above. */
function ancora(p: Prepared, st: State, t: Termine, parte: string | undefined, depth: number): boolean {
  const a = t.ancora;
  if ("termine" in a) {
    if (depth > 4) return false;
    // "Dalla scadenza di X": the deadline the rule X times (or the deadline named X), narrowed: the
    // earliest `entro` among the applicable terms of that scadenza (restringimento.ts).
    const nome = p.termini.find((pt) => pt.r.nome === a.termine)?.r.scadenza ?? a.termine;
    let giorno: number | undefined, indice = -1;
    for (const pt of p.termini) {
      if (pt.r.scadenza !== nome) continue;
      const res = resolve(pt, st.f);
      if (res.kind !== "applica") continue;
      const w = res.pr.r.ciascunaParte && parte === undefined ? ultimaDelleParti(p, st, res.pr.r, depth + 1) : finestra(p, st, res.pr.r, parte, depth + 1);
      if (w?.entro !== undefined && (giorno === undefined || w.entro < giorno)) { giorno = w.entro; indice = w.ancoraIndice; }
    }
    return posaAncora(giorno, indice);
  }
  if ("fatto" in a) {
    // A date the procedure carries (the judge's deadline of a demandata): no event, so any `per`
    // action closes the term (index -1).
    return posaAncora(romeDay(leggiFatti(st, a.fatto)), -1);
  }
  let idx = ultimoEvento(st, a.evento);
  if (idx === undefined) return false;
  if (parte !== undefined) {
    // A communication addressed to each party: the one addressed to this party, when there is one.
    // None, while the last one names other parties: this party's term has not started (an invito
    // received by B does not start C's seven days, nor the istante's). An act addressed to nobody in
    // particular (the mediator's proposal without `parte`) starts every party's.
    const j = st.n.storia.ultimoDi(a.evento, parte);
    if (j !== undefined) idx = j;
    else if (indirizzato(st.n.eventi[idx]!.a)) return false;
  }
  const ev = st.n.eventi[idx]!;
  const raw = a.campo ? ev.a[a.campo] : (ev.a.data_ricezione ?? ev.a.data);
  return posaAncora(a.campo || ev.a.data_ricezione !== undefined ? romeDay(raw) : ev.giorno, idx);
}

/**
 * A term each party runs, seen by a term for nobody in particular ("decorsi 5 giorni dalla scadenza del
 * termine per l'accettazione delle parti"): its deadline is the last party's (a party's answer does not
 * shorten its own term). Parties for whom it has not started are not waited for: limit in SEMANTICS §5.
 */
function ultimaDelleParti(p: Prepared, st: State, t: Termine, depth: number): Finestra | undefined {
  let ultima: Finestra | undefined;
  for (const x of st.n.parti) {
    const w = finestra(p, st, t, x.id, depth);
    if (w?.entro !== undefined && (ultima?.entro === undefined || w.entro > ultima.entro)) ultima = w;
  }
  return ultima;
}

export function finestra(p: Prepared, st: State, t: Termine, parte?: string, depth = 0): Finestra | undefined {
  if (!ancora(p, st, t, parte, depth)) return undefined;
  const giorno = ancoraGiorno, indice = ancoraIndice; // read at once: a nested window overwrites them
  const cal = p.calendario;
  const prima = "verso" in t.ancora && t.ancora.verso === "prima";
  const sign = prima ? -1 : 1;
  // Every field in the literal: one hidden class for every window.
  const w: Finestra = { dal: undefined, entro: undefined, spostamenti: NESSUNO_SPOSTAMENTO, ancoraIndice: indice };
  if (t.nonPrimaDi) w.dal = shift(giorno, limite(st, t, t.nonPrimaDi, indice, w), sign, cal);
  if (t.entro) {
    let entro = shift(giorno, limite(st, t, t.entro, indice, w), sign, cal);
    if (!prima && t.sospesoDaChiusure) entro = extend(giorno, entro, t, chiusureDi(p, st), cal, w);
    if (p.valoriParametri["proroga_termini_festivi"] === true) entro = proroga(entro, sign, p, w);
    w.entro = entro;
  }
  return w;
}

/**
 * The limit in force: a positive whole number at `quantitaDa` (the longer term the mediator set)
 * replaces the text's number, and the answer says so.
 */
function limite(st: State, t: Termine, l: Limite, indice: number, w: Finestra): Limite {
  if (!l.quantitaDa) return l;
  // A path on the anchor's own action reads the anchoring event (for a term per party: the copy
  // addressed to that party), not merely the last event of that action.
  const a = t.ancora;
  const suAncora = "evento" in a && indice >= 0 && l.quantitaDa.startsWith(`${a.evento}.`);
  const x = suAncora ? leggi(st.n.eventi[indice]!.a as Record<string, unknown>, l.quantitaDa.slice(a.evento.length + 1)) : leggiFatti(st, l.quantitaDa);
  const n = intero(x);
  if (n === undefined || n === 0 || n === l.quantita) return l;
  sposta(w, `${n} ${l.unita.replace("_", " ")} invece di ${l.quantita}: ${l.quantitaDa}`);
  return { ...l, quantita: n };
}

/** Closures overlapping [anchor, entro] extend entro by their days, repeatedly while the extension meets another. */
function extend(anchor: number, entro: number, t: Termine, chiusure: Chiusura[], cal: Calendar, w: Finestra): number {
  if (chiusure.length === 0) return entro;
  const lavorativi = t.entro?.unita === "giorni_lavorativi";
  let end = entro, k = 0;
  for (let guard = 0; guard < 50; guard++) {
    let days = 0;
    for (let n = anchor + 1; n <= end; n++) {
      if (!chiusure.some((c) => n >= c.dal && n <= c.al)) continue;
      if (!lavorativi || nonLavorativo(n, cal) === undefined) days++;
    }
    if (days === k) break;
    k = days;
    end = lavorativi ? shift(entro, { quantita: k, unita: "giorni_lavorativi" }, 1, cal) : entro + k;
  }
  if (k > 0) {
    const hit = chiusure.filter((c) => c.al > anchor && c.dal <= end);
    const nomi = hit.map((c) => `${it(c.dal)}–${it(c.al)}${c.nome ? ` (${c.nome})` : ""}`).join(", ");
    sposta(w, `chiusura dell'organismo ${nomi}: termine sospeso, +${k} ${lavorativi ? "giorni lavorativi" : "giorni"} (dal ${it(entro)} al ${it(end)})`);
  }
  return end;
}

/** Art. 155 c.p.c.: a last day on a Sunday or holiday (a Saturday when `proroga_sabato`) moves to the next working day. */
function motivoProroga(n: number, cal: Calendar, sabato: boolean): string | undefined {
  return festivo(n, cal) ?? (sabato && weekday(n) === 6 ? "sabato" : undefined);
}

function proroga(entro: number, sign: 1 | -1, p: Prepared, w: Finestra): number {
  const cal = p.calendario;
  const sabato = p.valoriParametri["proroga_sabato"] === true;
  let n = entro;
  const first = motivoProroga(n, cal, sabato);
  if (!first) return entro;
  while (motivoProroga(n, cal, sabato)) n += sign;
  sposta(w, `il ${it(entro)} è ${first === "domenica" || first === "sabato" ? first : `festivo (${first})`}: ${sign > 0 ? "prorogato" : "anticipato"} al ${it(n)} (art. 155 c.p.c.)`);
  return n;
}

/** Whether an event names the parties it is by or for (`parte`, or `parti` for a joint act). */
const indirizzato = (a: Azione): boolean => a.parte !== undefined || Array.isArray(a.parti);

/**
 * For a term per party anchored on an action sent to each party separately: that party's copy of
 * the action, when it is not the last one (the one the facts hold). The term's rule and its
 * exceptions are then decided on it ("nel maggior termine indicato dal mediatore" in the copy
 * addressed to that party), as its window is (`ancora`).
 */
function copiaPerParte(st: State, t: Termine, parte: string): Azione | undefined {
  const a = t.ancora;
  if (!("evento" in a)) return undefined;
  const ultimo = ultimoEvento(st, a.evento);
  if (ultimo === undefined) return undefined;
  const i = st.n.storia.ultimoDi(a.evento, parte);
  return i === undefined || i === ultimo ? undefined : st.n.eventi[i]!.a;
}

/** Whether a term runs from an action that has not happened (so no party has a copy of it either). */
export function ancoraMancante(st: State, t: Termine): boolean {
  return "evento" in t.ancora && ultimoEvento(st, t.ancora.evento) === undefined;
}

/**
 * Whether a term cannot have a window now: it runs from an action that has not happened, and no
 * exception can put another rule (another anchor) in its place. Deciding its `quando` would change
 * nothing: without exceptions `resolve` says nothing but yes or no.
 */
export function senzaFinestra(st: State, pt: PTermine): boolean {
  return pt.eccezioni.length === 0 && ancoraMancante(st, pt.r);
}

/** `resolve` of a term for one party: on that party's copy of the anchoring action, when it has one. */
export function resolvePerLaParte(pt: PTermine, st: State, parte: string): Resolved<Termine> {
  const copia = copiaPerParte(st, pt.r, parte);
  if (!copia) return resolve(pt, st.f);
  const nome = copia.azione;
  const prima = radice(st, nome);
  poni(st, nome, copia);
  try { return resolve(pt, st.f); } finally { poni(st, nome, prima); }
}

/**
 * Whether a `per` action closed the term after its anchor (for one party, with `ciascunaParte`), by its
 * last day: an act after it does not close it, the term has run out and its `in mancanza` holds ("decorsi
 * inutilmente i quali non si darà corso alla procedura": a late completion does not revive it).
 */
export function chiuso(st: State, t: Termine, w: Finestra, parte?: string): boolean {
  // Some `per` action after the anchor: its last event (for the party) is after it (storia.ts: lookups).
  const storia = st.n.storia;
  for (const x of t.per) {
    const i = parte === undefined ? storia.ultimo(x.azione) : storia.ultimoDi(x.azione, parte);
    if (i === undefined || i <= w.ancoraIndice) continue;
    // A term `senza sanzione` times its acts without consequence: a late one closes it too.
    if (w.entro === undefined || t.senzaSanzione || nelTermine(st, x.azione, parte, w.ancoraIndice, w.entro)) return true;
  }
  return false;
}

/** Whether an event of `azione` (for the party) after the anchor is dated by the last day (a scan: only when the last one is not). */
function nelTermine(st: State, azione: string, parte: string | undefined, ancora: number, entro: number): boolean {
  const ev = st.n.eventi;
  for (let i = ev.length - 1; i > ancora; i--) {
    const { a, giorno } = ev[i]!;
    if (a.azione !== azione) continue;
    if (parte !== undefined && !diParte(a, parte)) continue;
    if (giorno === undefined || giorno <= entro) return true;
  }
  return false;
}

/**
 * `finestra`, memoised per question: several checks ask for the same window. A question meets a
 * handful of terms: the memo is one flat list of (term, party, window) triples searched by
 * identity, no Map and no entry object per window.
 */
export function finestraDi(p: Prepared, st: State, t: Termine, parte?: string): Finestra | undefined {
  let m = st.finestre;
  if (!m) { m = []; st.finestre = m; }
  for (let i = 0; i < m.length; i += 3) {
    if (m[i] === t && m[i + 1] === parte) return m[i + 2] as Finestra | undefined;
  }
  const w = finestra(p, st, t, parte);
  m.push(t, parte, w);
  return w;
}
