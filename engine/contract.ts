// The question and the answer of docs/contratto.md, as TypeScript types.
// Fields may be added; the ones of the contract are never renamed or dropped.

export type IsoDate = string; // "2026-03-10" (or a date-time; the engine reads the date, Europe/Rome)

export interface Parte {
  id: string;
  ruolo: "istante" | "invitata";
  avvocato?: boolean;
  persona?: "fisica" | "giuridica";
  firma_digitale?: boolean;
  accesso_autonomo?: boolean;
  requisiti_patrocinio_stato?: boolean;
  [campo: string]: unknown;
}

export interface Mediatore {
  id?: string;
  categoria?: "avvocato" | "praticante_abilitato" | "altro";
  dichiarazione_imparzialita?: boolean;
  responsabile_organismo?: boolean;
  [campo: string]: unknown;
}

/** An action: the one asked about, or a past one in `eventi` (same shape). */
export interface Azione {
  azione: string;
  data?: IsoDate;
  parte?: string;
  /** Extension: who acts when it is not a party (`mediatore`, `segreteria`, `responsabile`). */
  ruolo?: string;
  [campo: string]: unknown;
}

export interface Procedimento {
  materia?: string;
  tipo?: "obbligatoria" | "demandata" | "clausola" | "volontaria";
  /** Euro; null: indeterminato/indeterminabile. */
  valore?: number | null;
  /** With `valore: null`: the degree of indeterminability, when the organismo has stated it (D.M. 150/2023 art. 28 c. 5). */
  grado_indeterminabilita?: "basso" | "medio" | "alto";
  parti?: Parte[];
  mediatore?: Mediatore;
  eventi?: Azione[];
  modalita?: "in_presenza" | "telematica" | "mista";
  tabella?: { nome?: string; scaglione?: number; spese_mediazione?: number };
  termine_deposito_giudice?: IsoDate;
  /** Extension: the day the judge's ordinanza sending the parties to mediation was filed (demandata; D.Lgs. 28/2010 art. 6 as of 25.1.2025). */
  data_deposito_ordinanza?: IsoDate;
  chiusure?: { dal: IsoDate; al: IsoDate }[];
  clausola_mediazione?: { opposizione_proposta?: boolean };
  indennita_mediazione?: number;
  [campo: string]: unknown;
}

export interface Domanda {
  data?: IsoDate;
  procedimento: Procedimento;
  azione?: Azione;
  /** Extension: pin a version (scenario files, simulator). */
  versione?: string;
  /**
   * Extension: set the regolamento's parameters for this question (the reading of an ambiguous text,
   * e.g. `{ "sabato_lavorativo": true }`); the answer's `traccia` says which were set.
   */
  parametri?: Record<string, number | string | boolean | string[]>;
}

export interface Scadenza {
  nome: string;
  dal?: IsoDate;
  entro?: IsoDate;
  cita: string;
  fonte: string;
  /** Extension: the term has run out at `data`. */
  scaduta?: boolean;
  parte?: string;
  /** Extension: why the end day moved (holiday, Saturday, closure…). */
  spostamenti?: string[];
  /**
   * Extension: when several rules time this deadline (the law's and the organismo's), each of them
   * and the bounds it set (`dal`, `entro`; none when its window was wider). `cita`/`fonte` above are
   * those of the rule that set `entro` (else `dal`).
   */
  fonti?: { regola: string; cita: string; fonte: string; limiti: ("dal" | "entro")[] }[];
}

export interface Motivo {
  regola: string;
  cita: string;
  fonte: string;
  testo?: string;
  /** Extension: a sentence a person reads. */
  messaggio?: string;
  scadenza?: { nome: string; dal?: IsoDate; entro?: IsoDate };
  /** Extension: facts the rule needed and the question did not give. */
  fatti_mancanti?: string[];
  /** Extension: what would make the action allowed, where that can be said. */
  per_consentire?: string;
}

export interface Voce {
  voce: string;
  imponibile: number | null;
  iva: number | null;
  cita: string;
  fonte?: string;
  quantita?: number;
  nota?: string;
  /** Extension: a discretionary voce ("fino a un quarto") left to the organismo: its ceiling, euro (imponibile null). */
  massimo?: number;
}

export interface IndennitaParte {
  parte: string;
  voci: Voce[];
  totale: number;
  /** Extension: the voci due whose amount is not known (imponibile null), left out of `totale`; absent when none. */
  voci_senza_importo?: string[];
}

export interface Indennita {
  per_parte: IndennitaParte[];
  totale: number;
  /** Extension: every party's `voci_senza_importo`, once each: the total leaves them out; absent when none. */
  voci_senza_importo?: string[];
  obbligazione_solidale?: boolean;
  compenso_mediatore?: number;
}

export interface EffettoGiuridico {
  effetto: string;
  parte?: string;
  cita: string;
  fonte: string;
}

export interface Traccia {
  regola: string;
  cita: string;
  fonte: string;
  esito: string; // "applicata", "consente", "nega", "eccezione prevale su …", "non applicabile"…
  dettaglio?: string;
}

export interface Conflitto {
  regole: { regola: string; cita: string; fonte: string }[];
  messaggio: string;
}

export interface Risposta {
  esito?: "consentito" | "negato";
  motivi: Motivo[];
  fase: string;
  scadenze: Scadenza[];
  indennita: Indennita;
  azioni_consentite: string[];
  traccia: Traccia[];
  effetti: EffettoGiuridico[];
  /** Extension: rules that contradict each other with no exception ordering them. */
  conflitti?: Conflitto[];
  /** Extension: facts still needed to decide. */
  fatti_mancanti?: string[];
  /** Extension: which regolamento version answered. */
  regolamento?: { id: string; versione: string; basi: { id: string; versione: string }[] };
  /** Extension: problems of the question's shape (a bad date, a party without id…), in Italian. */
  errori?: string[];
  /**
   * Extension (issue 13 § 4): for a denial, the smallest changes that would allow the action, each
   * confirmed by evaluation (engine/analisi/per-consentire.ts). Added by the server and the CLI,
   * never by `evaluate` itself.
   */
  per_consentire?: ModificaPerConsentire[];
}

export interface ModificaPerConsentire {
  tipo: "fatto" | "data" | "attore" | "azione_precedente";
  campo: string;
  da?: unknown;
  a: unknown;
  descrizione: string;
  insieme_a?: Omit<ModificaPerConsentire, "regole" | "insieme_a">[];
  regole: { regola: string; cita: string; fonte: string }[];
}
