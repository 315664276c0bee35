// E100–E121: the regolamento against itself (engine/analisi/coerenza.ts), as diagnostics on the
// line of the rule each finding is about.
import { coerenza } from "../../engine/analisi/coerenza.ts";
import type { Regolamento } from "../../engine/ir.ts";
import { diagnostica, type Diagnostic } from "../diagnostica.ts";
import type { Raccolta } from "./visita.ts";

export function coerenzaInterna(r: Raccolta, reg: Regolamento, bases: Regolamento[] | undefined, diags: Diagnostic[]): void {
  let rilievi;
  try {
    rilievi = coerenza(reg, bases ?? []).rilievi;
  } catch {
    return; // a half-written file: the analysis waits for a rule set that prepares
  }
  for (const x of rilievi) {
    const d = r.dichiarazioni.find((d) => d.nome?.testo === x.regola && (x.riga === undefined || d.span.line === x.riga));
    const span = d?.nome?.span ?? d?.span ?? { line: x.riga ?? 1, col: 1, endLine: x.riga ?? 1, endCol: 2, offset: 0, endOffset: 0 };
    diags.push(diagnostica(x.codice, x.gravita === "errore" ? "error" : "warning", x.messaggio, span));
  }
}
