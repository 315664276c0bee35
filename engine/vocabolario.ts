// The shared vocabulary of docs/contratto.md: the names the DSL checker accepts and the editor
// completes. Adding a name here is how the language learns a new fact or action.

export const AZIONI = [
  "deposito_domanda", "integrazione_domanda", "comunicazione_domanda", "adesione", "mancata_adesione",
  "conferma_presenza", "designazione_mediatore", "accettazione_incarico", "dichiarazione_imparzialita",
  "richiesta_sostituzione_mediatore", "fissazione_primo_incontro", "richiesta_rinvio", "consenso_telematica",
  "primo_incontro", "incontro", "sessione_separata", "deposito_documento", "accesso_documento",
  "richiesta_proposta", "opposizione_proposta", "formulazione_proposta", "risposta_proposta", "verbale",
  "consegna_verbale", "pagamento", "nomina_esperto", "nomina_mediatore_ausiliario", "ammissione_tirocinante",
  "richiesta_attestazione", "conclusione",
  // "More actions" of the contract
  "richiesta_integrazione", "registrazione_piattaforma", "opposizione_telematica", "verifica_disponibilita_sede",
  "consultazione_procedimento", "sottoscrizione_verbale", "trascrizione_verbale", "revoca_avvocato",
  "recesso_organismo", "determinazione_valore", "decisione_sostituzione_mediatore", "diniego_proposta",
  "richiesta_copia_verbale", "richiesta_lista_candidati", "comunicazione_lista_candidati", "preferenze_candidati",
] as const;
export type NomeAzione = (typeof AZIONI)[number];

export const MATERIE = [
  "condominio", "diritti_reali", "divisione", "successioni", "patti_di_famiglia", "locazione", "comodato",
  "affitto_di_aziende", "responsabilita_medica", "diffamazione", "contratti_assicurativi", "contratti_bancari",
  "contratti_finanziari", "associazione_in_partecipazione", "consorzio", "franchising", "opera", "rete",
  "somministrazione", "societa_di_persone", "subfornitura", "altro",
] as const;

export const TIPI_PROCEDIMENTO = ["obbligatoria", "demandata", "clausola", "volontaria"] as const;
export const RUOLI_PARTE = ["istante", "invitata"] as const;
export const RUOLI = ["istante", "invitata", "parte", "mediatore", "segreteria", "responsabile", "organismo"] as const;
export const CATEGORIE_MEDIATORE = ["avvocato", "praticante_abilitato", "altro"] as const;
export const MODALITA = ["in_presenza", "telematica", "mista"] as const;
export const MEZZI = ["pec", "raccomandata", "email", "fax", "deposito", "piattaforma"] as const;

/** Enumerated values by field name (last segment of a path), for "did you mean" on literals. */
export const VALORI: Record<string, readonly string[]> = {
  materia: MATERIE,
  tipo: [...TIPI_PROCEDIMENTO, "accordo", "mancato_accordo", "mancata_partecipazione", "prosecuzione", "sessione_comune", "sessione_separata"],
  ruolo: [...RUOLI_PARTE, "mediatore", "segreteria", "responsabile", "organismo"], // attore.ruolo (dsl/SPEC.md)
  categoria: CATEGORIE_MEDIATORE,
  modalita: [...MODALITA, "altro_mezzo_a_distanza"],
  mezzo: MEZZI,
  esito: ["prosecuzione", "mancato_accordo", "accordo", "mancata_partecipazione", "accettata", "rifiutata"],
  persona: ["fisica", "giuridica"],
  firma: ["digitale", "autografa"],
  destinatario: ["segreteria", "mediatore"],
  decisore: ["responsabile_organismo", "direttore_generale", "segretario_generale", "vice_segretario_generale"],
  oggetto: ["deposito", "conclusione", "conclusione_per_mancata_adesione"],
  causa: ["mancata_adesione", "decorso_durata", "accordo", "mancato_accordo", "mancata_partecipazione", "rinuncia"],
  voce: [],
  grado_indeterminabilita: ["basso", "medio", "alto"],
};

/** Degrees of an indeterminable value (D.M. 150/2023 art. 28 c. 5): `procedimento.grado_indeterminabilita`. */
export const GRADI = ["basso", "medio", "alto"] as const;
export type Grado = (typeof GRADI)[number];

/**
 * Roots a condition may start from (besides action names, which stand for the last event of that
 * action, or null, and the names of `insieme` and `parametri.*`).
 */
export const FATTI = [
  "data", "materia", "tipo", "valore", "valore_indeterminato", "modalita", "parti", "numero_parti", "mediatore",
  "numero_invitate", // derived: how many parties have ruolo invitata (tariffa `per ciascuna parte invitata`)
  "graduatoria_candidati", // derived: the candidates ranked by the parties' preferences (engine/graduatoria.ts)
  "tabella", "termine_deposito_giudice", "data_deposito_ordinanza", "grado_indeterminabilita", "chiusure", "clausola_mediazione", "indennita_mediazione",
  "azione", "attore", "fase", "conteggio", "parte", "documento", "evento", "parametri",
] as const;

/** Term names of the contract (`scadenze[].nome`); regolamenti may add others in the same style. */
export const SCADENZE = [
  "primo_incontro", "adesione", "conferma_presenza", "integrazione_domanda", "accettazione_incarico",
  "richiesta_rinvio", "risposta_proposta", "durata_procedimento", "preferenze_candidati",
  "richiesta_proposta_contumaciale", "verbale_mancato_accordo",
] as const;

/** Fee voci of the contract; regolamenti may add others. */
export const VOCI = [
  "spese_avvio", "spese_notifica", "spese_vive_convocazione", "spese_mediazione_primo_incontro", "spese_mediazione",
  "riduzione_materia_obbligatoria", "aumento_proposta", "aumento_successo", "spese_valore_indeterminato", "copia_verbale",
  // D.M. 150/2023 (regolamenti/normativa/dm-150-2023.regolamento): art. 30 cc. 1-4.
  "detrazione_primo_incontro", "aumento_accordo_primo_incontro", "aumento_accordo_incontri_successivi",
  "riduzione_materia_obbligatoria_spese_mediazione",
] as const;

export const EFFETTI = [
  "proposta_rifiutata", "domanda_non_pervenuta", "tentativo_fallito", "prosecuzione_consensuale",
  "conclusione_mancata_partecipazione", "omologa_necessaria",
] as const;
