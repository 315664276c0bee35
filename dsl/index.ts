// The public API of the language (docs/architettura.md § dsl/index.ts). Browser-safe: no node: imports.
import type { Regolamento } from "../engine/ir.ts";
import { analizza, type OpzioniCompilazione } from "./analizza.ts";
import { haErrori, type Diagnostic } from "./diagnostica.ts";

export type { Diagnostic } from "./diagnostica.ts";
export type { AstFile } from "./ast.ts";
export type { OpzioniCompilazione } from "./analizza.ts";
export { parse } from "./parse.ts";
export { format } from "./format.ts";
export { readHeader, type Header } from "./intestazione.ts";
/** Every keyword of the language (for editors' highlighting and completion). */
export { PAROLE_CHIAVE } from "./tokens.ts";

/** parse + semantic checks. */
export function check(source: string, opts?: OpzioniCompilazione): Diagnostic[] {
  return analizza(source, opts).diagnostics;
}

/** The IR; `regolamento` is undefined iff there is an error. */
export function compile(source: string, opts?: OpzioniCompilazione): { regolamento?: Regolamento; diagnostics: Diagnostic[] } {
  const { regolamento, diagnostics } = analizza(source, opts);
  return regolamento && !haErrori(diagnostics) ? { regolamento, diagnostics } : { diagnostics };
}
