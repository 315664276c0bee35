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
  /** 1-based source position of the statement, for the editor; not part of the rule's meaning. */
  riga?: number;
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
  | { termine: string; verso: "da" }; // "dalla scadenza del termine X"

export interface Limite {
  quantita: number;
  unita: UnitaDurata;
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

export type Regola =
  | Vincolo
  | Termine
  | Tariffa
  | Variazione
  | Insieme
  | Effetto
  | Visibilita
  | DefinizioneAzione
  | Eccezione;

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
  calendario: Calendario;
  fasi: Fase[];
  struttura: Articolo[];
  regole: Regola[];
}
