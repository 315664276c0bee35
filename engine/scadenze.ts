// `scadenze`: every applicable term whose anchor exists and that no `per` action has closed;
// a term run out unclosed adds its `inMancanza` effect (silence as refusal).
import { fromDay } from "./dates/calendar.ts";
import { resolve } from "./defaults.ts";
import { finestraDi, chiuso } from "./terms.ts";
import type { State } from "./facts.ts";
import type { Conflitto, EffettoGiuridico, Scadenza, Traccia } from "./contract.ts";
import type { Termine } from "./ir.ts";
import type { Prepared } from "./prepared.ts";

export function scadenze(p: Prepared, st: State, traccia: Traccia[], effetti: EffettoGiuridico[], conflitti: Conflitto[]): Scadenza[] {
  const out: Scadenza[] = [];
  // The terms listed so far, one per scadenza: two of the same scadenza are a conflict.
  const seen: Termine[] = [];
  for (const pt of p.termini) {
    const res = resolve(pt, st.f);
    if (res.kind === "conflitto") {
      conflitti.push({ regole: res.eccezioni.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte })), messaggio: `eccezioni in conflitto su ${pt.r.nome}` });
      continue;
    }
    if (res.via) traccia.push({ regola: res.via.r.nome, cita: res.via.r.cita, fonte: res.via.r.fonte, esito: `eccezione ${res.via.r.nome} prevale su ${pt.r.nome}` });
    if (res.kind === "no") continue;
    const t = res.pr.r as Termine;
    let any = false;
    if (!t.ciascunaParte) any = perParte(p, st, t, undefined, out, traccia, effetti);
    else for (const x of st.n.parti) if (perParte(p, st, t, x.id, out, traccia, effetti)) any = true;
    if (!any) continue;
    const prev = seen.find((x) => x.scadenza === t.scadenza);
    if (prev) conflitti.push({
      regole: [prev, t].map((r) => ({ regola: r.nome, cita: r.cita, fonte: r.fonte })),
      messaggio: `due termini ${t.scadenza} si applicano insieme: ${prev.nome} (${prev.cita}, ${prev.fonte}) e ${t.nome} (${t.cita}, ${t.fonte}); nessuno sostituisce l'altro`,
    });
    else seen.push(t);
  }
  return out;
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
  if (w.spostamenti.length > 0) s.spostamenti = w.spostamenti;
  out.push(s);
  if (scaduta && t.inMancanza) {
    const e: EffettoGiuridico = { effetto: t.inMancanza, cita: t.cita, fonte: t.fonte };
    if (parte !== undefined) e.parte = parte;
    effetti.push(e);
    traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: "in mancanza", dettaglio: `${t.inMancanza}${parte ? ` (${parte})` : ""}: termine scaduto il ${s.entro}` });
  }
  return true;
}
