// The fields each action carries (docs/contratto.md "Actions" and "More fields of actions"), for
// `check`: `azione.mezo` → "forse intendevi `mezzo`". An action's event is a record the organismo
// may extend, so an unknown field is a warning, never an error.
import { AZIONI } from "../vocabolario.ts";

/** Fields any action may carry. */
export const CAMPI_COMUNI = [
  "data", "parte", "parti", "ruolo", "data_ricezione", "mezzo", "motivazione", "documento", "accordo_parti", "forma",
] as const;

export const CAMPI_AZIONE: Record<string, readonly string[]> = {
  deposito_domanda: ["completa", "elementi_mancanti", "pagamento_indennita_primo_incontro", "dichiarazione_patrocinio_stato", "richiesta_proposta", "pagamento_spese_avvio"],
  integrazione_domanda: ["elementi"],
  comunicazione_domanda: ["termine_conferma_presenza"],
  adesione: ["richiesta_proposta", "pagamento_spese_avvio"],
  mancata_adesione: ["espressa"],
  designazione_mediatore: ["mediatore"],
  richiesta_sostituzione_mediatore: ["motivi_documentati"],
  fissazione_primo_incontro: ["data_incontro", "esigenze_organizzative"],
  richiesta_rinvio: ["data_incontro", "motivi_documentati"],
  primo_incontro: ["esito", "presenti", "modalita", "partecipazione", "assistiti", "rappresentati", "avvio_mediazione"],
  incontro: ["esito", "presenti", "modalita", "partecipazione", "assistiti", "rappresentati", "proposta_dal_mediatore", "volonta_prosecuzione"],
  deposito_documento: ["tipo", "riservato_al_mediatore"],
  accesso_documento: ["copia"],
  formulazione_proposta: ["termine_giorni", "elementi_sufficienti"],
  risposta_proposta: ["esito", "destinatario"],
  verbale: ["tipo", "atto_art_2643_cc"],
  pagamento: ["importo", "voce", "saldo", "residuo"],
  ammissione_tirocinante: ["tirocinante"],
  richiesta_attestazione: ["oggetto"],
  conclusione: ["causa"],
  richiesta_integrazione: ["termine"],
  verifica_disponibilita_sede: ["disponibile"],
  consultazione_procedimento: ["procedimento_precedente"],
  sottoscrizione_verbale: ["firma", "autenticata"],
  determinazione_valore: ["valore_riferimento"],
  diniego_proposta: ["elementi_sufficienti"],
  decisione_sostituzione_mediatore: ["decisore"],
  comunicazione_lista_candidati: ["candidati"],
  preferenze_candidati: ["ordine"],
};

/** The fields of one action of the vocabulary, or undefined for an action the vocabulary does not have (a file's own). */
export function campiDi(azione: string): string[] | undefined {
  if (!(AZIONI as readonly string[]).includes(azione)) return undefined;
  return [...CAMPI_COMUNI, ...(CAMPI_AZIONE[azione] ?? [])];
}

/** Every field of any action (for `azione.x` in a rule that names no action). */
export const TUTTI_I_CAMPI: readonly string[] = [...new Set([...CAMPI_COMUNI, ...Object.values(CAMPI_AZIONE).flat()])];
