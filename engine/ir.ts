// The intermediate representation: what `dsl/` compiles a regolamento into and what the engine runs.
// Plain JSON (no functions, no classes) so it can be stored, diffed, cached and sent to clients.
// Every rule carries its citation (`cita`, `fonte`) and, where the author quoted it, the text.

/** A json-logic expression (https://jsonlogic.com), as produced by the DSL compiler. */
export type JsonLogic = null | boolean | number | string | JsonLogic[] | { [op: string]: JsonLogic };

/** Euro amounts inside the IR are integer cents: no float ever touches money. */
export type Centesimi = number;

export type UnitaDurata = "giorni" | "giorni_lavorativi" | "mesi";

/** Who acts. Party roles come from `parti[].ruolo`; the others are the organismo's people. */
export type Ruolo =
  | "istante"
  | "invitata"
  | "parte" // any party
  | "mediatore"
  | "segreteria"
  | "responsabile"
  | "organismo"; // any of mediatore, segreteria, responsabile

/** A rule of this or another (applied) regolamento: `nome` alone, or `nome di <fonte>`. */
export interface RifRegola {
  nome: string;
  fonte?: string;
}

interface RegolaComune {
  /** Unique within its regolamento; the id used by exceptions, traces and diffs. */
  nome: string;
  /** Whose rule: the organismo id, or a baseline id such as `dlgs-28-2010`. */
  fonte: string;
  /** "art. 5 c. 4 lett. b" (articolo 2 bis → "art. 2-bis"). */
  cita: string;
  /** The words of the text the rule encodes (the statement's own `testo`, else its comma's quote). */
  testo?: string;
  /** Author's note: an ambiguity, the reading chosen, the law mirrored. */
  nota?: string;
  /** Applicability: the rule applies only when this holds. Absent: always. */
  quando?: JsonLogic;
  /** This rule replaces that one unconditionally (e.g. an organismo's 10 days for the law's 7). */
  sostituisce?: RifRegola;
  /**
   * On a rule of the law (DSL `deroga …`, issue 13 § 1): how far an organismo may depart from it.
   * "nessuna" inderogabile; "massimo" a term or amount the organismo may lower, not raise; "minimo"
   * one it may raise, not lower; "fisso" an amount it must apply as it is; "libera" a default that
   * holds "salvo diverso accordo" (any departure allowed). `per`: only for organismi of that kind
   * (parametro `organismo_pubblico`). Read by engine/analisi/conformita.ts; the engine ignores it.
   */
  deroga?: Deroga;
  /** 1-based source position of the statement, for the editor; not part of the rule's meaning. */
  riga?: number;
}

export interface Deroga {
  tipo: "nessuna" | "massimo" | "minimo" | "fisso" | "libera";
  per?: "pubblici" | "privati";
}

/** A guard on actions: when it applies to the action asked, `richiede` must hold or the action is denied. */
export interface Vincolo extends RegolaComune {
  tipo: "vincolo";
  azioni: string[];
  /** Who may take the action (absent: anyone). */
  da?: Ruolo[];
  /** In which phases (absent: any non-final phase). */
  inFase?: string[];
  /** Must hold for the action to be allowed. `vieta` compiles to `false`. */
  richiede: JsonLogic;
  motivo?: string;
}

/** Where a term counts from. */
export type Ancora =
  | { evento: string; campo?: string; verso: "da" | "prima" } // the last event of that action; its `campo` date (default `data`)
  | { termine: string; verso: "da" } // "dalla scadenza del termine X"
  /**
   * A date fact of the procedure (DSL `da <fatto>` / `prima di <fatto>`, the root of the path being a
   * procedure fact of engine/vocabolario.ts FATTI rather than an action name), e.g. "decorre dalla
   * scadenza fissata dal giudice per il deposito dell'istanza": `{ fatto: "termine_deposito_giudice",
   * verso: "da" }`. `fatto` is a dotted path into the procedure facts (the same facts a condition sees,
   * § "The facts a condition sees" of dsl/SPEC.md) whose value is an ISO date (`YYYY-MM-DD`, or a
   * date-time whose day counts). Counting as for an event anchor: "da" → the day of the fact is not
   * counted (N giorni → date + N); "prima" → counted backwards. When the path is missing (`undefined`)
   * or null, the anchor does not exist: the term is not computed, binds nothing and is not listed in
   * `scadenze` (as for an event anchor whose event has not happened). Added for the mediazione
   * demandata (CONTRACT fact `termine_deposito_giudice`).
   */
  | { fatto: string; verso: "da" | "prima" };

export interface Limite {
  quantita: number;
  unita: UnitaDurata;
  /**
   * A path (DSL `entro 7 giorni o formulazione_proposta.termine_giorni`) to a fact that may set the
   * length instead of `quantita`: "entro sette giorni … o nel maggior termine indicato dal mediatore".
   * Resolved in the facts a condition sees when the term is computed (an action name is its last
   * event; when the root is the action the term is anchored on, read the very event used as anchor,
   * per party for a `ciascunaParte` term). When the value there is a positive integer (a number n
   * with Number.isInteger(n) && n > 0) it replaces `quantita`, in the same `unita`; anything else
   * (missing, null, 0, negative, fractional, a string) leaves `quantita`. The value replaces, it
   * does not add, and it may be smaller than `quantita` (the text decides; the DSL states the
   * default). Optional and additive: absent, the limit is `quantita`.
   */
  quantitaDa?: string;
}

/** A term: a window [dal, entro] computed from an anchor. */
export interface Termine extends RegolaComune {
  tipo: "termine";
  /** The name it takes in `scadenze[].nome` (defaults to the rule name). */
  scadenza: string;
  ancora: Ancora;
  /** Earliest day allowed: anchor + nonPrimaDi ("non prima di 20 giorni"). */
  nonPrimaDi?: Limite;
  /** Latest day allowed: anchor ± entro ("entro 7 giorni", "non oltre 40 giorni", "non meno di 7 giorni prima"). */
  entro?: Limite;
  /** Actions the window binds: their date (or `campo`) must fall inside it. They also close the term. */
  per: { azione: string; campo?: string }[];
  /** "salvo diverso accordo delle parti": an action carrying `accordo_parti: true` is not bound. */
  salvoAccordo: boolean;
  /** The term runs for each party separately (e.g. each party answers a proposal). */
  ciascunaParte: boolean;
  /** Closures of the organismo extend the term (default true; the law's duration is not suspended). */
  sospesoDaChiusure: boolean;
  /** Silence: when the term runs out with no closing action, this effect follows ("la proposta si ha per rifiutata"). */
  inMancanza?: string;
  /** "senza sanzione": the window times its `per` actions (they close it) but denies none of them. */
  senzaSanzione?: boolean;
}

/** A bracket of a fee table. `fino` is the inclusive upper bound in cents; absent on the last ("oltre"). */
export interface Scaglione {
  fino?: Centesimi;
  importo: Importo;
}

export type Importo =
  | { tipo: "fisso"; centesimi: Centesimi }
  | { tipo: "percentuale_valore"; percentuale: number } // e.g. 0.2 for "0,20 % del valore"
  | { tipo: "da_determinare" }; // due, but the text gives no amount: imponibile null

/** A fee voce computed per party from the dispute value. */
export interface Tariffa extends RegolaComune {
  tipo: "tariffa";
  /** `indennita.per_parte[].voci[].voce`. */
  voce: string;
  ivaPercento: number;
  /** Named table when a regolamento has several (645's two tables); absent: always the one. */
  tabella?: string;
  /** Brackets in increasing order; a fixed fee is a single bracket without `fino`. */
  scaglioni: Scaglione[];
  /** Value null (indeterminato/indeterminabile): an amount, or "come valore X" (reference value, cents). */
  indeterminato?: Importo | { tipo: "come_valore"; centesimi: Centesimi };
  /**
   * By degree of indeterminability (`procedimento.grado_indeterminabilita`: basso, medio, alto; D.M.
   * 150/2023 art. 28 c. 5): the row for that degree, which a question stating it gets instead of
   * `indeterminato`.
   */
  indeterminabile?: Partial<Record<"basso" | "medio" | "alto", Importo | { tipo: "come_valore"; centesimi: Centesimi }>>;
  /**
   * A count the amount is multiplied by (DSL `per ciascuna parte invitata` → `"numero_invitate"`, or
   * `quantita <path>`): "10 euro … per le spese di notifica per ciascuna parte convocata". A path
   * evaluated in the party's context (the facts a tariffa's `quando` sees, `parte.*` included);
   * `numero_invitate` is a derived procedure fact: the number of `procedimento.parti` with
   * `ruolo: "invitata"`. The voce's imponibile = (the bracket's amount, before rounding) × count,
   * rounded half-up once as every voce; IVA on that. The answer's voce carries `quantita: count`.
   * A count that is 0 gives imponibile 0 (the voce is still listed); a missing/non-numeric value
   * (or negative, or not an integer) gives imponibile null and the path in `fatti_mancanti`.
   * Absent: count 1 and no `quantita` on the voce (as before). Variations on this voce see the
   * multiplied amount.
   */
  quantita?: string | {
    /**
     * A count computed by a condition's expression (DSL `quantita quanti c in comunicazione_domanda
     * (c.mezzo = raccomandata) oltre 5`): json-logic yielding a whole number, read like a path's value.
     */
    conta: JsonLogic;
  };
}

export type Misura =
  | { tipo: "frazione"; num: number; den: number } // un terzo = 1/3, la metà = 1/2, per intero = 1/1
  | { tipo: "percentuale"; percentuale: number } // 10 for 10%
  | { tipo: "importo"; centesimi: Centesimi }
  | { tipo: "voce"; voce: string }; // "meno spese_mediazione_primo_incontro"

/** A reduction or increase: its own voce, signed, computed on other voci. Applied in declaration order. */
export interface Variazione extends RegolaComune {
  tipo: "variazione";
  voce: string;
  segno: 1 | -1;
  misura: Misura;
  /** "fino a un quarto": a discretionary ceiling; the engine applies the ceiling and says so. */
  finoA: boolean;
  /** Voci it is computed on. */
  su: string[];
  /** "tabella": on their table amounts; "totale": on their amounts after the variations before it. */
  base: "tabella" | "totale";
  /** Only for these brackets of the `su` table (1-based, inclusive): "per i primi sei scaglioni". */
  scaglioni?: { da: number; a: number };
}

/** A named set of parties derived from events: `richiedenti_proposta.parti|numero|tutte` in conditions. */
export interface Insieme extends RegolaComune {
  tipo: "insieme";
  /** Each source: parties of that action's events (by `parte` or `parti`), optionally filtered on the event (`evento.*`). */
  da: { azione: string; quando?: JsonLogic }[];
  /**
   * `tranne parti di …`: the parties of these events are taken out (e.g. the parties that have paid
   * the balance out of those that owe; a party that opposed out of those that consented).
   */
  tranne?: { azione: string; quando?: JsonLogic }[];
}

/** A legal consequence at `data` ("tentativo_fallito", "domanda_non_pervenuta"…). */
export interface Effetto extends RegolaComune {
  tipo: "effetto";
  effetto: string;
  /** Evaluated for each party (`parte.*` in the condition), the effect naming it. */
  perParte: boolean;
}

/** Who may see documents of a kind (`deposito_documento.tipo`). Also guards `accesso_documento`. */
export interface Visibilita extends RegolaComune {
  tipo: "visibilita";
  documenti: string; // e.g. "sessione_separata"
  visibileA: ("depositante" | "mediatore" | "parti" | "segreteria")[];
}

/** The life cycle of an action: who, in which phases, and where it leads. */
export interface DefinizioneAzione extends RegolaComune {
  tipo: "azione";
  azione: string;
  da?: Ruolo[];
  inFase?: string[];
  /** First matching transition wins; `quando` sees the action being applied as `azione.*`. */
  transizioni: { fase: string; quando?: JsonLogic }[];
}

/** An exception: when `quando` holds, the rule it names does not apply, or applies modified. */
export interface Eccezione extends RegolaComune {
  tipo: "eccezione";
  a: RifRegola;
  quando: JsonLogic;
  /** Fields that replace the target's while the exception holds (e.g. another `entro`, another `richiede`). */
  modifica?: Partial<Omit<Vincolo, "tipo" | "nome" | "fonte" | "cita">> | Partial<Omit<Termine, "tipo" | "nome" | "fonte" | "cita">>;
}

/**
 * Joint liability (DSL `solidale NOME: su spese_mediazione [quando …]`): "le spese di mediazione
 * sono dovute in solido da ciascuna parte che ha aderito al procedimento". When this rule applies
 * (its `quando`, evaluated once on the procedure facts, not per party: no `parte.*`), the answer's
 * `indennita.obbligazione_solidale` is `true`; `voci` are the voci the joint liability covers
 * (the engine may name them in the trace or a nota). The regolamento (with its bases) has
 * `solidarieta` rules but none applies: `false`; it has none: the field is absent (the CONTRACT makes
 * it optional). It changes no amount.
 */
export interface Solidarieta extends RegolaComune {
  tipo: "solidarieta";
  voci: string[];
}

/**
 * The mediator's fee (DSL `compenso NOME: di 60% su spese_mediazione [quando …]`): "al mediatore
 * l'O.D.M. riconosce un compenso pari al 60% dell'indennità di mediazione". When it applies (its
 * `quando`, evaluated once on the procedure facts, not per party), the answer's
 * `indennita.compenso_mediatore` (euro) = misura applied to B, where B = the sum over all parties
 * of the imponibile (IVA excluded, signed: a riduzione listed in `su` counts negative) of the voci
 * named in `su`, in cents. Misura: frazione → B × num / den; percentuale → B × p / 100; importo →
 * that amount (B ignored); voce → the sum of that voce over all parties. Rounded half-up once.
 * A `su` voce with imponibile null makes the compenso null (unknown), with a nota. Not part of
 * any party's total (the organismo pays it out of the indennità). Two applicable `compenso` rules,
 * none replacing the other, are a conflict (as for two tariffe of one voce).
 */
export interface Compenso extends RegolaComune {
  tipo: "compenso";
  misura: Misura;
  su: string[];
}

export type Regola =
  | Vincolo
  | Termine
  | Tariffa
  | Variazione
  | Insieme
  | Effetto
  | Visibilita
  | DefinizioneAzione
  | Eccezione
  | Solidarieta
  | Compenso;

export type TipoRegola = Regola["tipo"];

export interface Fase {
  nome: string;
  iniziale: boolean;
  finale: boolean;
  cita: string;
}

export interface Parametro {
  nome: string;
  valore: number | string | boolean | string[];
  cita?: string;
  nota?: string;
  /**
   * The values a question may set (`parametri`): the default and those the rules compare it with;
   * vero/falso for a flag; absent for a number (any). Filled by the compiler (engine/nomi.ts).
   */
  valori?: (string | number | boolean)[];
  /** For a list parameter (`materie_obbligatorie`): the values its elements may take. */
  elementi?: string[];
}

export interface Calendario {
  /** "MM-DD" every year, or "YYYY-MM-DD" once. National holidays are built into the engine. */
  festivi: { data: string; nome?: string; cita?: string }[];
  /** Inclusive; they suspend terms (each term says whether it is suspended). */
  chiusure: { dal: string; al: string; nome?: string; cita?: string }[];
}

/** The text's structure, for coverage tables, hover and "go to article". */
export interface Articolo {
  numero: string; // "5", "2-bis"
  titolo?: string;
  testo?: string;
  commi: Comma[];
  lettere: Lettera[];
  /** Names of the rules stated directly in the articolo, outside any comma (added by dsl/). */
  regole?: string[];
  riga?: number;
}
export interface Comma {
  numero: string;
  testo?: string;
  lettere: Lettera[];
  regole: string[]; // names of the rules stated in it
  riga?: number;
}
export interface Lettera {
  lettera: string;
  testo?: string;
  regole: string[];
  riga?: number;
}

export interface Regolamento {
  /** Organismo id (`velletri`, `645`) or baseline id (`dlgs-28-2010`). */
  id: string;
  nome: string;
  registro?: string;
  versione: string;
  /** ISO date from which this version is in force. */
  inVigoreDal: string;
  /** Baseline ids whose rules apply beneath this one (resolved by date by the catalogue). */
  applica: string[];
  parametri: Record<string, Parametro>;
  /** The fee tables a question chooses with `procedimento.tabella.nome` (absent: one table, unnamed). */
  tabelle?: string[];
  calendario: Calendario;
  fasi: Fase[];
  struttura: Articolo[];
  regole: Regola[];
}
