// The lexer: one instance, reused. Lexing errors become E001 diagnostics with a hand-written message.
import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens } from "./tokens.ts";
import { errore, MASSIMO_DIAGNOSTICHE, type Diagnostic } from "./diagnostica.ts";

export const lexer = new Lexer(allTokens, { positionTracking: "full", ensureOptimizations: false });

function spiegaCarattere(c: string): string {
  if (c === '"') return "virgolette non chiuse: il testo comincia qui e non finisce";
  if (c === "&" || c === "|") return `carattere inatteso '${c}': per unire condizioni scrivi 'e', per alternative 'o'`;
  if (c === "“" || c === "”" || c === "«" || c === "»") return `carattere inatteso '${c}': i testi vanno tra virgolette dritte "…"`;
  if (c === "'") return "carattere inatteso \"'\": i testi vanno tra virgolette doppie \"…\"";
  return `carattere inatteso '${c}'`;
}

/** `omesse`: lexing errors past MASSIMO_DIAGNOSTICHE, counted and not turned into diagnostics. */
export function lex(source: string): { lexed: ILexingResult; diagnostics: Diagnostic[]; omesse: number } {
  const lexed = lexer.tokenize(source);
  const omesse = Math.max(0, lexed.errors.length - MASSIMO_DIAGNOSTICHE);
  const diagnostics = lexed.errors.slice(0, MASSIMO_DIAGNOSTICHE).map((e) => {
    const line = e.line ?? 1;
    const col = e.column ?? 1;
    const c = source.charAt(e.offset);
    return errore("E001", spiegaCarattere(c), {
      line, col, endLine: line, endCol: col + Math.max(1, e.length), offset: e.offset, endOffset: e.offset + e.length,
    });
  });
  return { lexed, diagnostics, omesse };
}
