// The diagnostic shape shared with the server and the editor (docs/architettura.md).
import type { Span } from "./ast.ts";

export interface Diagnostic {
  code: string; // "E001"
  severity: "error" | "warning";
  message: string; // Italian
  line: number; // 1-based start
  col: number;
  endLine: number;
  endCol: number;
}

export function diagnostica(code: string, severity: Diagnostic["severity"], message: string, span: Span): Diagnostic {
  return { code, severity, message, line: span.line, col: span.col, endLine: span.endLine, endCol: span.endCol };
}

export const errore = (code: string, message: string, span: Span): Diagnostic => diagnostica(code, "error", message, span);
export const avviso = (code: string, message: string, span: Span): Diagnostic => diagnostica(code, "warning", message, span);

export function ordina(ds: Diagnostic[]): Diagnostic[] {
  return ds.slice().sort((a, b) => a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

export const haErrori = (ds: Diagnostic[]): boolean => ds.some((d) => d.severity === "error");

/** At most this many diagnostics per file: past it, one line says how many were left out. */
export const MASSIMO_DIAGNOSTICHE = 100;

/**
 * The first MASSIMO_DIAGNOSTICHE diagnostics (in order) and, if there were more, one error after them
 * saying how many were omitted: 900 KB of garbage must not become 300,000 messages.
 */
export function limita(ds: Diagnostic[], omesseAltrove = 0): Diagnostic[] {
  // The parser's own stop line ("l'analisi si ferma qui") stays, folded into the last one.
  const arresto = ds.find((d) => /l'analisi si ferma qui/.test(d.message));
  const altre = arresto ? ds.filter((d) => d !== arresto) : ds;
  const omesse = Math.max(0, altre.length - MASSIMO_DIAGNOSTICHE) + omesseAltrove;
  if (omesse === 0) return ds;
  const tenute = altre.slice(0, MASSIMO_DIAGNOSTICHE);
  const ultima = tenute[tenute.length - 1];
  const dove = ultima ?? { line: 1, col: 1, endLine: 1, endCol: 2 };
  return [
    ...tenute,
    { code: "E001", severity: "error", message: `altri ${omesse} errori omessi: correggi questi e riprova${arresto ? ` (${arresto.message})` : ""}`, line: dove.line, col: dove.col, endLine: dove.endLine, endCol: dove.endCol },
  ];
}
