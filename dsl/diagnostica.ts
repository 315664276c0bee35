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
