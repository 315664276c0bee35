// The role matrix in one place (docs/api.md lists it). A key of another organismo meets a 404:
// it must not learn whether the resource exists.
import { ErroreApi, nonAutenticato, vietato } from "../errori/errore.ts";
import type { Credenziale, CredenzialeChiave } from "./credenziale.ts";
import type { RuoloChiave } from "./chiave.ts";

export function richiediAmministratore(cred: Credenziale): asserts cred is Extract<Credenziale, { tipo: "amministratore" }> {
  if (cred.tipo === "anonimo") throw nonAutenticato();
  if (cred.tipo !== "amministratore") throw vietato("Serve la chiave dell'amministratore.");
}

/** A key of `organismo` with one of `ruoli`. */
export function richiediRuolo(cred: Credenziale, organismo: string, ruoli: readonly Exclude<RuoloChiave, "amministratore">[]): CredenzialeChiave {
  if (cred.tipo === "anonimo") throw nonAutenticato();
  if (cred.tipo !== "chiave" || cred.organismo !== organismo) throw new ErroreApi(404, "not_found", "Organismo o risorsa non trovati.");
  if (!ruoli.includes(cred.ruolo)) throw vietato(`Il ruolo ${cred.ruolo} non può eseguire questa operazione (serve: ${ruoli.join(", ")}).`);
  return cred;
}

/**
 * The tenant whose drafts this credential may read on `organismo`'s regolamenti (null: published
 * versions only). Drafts are the responsabile's work in progress: the organismo's responsabile and
 * the administrator read them; segreteria, mediators and parties see only what is published.
 */
export function tenantBozze(cred: Credenziale, organismo: string): string | null {
  if (cred.tipo === "amministratore") return organismo;
  return cred.tipo === "chiave" && cred.organismo === organismo && cred.ruolo === "responsabile" ? organismo : null;
}
