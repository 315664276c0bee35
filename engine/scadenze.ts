// `scadenze`: every applicable term whose anchor exists and that no `per` action has closed;
// a term run out unclosed adds its `inMancanza` effect (silence as refusal).
import { fromDay } from "./dates/calendar.ts";
import { resolve, type Resolved } from "./defaults.ts";
import { ancoraMancante, finestraDi, chiuso, resolvePerLaParte, senzaFinestra } from "./terms.ts";
import type { State } from "./facts.ts";
import type { Conflitto, EffettoGiuridico, Scadenza, Traccia } from "./contract.ts";
import type { Termine } from "./ir.ts";
import type { PTermine, Prepared } from "./prepared.ts";

export function scadenze(p: Prepared, st: State, traccia: Traccia[], effetti: EffettoGiuridico[], conflitti: Conflitto[]): Scadenza[] {
  const out: Scadenza[] = [];
  // The terms listed so far, one per scadenza: two of the same scadenza are a conflict.
  const seen: Termine[] = [];
  for (const pt of p.termini) {
    let listed: Termine | undefined;
    if (senzaFinestra(st, pt)) continue;
    if (!pt.r.ciascunaParte) {
      const t = inVigore(pt, resolve(pt, st.f), traccia, conflitti);
      if (!t) continue;
      let any = false;
      if (!t.ciascunaParte) any = perParte(p, st, t, undefined, out, traccia, effetti);
      else for (const x of st.n.parti) if (perParte(p, st, t, x.id, out, traccia, effetti)) any = true;
      if (any) listed = t;
    } else {
      // Per party: the rule in force is decided on the copy of the anchoring action addressed to
      // that party; what it says once for every party (an exception, a conflict) is said once.
      // When that action has not happened no party has a copy: the rule is the same for all.
      const detti: string[] = [];
      const comune = ancoraMancante(st, pt.r);
      const t0 = comune ? inVigore(pt, resolve(pt, st.f), traccia, conflitti, detti) : undefined;
      for (const x of st.n.parti) {
        const t = comune ? t0 : inVigore(pt, resolvePerLaParte(pt, st, x.id), traccia, conflitti, detti);
        if (t && perParte(p, st, t, x.id, out, traccia, effetti)) listed ??= t;
      }
    }
    if (!listed) continue;
    const t = listed;
    let prev: Termine | undefined;
    for (let i = 0; i < seen.length && !prev; i++) if (seen[i]!.scadenza === t.scadenza) prev = seen[i];
    if (prev) conflitti.push({
      regole: [prev, t].map((r) => ({ regola: r.nome, cita: r.cita, fonte: r.fonte })),
      messaggio: `due termini ${t.scadenza} si applicano insieme: ${prev.nome} (${prev.cita}, ${prev.fonte}) e ${t.nome} (${t.cita}, ${t.fonte}); nessuno sostituisce l'altro`,
    });
    else seen.push(t);
  }
  return out;
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

/** A term for one party (or for all, `parte` undefined): its deadline, unless closed. Whether it has a window. */
function perParte(p: Prepared, st: State, t: Termine, parte: string | undefined, out: Scadenza[], traccia: Traccia[], effetti: EffettoGiuridico[]): boolean {
  const w = finestraDi(p, st, t, parte);
  if (!w) return false;
  if (chiuso(st, t, w, parte)) return true;
  const s: Scadenza = { nome: t.scadenza, cita: t.cita, fonte: t.fonte };
  if (w.dal !== undefined) s.dal = fromDay(w.dal);
  if (w.entro !== undefined) s.entro = fromDay(w.entro);
  if (parte !== undefined) s.parte = parte;
  const scaduta = w.entro !== undefined && st.n.giorno > w.entro;
  if (scaduta) s.scaduta = true;
  if (w.spostamenti.length > 0) s.spostamenti = w.spostamenti as string[];
  out.push(s);
  if (scaduta && t.inMancanza) {
    const e: EffettoGiuridico = { effetto: t.inMancanza, cita: t.cita, fonte: t.fonte };
    if (parte !== undefined) e.parte = parte;
    effetti.push(e);
    traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: "in mancanza", dettaglio: `${t.inMancanza}${parte ? ` (${parte})` : ""}: termine scaduto il ${s.entro}` });
  }
  return true;
}
