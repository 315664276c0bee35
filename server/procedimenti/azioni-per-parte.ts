// `azioni_consentite_per_parte`: for each party, the actions it may take now. Each action the
// engine offers is asked again as that party's, on the same day: what the engine allows is listed.
// So an action whose term has closed for every party is offered to none, and an action of the
// organismo or the mediator is no party's. Pure: the engine's evaluate comes in as `valuta`.
import type { Azione, Risposta } from "../engine-adapter.ts";

export function azioniPerParte(parti: string[], offerte: string[], data: string, valuta: (azione: Azione) => Risposta): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const parte of parti) out[parte] = offerte.filter((azione) => valuta({ azione, parte, data }).esito === "consentito");
  return out;
}
