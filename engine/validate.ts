// Is an action allowed? Its definition (who, in which phase), the vincoli on it, the terms that
// bind it and, for `accesso_documento`, the visibility of the document (engine/SEMANTICS.md §4).
// `esamina` explains (motivi, trace, missing facts); `candidateAmmesse` and `passaIFatti` are the
// lean probe behind `azioni_consentite`: no allocation on the way, first failure wins.
import { fonteDi } from "./fonte.ts";
import { truthy } from "./conditions/compile.ts";
import { fromDay, romeDay } from "./dates/calendar.ts";
import { applicabile, CONFLITTO, mancantiIn, missingIn, qualcheMancante, resolve } from "./defaults.ts";
import { attoreDi, S_ATTORE, S_AZIONE, S_DOCUMENTO, S_FASE, type State } from "./facts.ts";
import { finestraDi, resolvePerLaParte, senzaFinestra, type Finestra } from "./terms.ts";
import { dettaglioRestringimento, restringi } from "./restringimento.ts";
import type { Azione, Conflitto, Motivo, Traccia } from "./contract.ts";
import type { Regola, Ruolo, Termine, Vincolo, Visibilita } from "./ir.ts";
import type { Candidata, MascheraRuoli, PEccezione, PTermine, PVincolo, Prepared } from "./prepared.ts";

export interface Esame {
  /** Failing rules: the action is denied when there is at least one. */
  negativi: Motivo[];
  /** Rules that decided in favour (a term met, an exception applied). */
  positivi: Motivo[];
  traccia: Traccia[];
  mancanti: string[];
  conflitti: Conflitto[];
}

export const MOTORE = "motore";

const NESSUNO: readonly PVincolo[] = [];

const ORGANISMO: readonly string[] = ["mediatore", "segreteria", "responsabile", "organismo"];

/** Whether an actor of role `ruolo` (a party's role, or an organismo role) is among `da`. */
export function ruoloAmmesso(da: readonly Ruolo[], ruolo: string, isParte: boolean): boolean {
  for (const r of da) {
    if (r === ruolo) return true;
    if (r === "parte" && isParte) return true;
    if (r === "organismo" && ORGANISMO.includes(ruolo)) return true;
    if (ruolo === "organismo" && ORGANISMO.includes(r)) return true;
  }
  return false;
}


function motivo(r: Regola, messaggio: string, extra?: Partial<Motivo>): Motivo {
  const m: Motivo = { regola: r.nome, cita: r.cita, fonte: r.fonte };
  if (r.testo) m.testo = r.testo;
  m.messaggio = messaggio;
  return extra ? Object.assign(m, extra) : m;
}

function traccia(r: { nome: string; cita: string; fonte: string }, esito: string, dettaglio?: string): Traccia {
  const t: Traccia = { regola: r.nome, cita: r.cita, fonte: r.fonte, esito };
  if (dettaglio !== undefined) t.dettaglio = dettaglio;
  return t;
}

function eccezioneTraccia(e: PEccezione, target: Regola): Traccia {
  return traccia(e.r, `eccezione ${e.r.nome} prevale su ${target.nome}`, e.variante ? "la regola si applica modificata" : "la regola non si applica");
}

function conflitto(target: Regola, ecc: { r: Regola }[], out: Esame, organismo: string): void {
  const regole = ecc.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: fonteDi(e.r, organismo) }));
  const messaggio = `conflitto: ${regole.map((r) => `${r.regola} (${r.cita}, ${r.fonte})`).join(" e ")} si applicano entrambe a ${target.nome} e nessuna prevale sull'altra`;
  out.conflitti.push({ regole, messaggio });
  out.negativi.push({ regola: target.nome, cita: target.cita, fonte: target.fonte, messaggio });
}

function faseAmmessa(p: Prepared, inFase: string[] | undefined, fase: string): boolean {
  return inFase ? inFase.includes(fase) : !p.fasiFinali.has(fase);
}

/** The action's date for a term: its `campo` when the term names one, else its day. */
function dataPer(a: Azione, campo: string | undefined, giorno: number): number | undefined | null {
  if (!campo) return giorno;
  const raw = a[campo];
  if (raw === undefined) return null; // missing
  return romeDay(raw);
}

/**
 * Examines the action asked at the current phase, explaining every rule that decides. The trace,
 * missing facts and conflicts go straight into the answer's lists (`into`), not into lists of
 * their own copied there afterwards.
 */
export function esamina(p: Prepared, st: State, a: Azione, giorno: number, into: Pick<Esame, "traccia" | "mancanti" | "conflitti">): Esame {
  const out: Esame = { negativi: [], positivi: [], traccia: into.traccia, mancanti: into.mancanti, conflitti: into.conflitti };
  const fase = st.f.s[S_FASE] as string;
  const attore = attoreDi(a, st.n.parti);
  const ruolo = String(attore["ruolo"]);
  const isParte = typeof a.parte === "string" && (ruolo === "istante" || ruolo === "invitata");
  const s = st.f.s;
  s[S_AZIONE] = a;
  s[S_ATTORE] = attore;
  if (a.azione === "accesso_documento") s[S_DOCUMENTO] = documento(st, a);

  // 1. the action's definition
  const def = p.definizioni.get(a.azione);
  if (def) {
    const d = def.r;
    if (d.da && !ruoloAmmesso(d.da, ruolo, isParte)) out.negativi.push(motivo(d, `${a.azione} spetta a ${d.da.join(", ")}, non a ${ruolo}`, { per_consentire: `l'azione deve essere compiuta da ${d.da.join(" o ")}` }));
    if (!faseAmmessa(p, d.inFase, fase)) out.negativi.push(motivo(d, d.inFase ? `${a.azione} è ammessa nella fase ${d.inFase.join(", ")}, non in ${fase}` : `il procedimento è concluso (fase ${fase})`));
    if (out.negativi.length === 0) out.traccia.push(traccia(d, "consente", `${a.azione} da ${ruolo} in fase ${fase}`));
  } else if (p.fasiFinali.has(fase)) {
    const f = p.fasi.get(fase);
    out.negativi.push({ regola: `fase_${fase}`, cita: f?.cita || "—", fonte: p.fontiFasi.get(fase) ?? p.id, messaggio: `il procedimento è concluso (fase ${fase}): ${a.azione} non è più ammessa` });
  }

  // 2. vincoli
  for (const pv of p.vincoliPer.get(a.azione) ?? NESSUNO) {
    const res = resolve(pv, st.f);
    if (res.kind === "conflitto") { conflitto(pv.r, res.eccezioni, out, p.id); continue; }
    if (res.via) {
      out.traccia.push(eccezioneTraccia(res.via, pv.r));
      out.positivi.push(motivo(res.via.r, `eccezione ${res.via.r.nome} prevale su ${pv.r.nome}`));
    }
    if (res.kind === "no") { if (res.fallita) mancantiIn(res.fallita, st.f, out.mancanti); continue; }
    const v = res.pr.r as Vincolo;
    const richiede = (res.pr as PVincolo).richiede;
    if (v.da && !ruoloAmmesso(v.da, ruolo, isParte)) { out.negativi.push(motivo(v, v.motivo ?? `${a.azione} spetta a ${v.da.join(", ")}`)); continue; }
    if (v.inFase && !v.inFase.includes(fase)) { out.negativi.push(motivo(v, v.motivo ?? `${a.azione} non è ammessa nella fase ${fase}`)); continue; }
    const ok = truthy(richiede.fn(st.f));
    const miss = missingIn(richiede, st.f);
    if (miss) out.mancanti.push(...miss);
    if (ok) { out.traccia.push(traccia(v, "consente")); continue; }
    out.traccia.push(traccia(v, "nega"));
    out.negativi.push(motivo(v, v.motivo ?? `${a.azione}: condizione non soddisfatta`, miss ? { fatti_mancanti: miss } : undefined));
    // The requirement that failed is the exception's: it decides too, and is cited.
    if (res.via) out.negativi.push(motivo(res.via.r, `la condizione applicata è quella dell'eccezione ${res.via.r.nome} a ${pv.r.nome}`));
  }

  // 3. terms binding the action: the terms of one scadenza from different sources narrow each
  // other (SEMANTICS §5): each checks its own bounds, and the motivo shows the narrowed window.
  const terms = p.terminiPer.get(a.azione);
  if (terms) {
    const vigenti: { t: PTermine; r: Termine; via: PEccezione | undefined; w: Finestra; campo?: string }[] = [];
    for (const { t, campo } of terms) {
      // A term per party is decided for the party acting (its copy of the anchoring action).
      const res = t.r.ciascunaParte && typeof a.parte === "string" ? resolvePerLaParte(t, st, a.parte) : resolve(t, st.f);
      if (res.kind === "conflitto") { conflitto(t.r, res.eccezioni, out, p.id); continue; }
      if (res.via) {
        out.traccia.push(eccezioneTraccia(res.via, t.r));
        out.positivi.push(motivo(res.via.r, `eccezione ${res.via.r.nome} prevale su ${t.r.nome}`));
      }
      if (res.kind === "no") continue;
      const r = res.pr.r as Termine;
      const w = finestraDi(p, st, r, r.ciascunaParte && typeof a.parte === "string" ? a.parte : undefined);
      if (!w) continue;
      const same = vigenti.find((x) => x.r.scadenza === r.scadenza && x.r.fonte === r.fonte);
      if (same) { conflitto(r, [{ r: same.r }, { r }], out, p.id); continue; }
      vigenti.push({ t, r, via: res.via, w, campo });
    }
    for (const { t, r, via, w, campo } of vigenti) {
      const d = dataPer(a, campo, giorno);
      if (d === null) { out.mancanti.push(`azione.${campo}`); continue; }
      if (d === undefined) { out.negativi.push(motivo(r, `${campo}: data non valida ${JSON.stringify(a[campo!])}`)); continue; }
      const gruppo = vigenti.filter((x) => x.r.scadenza === r.scadenza);
      const stretta = restringi(gruppo.map((x) => ({ t: x.r, dal: x.w.dal, entro: x.w.entro })));
      const scadenza: { nome: string; dal?: string; entro?: string } = { nome: r.scadenza };
      if (stretta.dal !== undefined) scadenza.dal = fromDay(stretta.dal);
      if (stretta.entro !== undefined) scadenza.entro = fromDay(stretta.entro);
      if (r.salvoAccordo && a.accordo_parti === true) {
        out.traccia.push(traccia(r, "non vincola", "salvo diverso accordo delle parti: le parti hanno concordato"));
        out.positivi.push(motivo(r, "il termine cede all'accordo delle parti", { scadenza }));
        continue;
      }
      const tooEarly = w.dal !== undefined && d < w.dal, tooLate = w.entro !== undefined && d > w.entro;
      const quando = campo ? `${campo} ${fromDay(d)}` : `il ${fromDay(d)}`;
      if (r.senzaSanzione) {
        // "senza sanzione": the term says when the act is timely; an act outside it is not denied.
        const come = tooEarly || tooLate ? "fuori dal termine, che è senza sanzione" : "nel termine";
        out.traccia.push(traccia(r, "consente", `${quando} ${come}`));
        out.positivi.push(motivo(r, `${a.azione} ${come} (${r.scadenza})`, { scadenza }));
        continue;
      }
      const proprio = (x: number | undefined) => (x === undefined ? "" : fromDay(x));
      if (tooEarly || tooLate) {
        out.traccia.push(traccia(r, "nega", `${quando} fuori dal termine`));
        const extra: Partial<Motivo> = { scadenza };
        if (r.salvoAccordo) extra.per_consentire = "un diverso accordo delle parti (accordo_parti: true)";
        out.negativi.push(motivo(r, tooEarly ? `${a.azione}: ${quando} è prima del ${proprio(w.dal)} (${r.scadenza})` : `${a.azione}: ${quando} è oltre il termine del ${proprio(w.entro)} (${r.scadenza})`, extra));
        // The window that excluded the action is the exception's: it decides too, and is cited.
        if (via) out.negativi.push(motivo(via.r, `il termine applicato è quello dell'eccezione ${via.r.nome} a ${t.r.nome}`, extra));
      } else {
        out.traccia.push(traccia(r, "consente", `${quando} nel termine${gruppo.length > 1 ? ` (${dettaglioRestringimento(stretta, p.id)})` : ""}`));
        out.positivi.push(motivo(r, `${a.azione} nel termine ${r.scadenza}`, { scadenza }));
      }
    }
  }

  // 4. who may see a document
  if (a.azione === "accesso_documento") visibilita(p, st, a, ruolo, out);
  s[S_AZIONE] = null;
  s[S_ATTORE] = null;
  s[S_DOCUMENTO] = undefined;
  return out;
}

/**
 * The candidates of `azioni_consentite` the definitions admit in this phase for these roles, by some
 * party or the organismo (cached per prepared version).
 */
export function candidateAmmesse(p: Prepared, fase: string, ruoli: MascheraRuoli): Candidata[] {
  // Per phase, a list per role mask (0–7): no key string built per question.
  let perRuoli = p.candidatePerFase.get(fase);
  if (!perRuoli) { perRuoli = []; p.candidatePerFase.set(fase, perRuoli); }
  let list = perRuoli[ruoli];
  if (list) return list;
  list = [];
  for (const nome of p.azioniCandidate) {
    const def = p.definizioni.get(nome);
    if (def) { if ((def.daMask & ruoli) === 0 || !faseAmmessa(p, def.r.inFase, fase)) continue; }
    else if (p.fasiFinali.has(fase)) continue;
    const vincoli = p.vincoliPer.get(nome), conTermini = p.terminiPer.has(nome);
    list.push({ nome, dinamica: vincoli !== undefined || conTermini, vincoli, conTermini });
  }
  perRuoli[ruoli] = list;
  return list;
}

/**
 * One call of azioni_consentite: the facts are the same for every probe but for the action's name,
 * so a vincolo or a term that does not read it (`PRegola.perOgniSonda`) is decided once per call.
 * Its outcome is written on the rule with the call's number (no list to search per probe);
 * evaluate is synchronous, so no other call runs in between.
 */
export interface MemoSonda { turno: number }
let sonde = 0;
export function nuovaSonda(): MemoSonda {
  return { turno: ++sonde };
}

/**
 * Whether a candidate's vincoli and terms let the bare probe `{ azione: nome, data }` through. The
 * probe is already in the facts (`azione`, no `attore`): the caller sets it once for all candidates.
 * Guards that need fields the bare action lacks are not held against it.
 */
export function passaIFatti(p: Prepared, st: State, giorno: number, ruoli: MascheraRuoli,
  vincoli: PVincolo[] | undefined, terms: { t: PTermine; campo?: string }[] | undefined, memo?: MemoSonda): boolean {
  const fase = st.f.s[S_FASE] as string;
  let ok = true;
  if (vincoli) for (let i = 0; ok && i < vincoli.length; i++) {
    const pv = vincoli[i]!;
    if (memo && pv.perOgniSonda) {
      if (pv.sondaTurno !== memo.turno) { pv.sondaBlocca = blocca(pv, st, fase, ruoli); pv.sondaTurno = memo.turno; }
      ok = !pv.sondaBlocca;
    } else ok = !blocca(pv, st, fase, ruoli);
  }
  if (ok && terms) for (let i = 0; ok && i < terms.length; i++) {
    const { t, campo } = terms[i]!;
    if (campo) continue; // the bare action has no date field to bind
    if (memo && t.perOgniSonda) {
      if (t.sondaTurno !== memo.turno) { t.sondaBlocca = terminePassato(p, st, t, giorno); t.sondaTurno = memo.turno; }
      ok = !t.sondaBlocca;
    } else ok = !terminePassato(p, st, t, giorno);
  }
  return ok;
}

/** Whether a term binding the bare probe excludes its day now (outside the window, or a conflict). */
function terminePassato(p: Prepared, st: State, t: PTermine, giorno: number): boolean {
  if (senzaFinestra(st, t)) return false;
  const eff = applicabile(t, st.f);
  if (eff === null) return false;
  if (eff === CONFLITTO) return true;
  const r = eff.r as Termine;
  if (r.ciascunaParte) return false; // which party asks is not known: decided when asked
  const w = finestraDi(p, st, r);
  return w !== undefined && ((w.dal !== undefined && giorno < w.dal) || (w.entro !== undefined && giorno > w.entro));
}

/** Whether a vincolo denies the bare probe now. */
function blocca(vincolo: PVincolo, st: State, fase: string, ruoli: MascheraRuoli): boolean {
  const eff = applicabile(vincolo, st.f);
  if (eff === null) return false;
  if (eff === CONFLITTO) return true;
  const pv = eff as PVincolo;
  if ((pv.daMask & ruoli) === 0) return true;
  if (pv.r.inFase && !pv.r.inFase.includes(fase)) return true;
  // A guard on fields the bare action lacks (or on a fact not given) is decided when asked.
  return !truthy(pv.richiede.fn(st.f)) && !pv.richiede.campiAzione && !qualcheMancante(pv.richiede, st.f);
}

/** The last deposit of the document the action names (storia.ts: a lookup). */
function documento(st: State, a: Azione): Azione | undefined {
  return st.n.storia.documento(a.documento);
}

function visibilita(p: Prepared, st: State, a: Azione, ruolo: string, out: Esame): void {
  const doc = st.f.s[S_DOCUMENTO] as Azione | undefined;
  if (!doc) {
    out.negativi.push({ regola: "documento_sconosciuto", cita: "—", fonte: MOTORE, messaggio: `nessun deposito_documento con documento ${JSON.stringify(a.documento)}` });
    return;
  }
  for (const pv of p.visibilita.get(String(doc.tipo)) ?? []) {
    const res = resolve(pv, st.f);
    if (res.kind !== "applica") continue;
    const v = res.pr.r as Visibilita;
    let vede = false;
    for (const w of v.visibileA) {
      if ((w === "depositante" && (ruolo === "istante" || ruolo === "invitata") && a.parte === doc.parte) || (w === "mediatore" && ruolo === "mediatore") ||
        (w === "segreteria" && ruolo === "segreteria") || (w === "parti" && (ruolo === "istante" || ruolo === "invitata"))) vede = true;
    }
    if (vede) out.traccia.push(traccia(v, "consente"));
    else {
      out.traccia.push(traccia(v, "nega"));
      out.negativi.push(motivo(v, `i documenti ${v.documenti} sono visibili solo a ${v.visibileA.join(", ")}`));
    }
  }
}
