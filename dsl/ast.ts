// The typed syntax tree of a regolamento file. Every node carries its source range, so checks can
// point at line:col and the formatter can keep comments in place. Fields that error recovery may
// leave out are optional; the checks and the compiler skip what is missing.

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number; // exclusive
  offset: number;
  endOffset: number; // exclusive
}

/** A name or literal as written, with where it was written. */
export interface Parola {
  testo: string;
  span: Span;
  /** True when the word is a keyword of the language (invalid as a rule name). */
  chiave?: boolean;
}

export interface NumeroAst {
  valore: number; // 25.000,01 → 25000.01
  raw: string; // "25.000,01"
  span: Span;
}

export interface StringaAst {
  valore: string; // unescaped, without quotes
  raw: string; // as written, with quotes
  span: Span;
}

// ---- conditions ----------------------------------------------------------------------------------
export type Espr =
  | { t: "percorso"; segmenti: Parola[]; span: Span }
  | { t: "numero"; numero: NumeroAst; unita?: "€" | "%"; euroPrima?: boolean; span: Span }
  | { t: "stringa"; stringa: StringaAst; span: Span }
  | { t: "data"; data: Parola; span: Span }
  | { t: "letterale"; parola: Parola; span: Span }
  | { t: "booleano"; valore: boolean; span: Span }
  /**
   * `quanti X in lista (cond) [oltre N]`: how many elements of the list (an action's name: its
   * events) satisfy `cond`; with `oltre N`, those beyond the first N (never below 0).
   */
  | { t: "conteggio"; nome: Parola; lista: Espr & { t: "percorso" }; x: Cond; oltre?: NumeroAst; span: Span };

export type OpConfronto = "=" | "!=" | "<" | "<=" | ">" | ">=";

export type Cond =
  | { t: "o"; parti: Cond[]; span: Span }
  | { t: "e"; parti: Cond[]; span: Span }
  | { t: "non"; x: Cond; span: Span }
  | { t: "esiste"; percorso: Espr & { t: "percorso" }; negato: boolean; span: Span }
  | { t: "confronto"; op: OpConfronto; a: Espr; b: Espr; span: Span }
  | { t: "inLista"; a: Espr; lista: Espr[]; negato: boolean; span: Span }
  | { t: "inPercorso"; a: Espr; percorso: Espr & { t: "percorso" }; span: Span }
  | { t: "vero"; percorso: Espr & { t: "percorso" }; span: Span } // a bare path: truthy
  | { t: "costante"; valore: boolean; span: Span }
  /**
   * `ogni X in lista (cond)` → all, `almeno una X in …` → some, `nessuna X in …` → none. `parola` is the
   * quantifier as written (`almeno un`, `nessun` kept by the formatter); `nome` the name bound to the
   * element inside `x`.
   */
  | {
    t: "quantificatore"; q: "all" | "some" | "none"; parola: string; nome: Parola; lista: Espr & { t: "percorso" }; x: Cond; span: Span;
    /** `ogni voce X di mappa (…)`: over the entries of a map (X.chiave is the key, X.campo the value's field). */
    voci?: boolean;
  }
  | { t: "parentesi"; x: Cond; span: Span };

// ---- amounts and measures ------------------------------------------------------------------------
export type ImportoAst =
  | { t: "euro"; numero: NumeroAst; euroPrima: boolean; span: Span }
  | { t: "percentuale"; numero: NumeroAst; span: Span } // N % del valore
  | { t: "da_determinare"; span: Span };

export type FrazioneNome =
  | "un terzo" | "un quarto" | "un quinto" | "un sesto" | "un decimo" | "la metà" | "due terzi" | "tre quarti" | "per intero";

export type MisuraAst =
  | { t: "frazione"; nome: FrazioneNome; span: Span }
  | { t: "percentuale"; numero: NumeroAst; span: Span }
  | { t: "euro"; numero: NumeroAst; euroPrima: boolean; span: Span }
  | { t: "voce"; voce: Parola; span: Span };

export type UnitaAst = "giorni" | "giorni lavorativi" | "mesi";
export interface LimiteAst {
  quantita: NumeroAst;
  unita: UnitaAst;
  unitaRaw: string; // "giorno lavorativo" as written (the formatter keeps singulars)
  /** `entro 7 giorni o formulazione_proposta.termine_giorni`: the fact that may set the length. */
  quantitaDa?: Espr & { t: "percorso" };
  span: Span;
}

export type AncoraAst =
  | { t: "evento"; verso: "da" | "prima"; parolaDa?: string; evento: Parola; campo?: Parola; span: Span }
  | { t: "termine"; termine: Parola; span: Span }
  /** `da termine_deposito_giudice`: the root is a procedure fact (FATTI), not an action. */
  | { t: "fatto"; verso: "da" | "prima"; parolaDa?: string; percorso: Espr & { t: "percorso" }; span: Span };

// ---- clauses -------------------------------------------------------------------------------------
export type Clausola =
  | { k: "quando"; cond: Cond; span: Span }
  | { k: "testo"; testo: StringaAst; span: Span }
  | { k: "nota"; testo: StringaAst; span: Span }
  /** `deroga massimo [per pubblici|privati]`: how far an organismo may depart from this rule of the law. */
  | { k: "deroga"; tipo: Parola; per?: Parola; span: Span }
  | { k: "per"; bersagli: { azione: Parola; campo?: Parola }[]; span: Span }
  | { k: "da"; ruoli: Parola[]; span: Span }
  | { k: "inFase"; fasi: Parola[]; span: Span }
  | { k: "inMancanza"; effetto: Parola; span: Span }
  | { k: "richiede"; cond: Cond; span: Span }
  | { k: "vieta"; span: Span }
  | { k: "motivo"; testo: StringaAst; span: Span }
  | {
      k: "finestra";
      nonPrimaDi?: LimiteAst;
      entro?: LimiteAst;
      formaEntro?: "entro" | "non oltre" | "non meno di";
      ancora?: AncoraAst;
      span: Span;
    }
  | { k: "salvoAccordo"; span: Span }
  | { k: "ciascunaParte"; span: Span }
  | { k: "senzaSospensione"; span: Span }
  | { k: "senzaSanzione"; span: Span }
  | { k: "scadenza"; nome: Parola; span: Span }
  | { k: "finoA"; soglia?: { numero: NumeroAst; euroPrima: boolean }; misura?: MisuraAst; importo?: ImportoAst; span: Span }
  | { k: "oltre"; soglia?: { numero: NumeroAst; euroPrima: boolean }; importo?: ImportoAst; span: Span }
  | { k: "indeterminato"; /** `indeterminato basso: …`: the row for that degree of indeterminability. */ grado?: Parola; importo?: ImportoAst; comeValore?: { numero: NumeroAst; euroPrima: boolean }; span: Span }
  | { k: "importo"; importo: ImportoAst; span: Span }
  | { k: "voce"; nome: Parola; span: Span }
  | { k: "effetto"; nome: Parola; span: Span }
  | { k: "di"; misura: MisuraAst; span: Span }
  | { k: "su"; voci: Parola[]; totale: boolean; span: Span }
  | { k: "scaglioni"; da: number; a: number; raw: string; span: Span }
  | { k: "partiDi"; fonti: { azione: Parola; se?: Cond }[]; /** `tranne parti di …`: parties taken out. */ tranne?: { azione: Parola; se?: Cond }[]; span: Span }
  | { k: "documenti"; documenti: Parola; visibiliA: Parola[]; span: Span }
  | { k: "porta"; fase: Parola; quando?: Cond; span: Span }
  | { k: "tabella"; nome: Parola; span: Span }
  /** `per ciascuna parte invitata` (invitate) or `quantita <percorso>` (a tariffa's count). */
  | { k: "quantita"; invitate: boolean; percorso?: Espr & { t: "percorso" }; conteggio?: Espr & { t: "conteggio" }; span: Span }
  | { k: "iva"; numero: NumeroAst; span: Span };

export type TipoClausola = Clausola["k"];

export const TIPI_DICHIARAZIONE = [
  "vincolo", "termine", "tariffa", "riduzione", "aumento", "esenzione", "insieme", "effetto", "visibilita",
  "azione", "eccezione", "solidale", "compenso",
] as const;
export type TipoDichiarazione = (typeof TIPI_DICHIARAZIONE)[number];

export interface RifAst {
  nome: Parola;
  di?: Parola;
  span: Span;
}

export interface Dichiarazione {
  n: "dichiarazione";
  tipo: TipoDichiarazione;
  /** The keyword as written (`visibilità` is kept). */
  tipoRaw: string;
  nome?: Parola;
  sostituisce?: RifAst;
  a?: RifAst; // eccezione … a X
  clausole: Clausola[];
  span: Span;
}

export interface ParametroAst {
  n: "parametro";
  nome?: Parola;
  valore?: Espr | { t: "lista"; valori: Espr[]; span: Span };
  nota?: StringaAst;
  span: Span;
}

export interface CalendarioAst {
  n: "calendario";
  voci: (
    | { t: "festivo"; data: Parola; nome?: StringaAst; span: Span }
    | { t: "chiusura"; dal: Parola; al: Parola; nome?: StringaAst; span: Span }
  )[];
  span: Span;
}

export interface ProceduraAst {
  n: "procedura";
  fasi: { nome: Parola; iniziale: boolean; finale: boolean; marche: string[]; span: Span }[];
  span: Span;
}

export type Contenuto = Dichiarazione | ParametroAst | CalendarioAst | ProceduraAst;

export interface LetteraAst {
  n: "lettera";
  lettera?: Parola;
  testo?: StringaAst;
  figli: Contenuto[];
  span: Span;
}

export interface CommaAst {
  n: "comma";
  numero?: NumeroAst;
  suffisso?: string;
  testo?: StringaAst;
  figli: (LetteraAst | Contenuto)[];
  span: Span;
}

export interface ArticoloAst {
  n: "articolo";
  numero?: NumeroAst;
  suffisso?: string;
  /** Whether the author wrote `2-bis` rather than `2 bis` (the formatter normalizes to `2 bis`). */
  titolo?: StringaAst;
  testo?: StringaAst;
  figli: (CommaAst | LetteraAst | Contenuto)[];
  span: Span;
}

export interface Intestazione {
  id?: Parola;
  nome?: StringaAst;
  registro?: Parola;
  versione?: Parola;
  inVigoreDal?: Parola;
  applica: Parola[];
  parametri: ParametroAst[];
  span: Span;
}

export type ElementoFile = ArticoloAst | LetteraAst | Contenuto;

export interface AstFile {
  intestazione?: Intestazione;
  elementi: ElementoFile[];
  commenti: { testo: string; span: Span }[];
}
