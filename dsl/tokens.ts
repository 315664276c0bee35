// The tokens of the regolamento language. Keywords are IDENT-shaped and carry `longer_alt: Identifier`,
// so `da` never eats `data`, `e` never eats `esito`, `in` never eats `incontro`.
// Categories let keywords that are also plausible fact names (`tipo`, `valore`, `parte`…) stand as
// path segments and literals inside conditions: the grammar asks for a category, not for Identifier.
import { createToken, Lexer, type TokenType } from "chevrotain";

/** Any name-like token: identifiers and every keyword (after a `.` in a path, or as a `lettera`). */
export const Nome = createToken({ name: "Nome", pattern: Lexer.NA, label: "un nome" });
/** Tokens that may start a path or stand as a literal value in a condition: identifiers and soft keywords. */
export const Radice = createToken({ name: "Radice", pattern: Lexer.NA, categories: [Nome], label: "un nome" });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[a-zA-Z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][a-zA-Z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*/,
  categories: [Radice, Nome],
  label: "un nome",
});

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\u00A0\uFEFF]+/, group: Lexer.SKIPPED });
export const Commento = createToken({ name: "Commento", pattern: /#[^\n\r]*/, group: "commenti" });
export const Stringa = createToken({
  name: "Stringa",
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  line_breaks: true,
  label: "un testo tra virgolette",
});
// Hyphenated ids of baselines: `dlgs-28-2010`. Needs a hyphen, so it never matches a plain name.
export const IdFonte = createToken({
  name: "IdFonte",
  pattern: /[a-zA-Z][a-zA-Z0-9_]*(?:-[a-zA-Z0-9_]+)+/,
  label: "un identificativo di fonte (es. dlgs-28-2010)",
});
export const Data = createToken({ name: "Data", pattern: /\d{4}-\d{2}-\d{2}/, label: "una data (AAAA-MM-GG)" });
export const GiornoMese = createToken({ name: "GiornoMese", pattern: /\d{2}-\d{2}(?![\d-])/, label: "un giorno (MM-GG)" });
export const Numero = createToken({
  name: "Numero",
  pattern: /\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?/,
  label: "un numero",
});

export const DuePunti = createToken({ name: "DuePunti", pattern: ":", label: "':'" });
export const Virgola = createToken({ name: "Virgola", pattern: ",", label: "','" });
export const Punto = createToken({ name: "Punto", pattern: ".", label: "'.'" });
export const ParentesiAperta = createToken({ name: "ParentesiAperta", pattern: "(", label: "'('" });
export const ParentesiChiusa = createToken({ name: "ParentesiChiusa", pattern: ")", label: "')'" });
export const QuadraAperta = createToken({ name: "QuadraAperta", pattern: "[", label: "'['" });
export const QuadraChiusa = createToken({ name: "QuadraChiusa", pattern: "]", label: "']'" });
export const Confronto = createToken({ name: "Confronto", pattern: Lexer.NA, label: "un operatore di confronto" });
export const Diverso = createToken({ name: "Diverso", pattern: "!=", categories: [Confronto], label: "'!='" });
export const MinoreUguale = createToken({ name: "MinoreUguale", pattern: "<=", categories: [Confronto], label: "'<='" });
export const MaggioreUguale = createToken({ name: "MaggioreUguale", pattern: ">=", categories: [Confronto], label: "'>='" });
export const Minore = createToken({ name: "Minore", pattern: "<", categories: [Confronto], label: "'<'" });
export const Maggiore = createToken({ name: "Maggiore", pattern: ">", categories: [Confronto], label: "'>'" });
export const Uguale = createToken({ name: "Uguale", pattern: "=", categories: [Confronto], label: "'='" });
export const Meno = createToken({ name: "Meno", pattern: "-", label: "'-'" });
export const Percento = createToken({ name: "Percento", pattern: "%", label: "'%'" });
export const Euro = createToken({ name: "Euro", pattern: "€", label: "'€'" });

/** Keywords that are also everyday nouns and fact names: usable as path roots and literal values. */
const MORBIDE = new Set([
  "valore", "parte", "parti", "documenti", "azione", "fase", "tabella", "voce", "scadenza", "accordo", "giorno",
  "giorni", "mese", "mesi", "totale", "registro", "versione", "festivo", "chiusura", "iniziale", "finale",
  "mancanza", "sospensione", "iva", "indeterminato", "motivo", "nota", "testo", "scaglioni", "lavorativi",
  "lavorativo", "vigore", "intero", "visibili", "porta", "prima", "applica", "quantita",
]);
// Not soft, so that a statement or unit keyword after a half-written condition starts the next
// statement instead of being read as a value: regolamento articolo comma lettera vincolo termine
// tariffa riduzione aumento esenzione insieme effetto visibilita eccezione solidale compenso parametro
// calendario procedura.

const PAROLE = [
  "regolamento", "registro", "versione", "in", "vigore", "dal", "al", "applica", "parametro", "calendario",
  "festivo", "chiusura", "procedura", "fase", "iniziale", "finale", "articolo", "bis", "ter", "quater",
  "quinquies", "comma", "lettera", "testo", "nota", "vincolo", "per", "da", "quando", "richiede", "vieta",
  "motivo", "termine", "entro", "non", "prima", "di", "oltre", "meno", "giorni", "lavorativi", "lavorativo",
  "mesi", "giorno", "mese", "salvo", "accordo", "delle", "parti", "ciascuna", "parte", "mancanza", "senza",
  "sospensione", "dalla", "scadenza", "tariffa", "tabella", "iva", "fino", "a", "indeterminato", "come",
  "valore", "del", "determinare", "riduzione", "aumento", "esenzione", "un", "una", "la", "terzo", "quarto",
  "quinto", "sesto", "decimo", "due", "tre", "terzi", "quarti", "intero", "su", "sul", "totale", "scaglioni",
  "insieme", "se", "effetto", "visibilita", "documenti", "visibili", "azione", "porta", "eccezione",
  "sostituisce", "e", "o", "esiste", "vero", "falso", "voce", "quantita", "solidale", "compenso",
  "ogni", "almeno", "nessuna", "nessun", "quanti", "tranne",
  "deroga", // how far an organismo may depart from a rule of the law (docs/linguaggio.md § 7)
] as const;
export type Parola = (typeof PAROLE)[number];

const nomeToken = (p: string): string => "K_" + p;

/** Keyword tokens by their word. */
export const K = {} as Record<Parola, TokenType>;
for (const p of PAROLE) {
  K[p] = createToken({
    name: nomeToken(p),
    pattern: p,
    longer_alt: Identifier,
    categories: MORBIDE.has(p) ? [Radice, Nome] : [Nome],
    label: `'${p}'`,
  });
}
// Accented spellings authors will type; same token types as their plain forms.
const MetaAccentata = createToken({ name: "K_metà", pattern: /metà|meta(?![a-zA-Z0-9_\u00C0-\u024F])/, categories: [Nome], label: "'metà'" });
const VisibilitaAccentata = createToken({ name: "K_visibilità", pattern: "visibilità", longer_alt: Identifier, categories: [K.visibilita], label: "'visibilità'" });
const QuantitaAccentata = createToken({ name: "K_quantità", pattern: "quantità", longer_alt: Identifier, categories: [K.quantita], label: "'quantità'" });
export const Meta = MetaAccentata;
export const DaDeterminare = createToken({ name: "K_da_determinare", pattern: "da_determinare", longer_alt: Identifier, categories: [Nome], label: "'da_determinare'" });

/** Which keyword a token is (via its type name), or undefined for identifiers and punctuation. */
export function parolaChiave(t: TokenType): string | undefined {
  if (t.name.startsWith("K_")) return t.name.slice(2);
  return undefined;
}

// Longer keywords first, so `dalla` is tried before `dal` before `da` (longer_alt only rescues identifiers).
const keywordsByLength = [
  DaDeterminare,
  VisibilitaAccentata,
  QuantitaAccentata,
  ...PAROLE.slice().sort((a, b) => b.length - a.length).map((p) => K[p]),
];

export const allTokens: TokenType[] = [
  WhiteSpace,
  Commento,
  Stringa,
  Data,
  GiornoMese,
  Numero,
  IdFonte,
  MetaAccentata,
  ...keywordsByLength,
  Identifier,
  DuePunti,
  Virgola,
  Punto,
  ParentesiAperta,
  ParentesiChiusa,
  QuadraAperta,
  QuadraChiusa,
  Diverso,
  MinoreUguale,
  MaggioreUguale,
  Minore,
  Maggiore,
  Uguale,
  Meno,
  Percento,
  Euro,
  // categories (no pattern) must be listed for the parser to know them
  Nome,
  Radice,
  Confronto,
];

/** The words that can never be a rule name or an applied id. */
export const PAROLE_CHIAVE: ReadonlySet<string> = new Set<string>([...PAROLE, "metà", "visibilità", "quantità", "da_determinare"]);
