// The fields a dotted path can reach (dsl/SPEC.md "The facts a condition sees", docs/contratto.md), for
// completion after `x.`. Action names stand for their last event, so they share the event fields.
import { AZIONI } from "../../engine/vocabolario.ts";

const CAMPI_EVENTO = [
  "data", "parte", "parti", "ruolo", "data_ricezione", "data_incontro", "mezzo", "esito", "presenti", "tipo", "documento",
  "richiesta_proposta", "pagamento_spese_avvio", "mediatore", "importo", "motivazione", "completa", "elementi_mancanti",
  "elementi", "termine", "termine_giorni", "elementi_sufficienti", "forma", "destinatario", "motivi_documentati",
  "accordo_parti", "esigenze_organizzative", "modalita", "partecipazione", "assistiti", "rappresentati",
  "avvio_mediazione", "proposta_dal_mediatore", "volonta_prosecuzione", "espressa", "oggetto", "causa",
  "atto_art_2643_cc", "riservato_al_mediatore", "copia", "voce", "saldo", "residuo", "tirocinante", "firma",
  "decisore", "valore_riferimento", "disponibile", "candidati", "ordine",
] as const;

const CAMPI_PARTE = [
  "id", "ruolo", "avvocato", "persona", "firma_digitale", "accesso_autonomo", "requisiti_patrocinio_stato",
  "aderito", "presente_primo_incontro", "ha_richiesto_proposta",
] as const;

const CAMPI: Record<string, readonly string[]> = {
  parte: CAMPI_PARTE,
  attore: CAMPI_PARTE,
  mediatore: ["id", "categoria", "dichiarazione_imparzialita", "responsabile_organismo"],
  tabella: ["nome", "scaglione", "spese_mediazione"],
  clausola_mediazione: ["opposizione_proposta"],
  conteggio: AZIONI,
  azione: CAMPI_EVENTO,
  evento: CAMPI_EVENTO,
  documento: CAMPI_EVENTO,
};

/**
 * Fields after `radice.` (the last segment before the dot): a fact's fields, an action's event
 * fields, an `insieme`'s `parti|numero|tutte`, the file's parameters after `parametri.`.
 */
export function campiDi(percorso: string, insiemi: readonly string[], parametri: readonly string[]): readonly string[] {
  const segmenti = percorso.split(".");
  const ultimo = segmenti.at(-1) ?? "";
  if (segmenti.length === 1 && ultimo === "parametri") return parametri;
  if (insiemi.includes(ultimo)) return ["parti", "numero", "tutte"];
  if (CAMPI[ultimo]) return CAMPI[ultimo];
  if ((AZIONI as readonly string[]).includes(ultimo)) return CAMPI_EVENTO;
  return [];
}

/** The dotted path right before the cursor, when the cursor follows a dot: "azione.mediatore." → "azione.mediatore". */
export function percorsoPrimaDelPunto(primaDelCursore: string): string | undefined {
  const m = /([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)\.[\p{L}\p{N}_]*$/u.exec(primaDelCursore);
  return m?.[1];
}
