// `scadenze`: every applicable term whose anchor exists and that no `per` action has closed, one
// per deadline name (and party): terms of one name narrow each other (restringimento.ts); a term
// run out unclosed adds its `inMancanza` effect (silence as refusal).
import { fonteDi } from "./fonte.ts";
import { fromDay } from "./dates/calendar.ts";
import { resolve, type Resolved } from "./defaults.ts";
import { ancoraMancante, finestraDi, chiuso, resolvePerLaParte, senzaFinestra, type Finestra } from "./terms.ts";
import { dettaglioRestringimento, limitiDi, restringi } from "./restringimento.ts";
import { leggiFatti, type State } from "./facts.ts";
import type { Conflitto, EffettoGiuridico, Scadenza, Traccia } from "./contract.ts";
import type { Termine } from "./ir.ts";
import type { PTermine, Prepared } from "./prepared.ts";

/** A term in force with a window, for one party (or all): what `scadenze` narrows by name. */
interface Voce {
  t: Termine;
  parte: string | undefined;
  w: Finestra;
  chiuso: boolean;
}

export function scadenze(p: Prepared, st: State, traccia: Traccia[], effetti: EffettoGiuridico[], conflitti: Conflitto[], mancanti: string[]): Scadenza[] {
  const voci: Voce[] = [];
  for (const pt of p.termini) {
    if (senzaFinestra(st, pt)) continue;
    if (!pt.r.ciascunaParte) {
      const t = inVigore(pt, resolve(pt, st.f), traccia, conflitti);
      if (!t) continue;
      if (!t.ciascunaParte) voce(p, st, t, undefined, voci, mancanti);
      else for (const x of st.n.parti) voce(p, st, t, x.id, voci, mancanti);
    } else {
      // Per party: the rule in force is decided on the copy of the anchoring action addressed to
      // that party; what it says once for every party (an exception, a conflict) is said once.
      // When that action has not happened no party has a copy: the rule is the same for all.
      const detti: string[] = [];
      const comune = ancoraMancante(st, pt.r);
      const t0 = comune ? inVigore(pt, resolve(pt, st.f), traccia, conflitti, detti) : undefined;
      for (const x of st.n.parti) {
        const t = comune ? t0 : inVigore(pt, resolvePerLaParte(pt, st, x.id), traccia, conflitti, detti);
        if (t) voce(p, st, t, x.id, voci, mancanti);
      }
    }
  }
  return perScadenza(st, voci, traccia, effetti, conflitti);
}

function voce(p: Prepared, st: State, t: Termine, parte: string | undefined, voci: Voce[], mancanti: string[]): void {
  const w = finestraDi(p, st, t, parte);
  if (w) voci.push({ t, parte, w, chiuso: chiuso(st, t, w, parte) });
  // A term in force that runs from a date the procedure carries (the judge's deadline, the order's
  // filing) has no window without it: that date is a missing fact, not a deadline silently left out.
  else if ("fatto" in t.ancora && leggiFatti(st, t.ancora.fatto) === undefined) mancanti.push(t.ancora.fatto);
}

/**
 * One scadenza per name (and party): the terms of one name narrow each other (SEMANTICS §5). A term
 * for all parties joins each party's group of the same name, when there is one. Two terms of one
 * source applying together are still a conflict (the author wrote two windows for one deadline).
 */
function perScadenza(st: State, voci: Voce[], traccia: Traccia[], effetti: EffettoGiuridico[], conflitti: Conflitto[]): Scadenza[] {
  const out: Scadenza[] = [];
  const nomi: string[] = [];
  for (const v of voci) if (!nomi.includes(v.t.scadenza)) nomi.push(v.t.scadenza);
  for (const nome of nomi) {
    const tutte = voci.filter((v) => v.t.scadenza === nome);
    conflittiDellaFonte(tutte, conflitti, st.organismo);
    const parti: (string | undefined)[] = [];
    for (const v of tutte) if (v.parte !== undefined && !parti.includes(v.parte)) parti.push(v.parte);
    if (parti.length === 0) parti.push(undefined);
    for (const parte of parti) {
      const gruppo = tutte.filter((v) => v.parte === parte || v.parte === undefined);
      // Any action that closes the deadline closes it for that party (a term for all parties that
      // joins a party's group is closed, there, by that party's action only).
      if (gruppo.some((v) => (v.parte === parte ? v.chiuso : chiuso(st, v.t, v.w, parte)))) continue;
      out.push(scadenza(st, nome, parte, gruppo, traccia, effetti));
    }
  }
  return out;
}

function conflittiDellaFonte(voci: Voce[], conflitti: Conflitto[], organismo: string): void {
  const visti: Termine[] = [];
  for (const { t } of voci) {
    if (visti.includes(t)) continue;
    const prev = visti.find((x) => x.fonte === t.fonte);
    visti.push(t);
    if (prev) conflitti.push({
      regole: [prev, t].map((r) => ({ regola: r.nome, cita: r.cita, fonte: r.fonte })),
      messaggio: `due termini ${t.scadenza} dello stesso regolamento si applicano insieme: ${prev.nome} (${prev.cita}, ${fonteDi(prev, organismo)}) e ${t.nome} (${t.cita}, ${fonteDi(t, organismo)}); nessuno sostituisce l'altro`,
    });
  }
}

function scadenza(st: State, nome: string, parte: string | undefined, gruppo: Voce[], traccia: Traccia[], effetti: EffettoGiuridico[]): Scadenza {
  const r = restringi(gruppo.map((v) => ({ t: v.t, dal: v.w.dal, entro: v.w.entro })));
  const primo = r.daEntro ?? r.daDal ?? gruppo[0]!.t;
  const s: Scadenza = { nome, cita: primo.cita, fonte: primo.fonte };
  if (r.dal !== undefined) s.dal = fromDay(r.dal);
  if (r.entro !== undefined) s.entro = fromDay(r.entro);
  if (parte !== undefined) s.parte = parte;
  const scaduta = r.entro !== undefined && st.n.giorno > r.entro;
  if (scaduta) s.scaduta = true;
  const spostamenti: string[] = [];
  for (const v of gruppo) if ((v.t === r.daEntro || v.t === r.daDal || gruppo.length === 1) && v.w.spostamenti.length > 0) spostamenti.push(...v.w.spostamenti);
  if (spostamenti.length > 0) s.spostamenti = gruppo.length === 1 ? gruppo[0]!.w.spostamenti as string[] : spostamenti;
  const regole = [...new Set(gruppo.map((v) => v.t))];
  if (regole.length > 1) {
    s.fonti = regole.map((t) => ({ regola: t.nome, cita: t.cita, fonte: t.fonte, limiti: limitiDi(t, r) }));
    const dettaglio = dettaglioRestringimento(r, st.organismo);
    for (const t of regole) {
      const limiti = limitiDi(t, r);
      traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: limiti.length ? `termine ${nome}${parte ? ` (${parte})` : ""}: ${limiti.join(" ed ")} da questa regola` : `termine ${nome}${parte ? ` (${parte})` : ""}: finestra più ampia, ristretta da altre regole`, dettaglio });
    }
  }
  // Silence: each term whose own last day has passed says its effect.
  for (const v of gruppo) {
    const t = v.t;
    if (!t.inMancanza || v.w.entro === undefined || st.n.giorno <= v.w.entro) continue;
    const e: EffettoGiuridico = { effetto: t.inMancanza, cita: t.cita, fonte: t.fonte };
    if (parte !== undefined) e.parte = parte;
    if (effetti.some((x) => x.effetto === e.effetto && x.parte === e.parte && x.fonte === e.fonte && x.cita === e.cita)) continue;
    effetti.push(e);
    traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: "in mancanza", dettaglio: `${t.inMancanza}${parte ? ` (${parte})` : ""}: termine scaduto il ${fromDay(v.w.entro)}` });
  }
  return s;
}

/**
 * The term in force after its exceptions, or undefined; a conflict or an exception that prevailed
 * is said (once, when `detti` collects what was said for the other parties).
 */
function inVigore(pt: PTermine, res: Resolved<Termine>, traccia: Traccia[], conflitti: Conflitto[], detti?: string[]): Termine | undefined {
  if (res.kind === "conflitto") {
    if (daDire(detti, `conflitto ${res.eccezioni.map((e) => e.r.nome).join(",")}`)) {
      conflitti.push({ regole: res.eccezioni.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte })), messaggio: `eccezioni in conflitto su ${pt.r.nome}` });
    }
    return undefined;
  }
  if (res.via && daDire(detti, `via ${res.via.r.nome}`)) traccia.push({ regola: res.via.r.nome, cita: res.via.r.cita, fonte: res.via.r.fonte, esito: `eccezione ${res.via.r.nome} prevale su ${pt.r.nome}` });
  if (res.kind === "no") return undefined;
  return res.pr.r as Termine;
}

/**
 * Whether to say it: always without `detti`, else once (recorded in `detti`). A function of the
 * module, not a closure per call: tsx (`npm start`) names every closure it creates, at a cost.
 */
function daDire(detti: string[] | undefined, chiave: string): boolean {
  if (!detti) return true;
  if (detti.includes(chiave)) return false;
  detti.push(chiave);
  return true;
}
