// E040: a window whose earliest day (`non prima di`) is later than its latest (`entro`).
import type { LimiteAst } from "../ast.ts";
import { errore, type Diagnostic } from "../diagnostica.ts";
import type { Raccolta } from "./visita.ts";

/** Rough length in days, only to compare two limits of one window. */
function giorni(l: LimiteAst): number {
  return l.unita === "mesi" ? l.quantita.valore * 30 : l.unita === "giorni lavorativi" ? l.quantita.valore * 1.4 : l.quantita.valore;
}

export function termini(r: Raccolta, diags: Diagnostic[]): void {
  for (const d of r.dichiarazioni)
    for (const c of d.clausole) {
      if (c.k !== "finestra" || !c.nonPrimaDi || !c.entro) continue;
      const stessa = c.nonPrimaDi.unita === c.entro.unita;
      const a = stessa ? c.nonPrimaDi.quantita.valore : giorni(c.nonPrimaDi);
      const b = stessa ? c.entro.quantita.valore : giorni(c.entro);
      if (a > b)
        diags.push(
          errore("E040", `termine incoerente: 'non prima di ${c.nonPrimaDi.quantita.raw} ${c.nonPrimaDi.unitaRaw}' è più tardi di '${c.formaEntro ?? "entro"} ${c.entro.quantita.raw} ${c.entro.unitaRaw}'`, c.span),
        );
    }
}
