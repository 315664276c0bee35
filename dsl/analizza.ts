// parse → compile → semantic checks: the one pass behind `check` and `compile`.
import type { Regolamento } from "../engine/ir.ts";
import type { AstFile } from "./ast.ts";
import { parse } from "./parse.ts";
import { compilaFile } from "./compile/regolamento.ts";
import { controlla } from "./checks/index.ts";
import { haErrori, ordina, type Diagnostic } from "./diagnostica.ts";
import { tipoNelleBasi } from "./checks/basi.ts";

export interface OpzioniCompilazione {
  /** The applied baselines (compiled), so cross-file references are checked. */
  bases?: Regolamento[];
}

export function analizza(source: string, opts: OpzioniCompilazione = {}): { ast?: AstFile; regolamento?: Regolamento; diagnostics: Diagnostic[] } {
  const { ast, diagnostics } = parse(typeof source === "string" ? source : "");
  if (!ast) return { diagnostics };
  // With syntax errors the tree is partial: semantic checks would mostly repeat them.
  if (haErrori(diagnostics)) return { ast, diagnostics };
  const semantiche: Diagnostic[] = [];
  const regolamento = compilaFile(ast, semantiche, { tipoNelleBasi: (r) => tipoNelleBasi(opts.bases, r) });
  if (regolamento) controlla(ast, regolamento, opts.bases, semantiche);
  const tutte = ordina([...diagnostics, ...semantiche]);
  return regolamento ? { ast, regolamento, diagnostics: tutte } : { ast, diagnostics: tutte };
}
