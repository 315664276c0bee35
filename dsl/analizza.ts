// parse → compile → semantic checks: the one pass behind `check` and `compile`.
import type { Regolamento } from "../engine/ir.ts";
import type { AstFile, Dichiarazione } from "./ast.ts";
import { parse } from "./parse.ts";
import { compilaFile } from "./compile/regolamento.ts";
import { controlla } from "./checks/index.ts";
import { raccogli } from "./checks/visita.ts";
import { haErrori, limita, ordina, type Diagnostic } from "./diagnostica.ts";
import { tipoNelleBasi } from "./checks/basi.ts";

export interface OpzioniCompilazione {
  /** The applied baselines (compiled), so cross-file references are checked. */
  bases?: Regolamento[];
}

/**
 * With syntax errors the tree is partial: statements hit by an error would report missing clauses
 * that are only the error's echo. Their semantic diagnostics are dropped; the rest of the file is
 * still checked, so the editor shows meaning problems while a line elsewhere is half-typed.
 */
function fuoriDagliErrori(ast: AstFile, sintassi: Diagnostic[], semantiche: Diagnostic[]): Diagnostic[] {
  const prima = (a: { line: number; col: number }, b: { line: number; col: number }): boolean => a.line < b.line || (a.line === b.line && a.col < b.col);
  const dich = raccogli(ast).dichiarazioni.slice().sort((a, b) => a.span.offset - b.span.offset);
  // An error belongs to the last statement that starts before it (an error reported on the first
  // token of the next statement is the previous one's: that is where the parser noticed it).
  const colpite = new Set<Dichiarazione>();
  for (const e of sintassi) {
    let ultima: Dichiarazione | undefined;
    for (const d of dich) if (prima(d.span, e)) ultima = d;
    if (ultima) colpite.add(ultima);
  }
  return semantiche.filter((s) => ![...colpite].some((d) => s.line >= d.span.line && s.line <= d.span.endLine));
}

export function analizza(source: string, opts: OpzioniCompilazione = {}): { ast?: AstFile; regolamento?: Regolamento; diagnostics: Diagnostic[] } {
  const { ast, diagnostics } = parse(typeof source === "string" ? source : "");
  if (!ast) return { diagnostics };
  let semantiche: Diagnostic[] = [];
  const regolamento = compilaFile(ast, semantiche, { tipoNelleBasi: (r) => tipoNelleBasi(opts.bases, r) });
  if (regolamento) controlla(ast, regolamento, opts.bases, semantiche);
  const sintassi = haErrori(diagnostics);
  if (sintassi) semantiche = fuoriDagliErrori(ast, diagnostics, semantiche);
  const tutte = limita(ordina([...diagnostics, ...semantiche]));
  return regolamento && !sintassi ? { ast, regolamento, diagnostics: tutte } : { ast, diagnostics: tutte };
}
