// Who may see and act on a procedure, and as whom an action is recorded. Pure: the rows in, a
// decision out. Not one's own procedure is a 404, exactly like another tenant's.
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import { ErroreApi, vietato } from "../errori/errore.ts";
import type { Azione, Procedimento } from "../engine-adapter.ts";

export const nonTrovatoProcedimento = () => new ErroreApi(404, "not_found", "Procedimento non trovato.");

/** Mediators of the procedure: the one in the facts and any designated by an event. */
function mediatori(fatti: Procedimento, eventi: Azione[]): Set<string> {
  const ids = new Set<string>();
  if (typeof fatti.mediatore?.id === "string") ids.add(fatti.mediatore.id);
  for (const e of eventi) {
    const m = e.mediatore as { id?: unknown } | undefined;
    if (e.azione === "designazione_mediatore" && typeof m?.id === "string") ids.add(m.id);
  }
  return ids;
}

export function puoVedere(cred: CredenzialeChiave, id: string, fatti: Procedimento, eventi: Azione[]): boolean {
  // A key issued for one procedure is good for that one only; a party key, for those it is bound to
  // (the one it was issued for, and any the segreteria granted it since).
  if (cred.ruolo !== "parte" && cred.procedimento !== undefined && cred.procedimento !== id) return false;
  switch (cred.ruolo) {
    case "segreteria":
      return true;
    case "mediatore":
      return cred.parte !== undefined && mediatori(fatti, eventi).has(cred.parte);
    case "parte":
      // Bound to this procedure, and still one of its parties: the label alone is not identity
      // (two disputes may both have a party "A").
      return cred.procedimentiConcessi?.has(id) === true && (fatti.parti ?? []).some((p) => p.id === cred.parte);
    case "responsabile":
      return false;
  }
}

/** The action as it will be evaluated and stored, with its actor fixed by the credential. */
export function conAttore(cred: CredenzialeChiave, azione: Azione): Azione {
  switch (cred.ruolo) {
    case "segreteria":
      // The Segreteria records actions for anyone (a party's filing, the mediator's minutes…).
      return azione.parte !== undefined || azione.ruolo !== undefined ? azione : { ...azione, ruolo: "segreteria" };
    case "mediatore":
      if (azione.parte !== undefined) throw vietato("Un mediatore non agisce in nome di una parte.");
      return { ...azione, ruolo: "mediatore" };
    case "parte":
      if (azione.parte !== undefined && azione.parte !== cred.parte) throw vietato("Una parte agisce solo in nome proprio.");
      if (azione.ruolo !== undefined) throw vietato("Una parte non agisce con il ruolo di un altro.");
      return { ...azione, parte: cred.parte };
    case "responsabile":
      throw vietato("Il responsabile gestisce i regolamenti; le azioni dei procedimenti spettano a segreteria, mediatore e parti.");
  }
}
