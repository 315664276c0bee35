// The semantic checks of dsl/SPEC.md § Checks, run on a file that parsed without errors.
import type { Regolamento } from "../../engine/ir.ts";
import type { AstFile } from "../ast.ts";
import type { Diagnostic } from "../diagnostica.ts";
import { conosci } from "./conoscenza.ts";
import { coerenzaInterna } from "./coerenza.ts";
import { date } from "./date.ts";
import { nomiDuplicati } from "./nomi.ts";
import { riferimenti } from "./riferimenti.ts";
import { tariffe } from "./tariffe.ts";
import { termini } from "./termini.ts";
import { raccogli } from "./visita.ts";
import { vocabolario } from "./vocabolario.ts";

export function controlla(ast: AstFile, reg: Regolamento, bases: Regolamento[] | undefined, diags: Diagnostic[]): void {
  const r = raccogli(ast);
  const k = conosci(reg, bases);
  nomiDuplicati(r, diags);
  riferimenti(r, k, bases, diags);
  vocabolario(r, k, diags);
  tariffe(r, k, diags);
  termini(r, diags);
  date(ast, r, diags);
  // The regolamento against itself only when the file means something: after the errors above it would echo them.
  if (!diags.some((d) => d.severity === "error")) coerenzaInterna(r, reg, bases, diags);
}
