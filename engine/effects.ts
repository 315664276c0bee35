// `effetti`: the legal consequences the rules attach at `data` (per party when `perParte`).
import { applicabile, CONFLITTO } from "./defaults.ts";
import { parteDerivata, type State } from "./facts.ts";
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
    for (const parte of st.n.parti) {
      ctx["parte"] = parteDerivata(st, parte);
      const eff = applicabile(pe, ctx);
      if (eff === null || eff === CONFLITTO) continue;
      const r = eff.r as Effetto;
      out.push({ effetto: r.effetto, parte: parte.id, cita: r.cita, fonte: r.fonte });
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `${r.effetto} (${parte.id})` });
    }
    ctx["parte"] = undefined;
  }
}
