// lex + parse (recovering): the AST and the syntax diagnostics (E001), each with line:col.
import { EOF, createTokenInstance, type IToken } from "chevrotain";
import { lex } from "./lexer.ts";
import { MASSIMO_ERRORI, TroppiErrori, parser, spanTok } from "./parser.ts";
import { K, ParentesiAperta, ParentesiChiusa, QuadraAperta, QuadraChiusa } from "./tokens.ts";
import { errore, limita, ordina, type Diagnostic } from "./diagnostica.ts";
import type { AstFile, Span } from "./ast.ts";

function spanErrore(t: IToken, ultimo: IToken | undefined, source: string): Span {
  if (t.tokenType !== EOF && Number.isFinite(t.startOffset)) return spanTok(t);
  // at end of input: point just after the last real token
  if (ultimo) {
    const s = spanTok(ultimo);
    return { line: s.endLine, col: s.endCol, endLine: s.endLine, endCol: s.endCol + 1, offset: s.endOffset, endOffset: s.endOffset + 1 };
  }
  const righe = source.split("\n");
  const line = Math.max(1, righe.length);
  const col = (righe[righe.length - 1]?.length ?? 0) + 1;
  return { line, col, endLine: line, endCol: col + 1, offset: source.length, endOffset: source.length };
}

const EOF_TOKEN: IToken = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);

/** Deeper nesting than this is refused before parsing: recursive descent would exhaust the stack. */
export const PROFONDITA_MASSIMA = 64;

/** The first token that nests conditions deeper than PROFONDITA_MASSIMA (parentheses, lists, `non`). */
function troppoAnnidato(tokens: IToken[]): IToken | undefined {
  let profondita = 0;
  let non = 0;
  for (const t of tokens) {
    if (t.tokenType === ParentesiAperta || t.tokenType === QuadraAperta) profondita++;
    else if (t.tokenType === ParentesiChiusa || t.tokenType === QuadraChiusa) profondita = Math.max(0, profondita - 1);
    non = t.tokenType === K.non ? non + 1 : 0;
    if (profondita > PROFONDITA_MASSIMA || non > PROFONDITA_MASSIMA) return t;
  }
  return undefined;
}

/** parse, with at most MASSIMO_DIAGNOSTICHE diagnostics (then one line counting the rest). */
export function parse(source: string): { ast?: AstFile; diagnostics: Diagnostic[] } {
  const { lexed, diagnostics, omesse } = lex(source);
  const esito = analizzaTokens(source, lexed, diagnostics);
  return { ...esito, diagnostics: limita(esito.diagnostics, omesse) };
}

function analizzaTokens(source: string, lexed: ReturnType<typeof lex>["lexed"], diagnostics: Diagnostic[]): { ast?: AstFile; diagnostics: Diagnostic[] } {
  const profondo = troppoAnnidato(lexed.tokens);
  if (profondo) {
    diagnostics.push(errore("E001", `condizione troppo annidata (più di ${PROFONDITA_MASSIMA} livelli di parentesi o di 'non'): semplificala`, spanTok(profondo)));
    return { diagnostics: ordina(diagnostics) };
  }
  parser.sorgente = source;
  parser.costruzione = [];
  parser.input = lexed.tokens;
  let ast: AstFile | undefined;
  let interrotto = false;
  try {
    ast = parser.file() as AstFile | undefined;
  } catch (e) {
    if (e instanceof TroppiErrori) interrotto = true;
    // Last resort (the depth guard above should make this unreachable): never crash on input.
    else if (e instanceof RangeError) {
      diagnostics.push(errore("E001", "testo troppo complesso da analizzare", spanErrore(lexed.tokens[0] ?? EOF_TOKEN, undefined, source)));
      return { diagnostics: ordina(diagnostics) };
    } else throw e;
  }
  const ultimo = lexed.tokens[lexed.tokens.length - 1];
  // After a syntax error, recovery often trips again on the rest of the same line: the first
  // message there is the one that explains; later ones on that line are echoes.
  const righeConErrore = new Set<number>();
  for (const e of parser.errors) {
    const span = spanErrore(e.token, ultimo, source);
    if (righeConErrore.has(span.line)) continue;
    righeConErrore.add(span.line);
    diagnostics.push(errore("E001", e.message, span));
  }
  for (const c of parser.costruzione) diagnostics.push(errore("E001", c.message, c.span));
  if (interrotto) {
    const ultimoErrore = parser.errors[parser.errors.length - 1];
    const span = ultimoErrore ? spanErrore(ultimoErrore.token, ultimo, source) : spanErrore(EOF_TOKEN, ultimo, source);
    diagnostics.push(errore("E001", `più di ${MASSIMO_ERRORI} errori di sintassi: l'analisi si ferma qui`, span));
    return { diagnostics: ordina(diagnostics) };
  }
  if (ast) {
    ast.commenti = (lexed.groups["commenti"] ?? []).map((t) => ({ testo: t.image, span: spanTok(t) }));
    if (!ast.elementi) ast.elementi = [];
  }
  return { ast: ast ?? undefined, diagnostics: ordina(diagnostics) };
}
