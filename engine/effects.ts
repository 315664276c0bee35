// `effetti`: the legal consequences the rules attach at `data` (per party when `perParte`).
import { applicabile, CONFLITTO } from "./defaults.ts";
import { partiDerivate, type State } from "./facts.ts";
import type { EffettoGiuridico, Traccia } from "./contract.ts";
import type { Effetto } from "./ir.ts";
import type { Prepared } from "./prepared.ts";

export function effetti(p: Prepared, st: State, out: EffettoGiuridico[], traccia: Traccia[]): void {
  const ctx = st.ctx;
  for (const pe of p.effetti) {
    if (!pe.r.perParte) {
      const eff = applicabile(pe, ctx);
      if (eff === null || eff === CONFLITTO) continue;
      const r = eff.r as Effetto;
      out.push({ effetto: r.effetto, cita: r.cita, fonte: r.fonte });
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: r.effetto });
      continue;
    }
    const derivate = partiDerivate(st);
    for (let i = 0; i < derivate.length; i++) {
      const parte = st.n.parti[i]!;
      ctx["parte"] = derivate[i];
      const eff = applicabile(pe, ctx);
      if (eff === null || eff === CONFLITTO) continue;
      const r = eff.r as Effetto;
      out.push({ effetto: r.effetto, parte: parte.id, cita: r.cita, fonte: r.fonte });
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `${r.effetto} (${parte.id})` });
    }
    ctx["parte"] = undefined;
  }
}
