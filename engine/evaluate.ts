// evaluate(prepared, question) → answer (docs/contratto.md). Pure; never throws: a malformed
// question becomes `errori` and, for the action asked, a denial with its reasons.
import { romeDay } from "./dates/calendar.ts";
import { haTrappole, MSG_TRAPPOLE, normalize, senzaTrappole } from "./shape.ts";
import { buildFacts, S_ATTORE, S_AZIONE, S_FASE, type State } from "./facts.ts";
import { derivePhase } from "./phase.ts";
import { esamina, passaIFatti, candidateAmmesse, MOTORE, nuovaSonda } from "./validate.ts";
import { scadenze } from "./scadenze.ts";
import { effetti } from "./effects.ts";
import { indennita } from "./fees.ts";
import { conParametri } from "./parametri.ts";
import { campiSconosciuti, tabellaSconosciuta } from "./nomi.ts";
import type { Normalized } from "./shape.ts";
import { GRADI } from "./vocabolario.ts";
import { piuVicino } from "./suggerimenti.ts";

const forseGrado = (g: string): string => { const s = piuVicino(g, GRADI); return s ? ` (forse intendevi '${s}'?)` : ""; };
import { solidarietaECompenso } from "./compenso.ts";
import type { Azione, Conflitto, Domanda, EffettoGiuridico, Motivo, Risposta, Traccia } from "./contract.ts";
import type { Prepared } from "./prepared.ts";
import { LAVORO, type Storia } from "./storia.ts";
import { risolviFonti } from "./fonte.ts";

// Today in Rome, recomputed once a minute: formatting a date in a time zone is not cheap.
let oggiCache = { minuto: -1, giorno: 0 };
const oggi = (): number => {
  const minuto = Math.floor(Date.now() / 60_000);
  if (minuto !== oggiCache.minuto) oggiCache = { minuto, giorno: romeDay(new Date().toISOString())! };
  return oggiCache.giorno;
};

/** Each once, in order of first appearance (a handful of strings: no Set). */
function uniq(xs: string[]): string[] {
  if (xs.length < 2) return xs;
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** `xs.join(", ")`; a set of one party (the usual case) is its name, without the join builtin. */
function elenco(xs: string[]): string {
  return xs.length === 1 ? xs[0]! : xs.join(", ");
}

export function evaluate(p: Prepared, q: Domanda): Risposta {
  return valutaSu(p, q);
}

/**
 * `evaluate` on a history already folded (storia.ts), whose raw list is `q.procedimento.eventi`:
 * the events it has not folded yet are folded now, once (sequenza.ts). Without one, a fresh history.
 */
export function valutaSu(p: Prepared, q: Domanda, storia?: Storia): Risposta {
  try {
    return risolviFonti(run(p, q, storia), p.id);
  } catch (e0) {
    let e = e0;
    // An own `toString`/`valueOf` (JSON carries them as data) makes a coercion throw. Looked for
    // only now, not in every question: the question is asked again without them, and told.
    if (haTrappole(q)) {
      try {
        const r = risolviFonti(run(p, senzaTrappole(q) as Domanda), p.id);
        r.errori = [MSG_TRAPPOLE, ...(r.errori ?? [])];
        return r;
      } catch (e1) { e = e1; }
    }
    // A bug of ours must not become a 500 or an allowed action: deny and say so.
    const msg = e instanceof Error ? e.message : String(e);
    const r: Risposta = {
      motivi: [{ regola: "errore_interno", cita: "—", fonte: MOTORE, messaggio: `errore interno del motore: ${msg}` }],
      fase: p.faseIniziale, scadenze: [], indennita: { per_parte: [], totale: 0 }, azioni_consentite: [], traccia: [], effetti: [],
      errori: [`errore interno del motore: ${msg}`],
    };
    if (q && typeof q === "object" && (q as Domanda).azione !== undefined) r.esito = "negato";
    return r;
  }
}

function run(p0: Prepared, q: Domanda, storia?: Storia): Risposta {
  const par = conParametri(p0, q);
  const p = par.p;
  const n = normalize(q, oggi, storia);
  if (par.errori.length > 0) n.errori.push(...par.errori);
  nomiDellaDomanda(p, n);
  const st = buildFacts(p, n);
  const traccia: Traccia[] = par.traccia;
  const fase = derivePhase(p, st, traccia);
  for (const ins of p.insiemi) {
    const x = st.f.s[ins.slot] as { parti: string[] } | undefined;
    if (x && x.parti.length > 0) traccia.push({ regola: ins.r.nome, cita: ins.r.cita, fonte: ins.r.fonte, esito: "applicata", dettaglio: `parti: ${elenco(x.parti)}` });
  }
  const conflitti: Conflitto[] = [];
  const mancanti: string[] = [];
  let motivi: Motivo[] = [];
  let esito: Risposta["esito"];

  if (n.azione) {
    const a = n.azione;
    // The question's own faults about the action (rare): a list only when there is one.
    let neg: Motivo[] | undefined;
    for (const m of n.erroriAzione) (neg ??= []).push({ regola: "domanda_non_valida", cita: "—", fonte: MOTORE, messaggio: m });
    if (a.azione !== "?" && !p.insiemeAzioniNote.has(a.azione)) {
      (neg ??= []).push({ regola: "azione_sconosciuta", cita: "—", fonte: MOTORE, messaggio: `azione sconosciuta: ${JSON.stringify(a.azione)}` });
    }
    if (!neg) {
      const ex = esamina(p, st, a, n.azioneGiorno ?? n.giorno, { traccia, conflitti, mancanti });
      if (ex.negativi.length > 0) { esito = "negato"; motivi = ex.negativi; } else { esito = "consentito"; motivi = ex.positivi; }
    } else { esito = "negato"; motivi = neg; }
  }

  const eff: EffettoGiuridico[] = [];
  const sc = scadenze(p, st, traccia, eff, conflitti, mancanti);
  effetti(p, st, eff, traccia);
  const ind = indennita(p, st, traccia, conflitti, mancanti);
  solidarietaECompenso(p, st, ind, traccia, conflitti);
  const consentite = azioniConsentite(p, st);

  const r = {} as Risposta;
  if (esito) r.esito = esito;
  r.motivi = motivi;
  r.fase = fase;
  r.scadenze = sc;
  r.indennita = ind;
  r.azioni_consentite = consentite;
  r.traccia = traccia;
  r.effetti = eff;
  if (conflitti.length > 0) r.conflitti = conflitti;
  if (mancanti.length > 0) r.fatti_mancanti = uniq(mancanti);
  if (n.errori.length > 0) r.errori = n.errori;
  r.regolamento = p.identita as Risposta["regolamento"];
  return r;
}


/** The names the question uses that the regolamento does not know: said in `errori` (nomi.ts). */
function nomiDellaDomanda(p: Prepared, n: Normalized): void {
  const tab = n.proc.tabella;
  if (tab !== undefined && tab !== null && typeof tab === "object") {
    const e = tabellaSconosciuta(p.nomi, (tab as { nome?: unknown }).nome);
    if (e) n.errori.push(e);
  }
  const grado = n.proc.grado_indeterminabilita;
  if (grado !== undefined && !(GRADI as readonly unknown[]).includes(grado))
    n.errori.push(`grado_indeterminabilita: valore ${typeof grado === "string" ? `'${grado}'` : JSON.stringify(grado)} non previsto${typeof grado === "string" ? forseGrado(grado) : ""}; valori: ${GRADI.join(", ")}`);
  nomiDegliEventi(p, n);
  const a = n.azione;
  if (a && p.insiemeAzioniNote.has(a.azione)) campiSconosciuti(p.nomi, a, `azione (${a.azione})`, n.errori);
}

/** What `nomiDegliEventi` found so far in a history, for the names of one regolamento. */
interface CacheNomi { nomi: Prepared["nomi"]; note: Set<string>; letti: number; errori: string[] }

/** The unknown field names of the history's events, in `errori`; each event read once per history kept (storia.ts). */
function nomiDegliEventi(p: Prepared, n: Normalized): void {
  const storia = n.storia;
  let c = storia.nomi as CacheNomi | undefined;
  storia.nomi = undefined; // kept again only if this pass completes
  // A history used by one question: straight into the answer's errors.
  if (!c || c.nomi !== p.nomi || c.note !== p.insiemeAzioniNote) c = { nomi: p.nomi, note: p.insiemeAzioniNote, letti: 0, errori: storia.tenuta ? [] : n.errori };
  for (; c.letti < n.eventi.length; c.letti++) {
    LAVORO.eventi++;
    const ev = n.eventi[c.letti]!;
    if (p.insiemeAzioniNote.has(ev.a.azione)) campiSconosciuti(p.nomi, ev.a, `eventi[${ev.indice}] (${ev.a.azione})`, c.errori);
  }
  if (storia.tenuta) {
    storia.nomi = c;
    for (const e of c.errori) n.errori.push(e);
  }
}

/** The actions with a definition or named by a rule that would be allowed now, bare. */
function azioniConsentite(p: Prepared, st: State): string[] {
  const out: string[] = [];
  let ruoli = 4; // the organismo may always act; parties by the roles present
  for (const x of st.n.parti) ruoli |= x.ruolo === "istante" ? 1 : x.ruolo === "invitata" ? 2 : 0;
  const probe: Azione = { azione: "", data: st.n.dataIso };
  const memo = nuovaSonda(); // a vincolo shared by several actions is decided once
  // The probe is the action in the facts for every candidate: set once, its name changed per candidate.
  st.f.s[S_AZIONE] = probe;
  st.f.s[S_ATTORE] = null;
  for (const c of candidateAmmesse(p, st.f.s[S_FASE] as string, ruoli)) {
    if (!c.dinamica) { out.push(c.nome); continue; }
    probe.azione = c.nome;
    if (passaIFatti(p, st, st.n.giorno, ruoli, c.vincoli, c.conTermini ? p.terminiPer.get(c.nome) : undefined, memo)) out.push(c.nome);
  }
  st.f.s[S_AZIONE] = null;
  return out;
}
