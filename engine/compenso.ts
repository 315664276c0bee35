// The two facts of `indennita` that are not voci (docs/contratto.md): whether the parties owe the fees
// jointly (`obbligazione_solidale`) and the mediator's fee (`compenso_mediatore`). Both read the voci
// already computed for every party; neither changes an amount a party owes.
import { resolve, type Resolved } from "./defaults.ts";
import { decimali, fractionOf, percentOf, euro } from "./money.ts";
import { S_PARTE, S_PARTE_DERIVATA, type State } from "./facts.ts";
import type { Compenso, Solidarieta } from "./ir.ts";
import type { Conflitto, Indennita, Traccia } from "./contract.ts";
import type { Prepared } from "./prepared.ts";


/** Cents of a voce summed over every party; null when one of them is undetermined. */
function totaleVoci(ind: Indennita, voci: readonly string[]): number | null {
  let c = 0;
  for (const pp of ind.per_parte) for (const v of pp.voci) {
    if (!voci.includes(v.voce)) continue;
    if (v.imponibile === null) return null;
    c += Math.round(v.imponibile * 100);
  }
  return c;
}

export function solidarietaECompenso(p: Prepared, st: State, ind: Indennita, traccia: Traccia[], conflitti: Conflitto[]): void {
  const { solidali, compensi } = p; // found once by prepare
  if (solidali.length === 0 && compensi.length === 0) return;
  const parte = st.f.s[S_PARTE], derivata = st.f.s[S_PARTE_DERIVATA];
  st.f.s[S_PARTE] = undefined; // read for the whole procedure, not for one party
  st.f.s[S_PARTE_DERIVATA] = undefined;
  try {
    if (solidali.length > 0) {
      ind.obbligazione_solidale = false;
      for (const pr of solidali) {
        const res = resolve(pr, st.f);
        if (res.kind !== "applica") continue;
        const r = res.pr.r as Solidarieta;
        ind.obbligazione_solidale = true;
        traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `obbligazione solidale per ${r.voci.join(", ")}` });
      }
    }
    // The rule that fixes the fee; a list only when a second one applies too (a conflict).
    let hit: Extract<Resolved<Compenso>, { kind: "applica" }> | undefined;
    let altre: Extract<Resolved<Compenso>, { kind: "applica" }>[] | undefined;
    for (const pr of compensi) {
      const x = resolve(pr, st.f);
      if (x.kind !== "applica") continue;
      if (!hit) hit = x; else (altre ??= [hit]).push(x);
    }
    if (!hit) return;
    if (altre) {
      conflitti.push({ regole: altre.map((x) => ({ regola: x.pr.r.nome, cita: x.pr.r.cita, fonte: x.pr.r.fonte })), messaggio: "più regole fissano il compenso del mediatore" });
      return;
    }
    const r = hit.pr.r as Compenso;
    const base = totaleVoci(ind, r.su);
    const m = r.misura;
    const c = base === null ? null
      : m.tipo === "frazione" ? fractionOf(base, m.num, m.den)
      : m.tipo === "percentuale" ? percentOf(base, m.percentuale)
      : m.tipo === "importo" ? m.centesimi
      : totaleVoci(ind, [m.voce]);
    if (c === null) {
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "non determinabile", dettaglio: `una voce tra ${r.su.join(", ")} non ha importo` });
      return;
    }
    ind.compenso_mediatore = euro(c);
    traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `compenso del mediatore ${c >= 0 ? decimali(c) : euro(c).toFixed(2)} €` });
  } finally {
    st.f.s[S_PARTE] = parte;
    st.f.s[S_PARTE_DERIVATA] = derivata;
  }
}
