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
  const oggi = st.n.giorno;
  const seen = new Map<string, Termine>();
  for (const pt of p.termini) {
    const res = resolve(pt, st.ctx);
    if (res.kind === "conflitto") {
      conflitti.push({ regole: res.eccezioni.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte })), messaggio: `eccezioni in conflitto su ${pt.r.nome}` });
      continue;
    }
    if (res.via) traccia.push({ regola: res.via.r.nome, cita: res.via.r.cita, fonte: res.via.r.fonte, esito: `eccezione ${res.via.r.nome} prevale su ${pt.r.nome}` });
    if (res.kind === "no") continue;
    const t = res.pr.r as Termine;
    const parti = t.ciascunaParte ? st.n.parti.map((x) => x.id) : [undefined];
    let any = false;
    for (const parte of parti) {
      const w = finestraDi(p, st, t, parte);
      if (!w) continue;
      any = true;
      if (chiuso(st, { r: t }, w, parte)) continue;
      const s: Scadenza = { nome: t.scadenza, cita: t.cita, fonte: t.fonte };
      if (w.dal !== undefined) s.dal = fromDay(w.dal);
      if (w.entro !== undefined) s.entro = fromDay(w.entro);
      if (parte !== undefined) s.parte = parte;
      const scaduta = w.entro !== undefined && oggi > w.entro;
      if (scaduta) s.scaduta = true;
      if (w.spostamenti.length > 0) s.spostamenti = w.spostamenti;
      out.push(s);
      if (scaduta && t.inMancanza) {
        const e: EffettoGiuridico = { effetto: t.inMancanza, cita: t.cita, fonte: t.fonte };
        if (parte !== undefined) e.parte = parte;
        effetti.push(e);
        traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: "in mancanza", dettaglio: `${t.inMancanza}${parte ? ` (${parte})` : ""}: termine scaduto il ${s.entro}` });
      }
    }
    if (!any) continue;
    const prev = seen.get(t.scadenza);
    if (prev) conflitti.push({
      regole: [prev, t].map((r) => ({ regola: r.nome, cita: r.cita, fonte: r.fonte })),
      messaggio: `due termini ${t.scadenza} si applicano insieme: ${prev.nome} (${prev.cita}, ${prev.fonte}) e ${t.nome} (${t.cita}, ${t.fonte}); nessuno sostituisce l'altro`,
    });
    else seen.set(t.scadenza, t);
  }
  return out;
}
