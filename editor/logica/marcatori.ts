// DSL diagnostics → Monaco marker data (plain objects; the adapter passes them to setModelMarkers).
import type { Diagnostic } from "../../dsl/index.ts";

/** Monaco's MarkerSeverity values (stable across versions). */
export const GRAVITA = { error: 8, warning: 4 } as const;

export interface Marcatore {
  severity: number;
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export function marcatore(d: Diagnostic): Marcatore {
  const endLine = Math.max(d.endLine ?? d.line, d.line);
  // An empty range is invisible: a diagnostic at one point gets at least one character.
  const endCol = endLine === d.line ? Math.max(d.endCol ?? d.col, d.col + 1) : d.endCol;
  return {
    severity: GRAVITA[d.severity],
    message: d.message,
    code: d.code,
    source: "regolamento",
    startLineNumber: d.line,
    startColumn: d.col,
    endLineNumber: endLine,
    endColumn: endCol,
  };
}
