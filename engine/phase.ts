// The phase after the events: from the initial phase, each event moves it along the first
// transition of its action's definition whose `quando` holds (engine/SEMANTICS.md §3).
import { truthy } from "./conditions/compile.ts";
import { applyEvent, attoreDi, type State } from "./facts.ts";
import type { Prepared } from "./prepared.ts";
import type { Traccia } from "./contract.ts";

export function derivePhase(p: Prepared, st: State, traccia: Traccia[]): string {
  const ctx = st.ctx;
  let fase = p.faseIniziale;
  for (const ev of st.n.eventi) {
    applyEvent(st, ev);
    const def = p.definizioni.get(ev.a.azione);
    if (!def || def.transizioni.length === 0) continue;
    ctx["fase"] = fase;
    ctx["azione"] = ev.a;
    ctx["attore"] = attoreDi(ev.a, st.n.parti);
    for (const t of def.transizioni) {
      if (t.quando === undefined || truthy(t.quando.fn(ctx))) {
        if (t.fase !== fase) traccia.push({ regola: def.r.nome, cita: def.r.cita, fonte: def.r.fonte, esito: `porta a ${t.fase}`, dettaglio: `${ev.a.azione}${ev.a.data ? ` del ${String(ev.a.data)}` : ""}` });
        fase = t.fase;
        break;
      }
    }
  }
  ctx["fase"] = fase;
  ctx["azione"] = null;
  ctx["attore"] = null;
  return fase;
}
