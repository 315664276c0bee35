// `effetti`: the legal consequences the rules attach at `data` (per party when `perParte`).
import { applicabile, CONFLITTO, resolvePerParte } from "./defaults.ts";
import { partiDerivate, poniParte, type State } from "./facts.ts";
import type { EffettoGiuridico, Traccia } from "./contract.ts";
import type { Effetto } from "./ir.ts";
import type { Prepared } from "./prepared.ts";

export function effetti(p: Prepared, st: State, out: EffettoGiuridico[], traccia: Traccia[]): void {
  let comuni: boolean[] | undefined; // the halves of the per-party conditions that do not depend on the party
  for (let k = 0; k < p.effetti.length; k++) {
    const pe = p.effetti[k]!;
    if (!pe.r.perParte) {
      const eff = applicabile(pe, st.f);
      if (eff === null || eff === CONFLITTO) continue;
      const r = eff.r as Effetto;
      out.push({ effetto: r.effetto, cita: r.cita, fonte: r.fonte });
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: r.effetto });
      continue;
    }
    const derivate = partiDerivate(st);
    for (let i = 0; i < derivate.length; i++) {
      const parte = st.n.parti[i]!;
      poniParte(st, derivate[i]);
      const res = resolvePerParte(pe, st.f, (comuni ??= new Array<boolean>(p.effetti.length)), k);
      if (res.kind !== "applica") continue;
      const r = res.pr.r;
      out.push({ effetto: r.effetto, parte: parte.id, cita: r.cita, fonte: r.fonte });
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `${r.effetto} (${parte.id})` });
    }
    poniParte(st, undefined);
  }
}
