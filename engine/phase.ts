// The phase after the events: from the initial phase, each event moves it along the first
// transition of its action's definition whose `quando` holds (engine/SEMANTICS.md §3).
import { truthy } from "./conditions/compile.ts";
import { applyEvent, attoreDi, S_ATTORE, S_AZIONE, S_FASE, type State } from "./facts.ts";
import type { Prepared } from "./prepared.ts";
import type { Traccia } from "./contract.ts";

export function derivePhase(p: Prepared, st: State, traccia: Traccia[]): string {
  const s = st.f.s;
  let fase = p.faseIniziale;
  for (const ev of st.n.eventi) {
    applyEvent(st, ev);
    const def = p.definizioni.get(ev.a.azione);
    if (!def || def.transizioni.length === 0) continue;
    s[S_FASE] = fase;
    s[S_AZIONE] = ev.a;
    s[S_ATTORE] = attoreDi(ev.a, st.n.parti);
    for (const t of def.transizioni) {
      if (t.quando === undefined || truthy(t.quando.fn(st.f))) {
        if (t.fase !== fase) traccia.push({ regola: def.r.nome, cita: def.r.cita, fonte: def.r.fonte, esito: `porta a ${t.fase}`, dettaglio: `${ev.a.azione}${ev.a.data ? ` del ${String(ev.a.data)}` : ""}` });
        fase = t.fase;
        break;
      }
    }
  }
  s[S_FASE] = fase;
  s[S_AZIONE] = null;
  s[S_ATTORE] = null;
  return fase;
}
