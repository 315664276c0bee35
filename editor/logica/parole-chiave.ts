// The words of the regolamento language (dsl/SPEC.md, "Keywords"), grouped by the role they play, so
// that highlighting and completion agree with the parser's reserved words.

/** Headers that give the file its structure (the text's own: articolo → comma → lettera). */
export const STRUTTURA = [
  "regolamento", "registro", "versione", "applica", "parametro", "calendario", "festivo", "chiusura",
  "procedura", "fase", "articolo", "comma", "lettera", "testo", "nota",
] as const;

/** Statement kinds: each opens a rule `KIND NAME:`. */
export const DICHIARAZIONI = [
  "vincolo", "termine", "tariffa", "riduzione", "aumento", "esenzione", "insieme", "effetto", "visibilita",
  "azione", "eccezione", "solidale", "compenso",
] as const;

/** Clause keywords and connectives. */
export const CLAUSOLE = [
  "in", "vigore", "dal", "al", "iniziale", "finale", "bis", "ter", "quater", "quinquies", "per", "da", "quando",
  "richiede", "vieta", "motivo", "entro", "non", "prima", "di", "oltre", "meno", "giorni", "lavorativi", "mesi",
  "giorno", "mese", "salvo", "accordo", "delle", "parti", "ciascuna", "parte", "mancanza", "senza", "sospensione",
  "dalla", "scadenza", "tabella", "iva", "fino", "a", "indeterminato", "come", "valore", "del", "da_determinare",
  "un", "una", "la", "metà", "terzo", "quarto", "quinto", "sesto", "decimo", "due", "terzi", "quarti", "intero",
  "su", "sul", "totale", "scaglioni", "documenti", "visibili", "porta", "sostituisce", "e", "o", "esiste",
  "vero", "falso", "voce", "quantita", "lavorativo", "determinare", "tre", "se", "ogni", "almeno", "nessuna",
  "nessun", "quanti", "tranne", "deroga",
] as const;

/** Multi-word phrases worth completing as a whole (the parser reads them word by word). */
export const FRASI = [
  "non prima di", "non oltre", "non meno di", "giorni lavorativi", "salvo diverso accordo delle parti", "salvo accordo delle parti", "ciascuna parte",
  "in mancanza", "senza sospensione", "dalla scadenza di", "in vigore dal", "in fase", "porta a", "fino a",
  "sul totale di", "non esiste", "almeno una", "almeno un", "ogni voce", "nessuna voce", "tranne parti di",
] as const;

export const TUTTE_LE_PAROLE: readonly string[] = [...new Set([...STRUTTURA, ...DICHIARAZIONI, ...CLAUSOLE])];
