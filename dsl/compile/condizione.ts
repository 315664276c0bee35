// Conditions → json-logic, exactly as dsl/SPEC.md § Conditions says (the engine and client apps run them).
import type { JsonLogic } from "../../engine/ir.ts";
import type { Cond, Espr } from "../ast.ts";

const OP: Record<string, string> = { "=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

export function percorsoTesto(e: Espr & { t: "percorso" }): string {
  return e.segmenti.map((s) => s.testo).join(".");
}

export function valoreEspr(e: Espr): JsonLogic {
  switch (e.t) {
    case "percorso":
      return { var: percorsoTesto(e) };
    case "numero":
      return e.numero.valore; // € → euro, % → the percent as written
    case "stringa":
      return e.stringa.valore;
    case "data":
      return e.data.testo; // dates compare as ISO strings
    case "letterale":
      return e.parola.testo;
    case "booleano":
      return e.valore;
  }
}

export function compilaCondizione(c: Cond): JsonLogic {
  switch (c.t) {
    case "o":
      return { or: c.parti.map(compilaCondizione) };
    case "e":
      return { and: c.parti.map(compilaCondizione) };
    case "non":
      return { "!": [compilaCondizione(c.x)] };
    case "parentesi":
      return compilaCondizione(c.x);
    case "esiste":
      return c.negato ? { "!": [{ var: percorsoTesto(c.percorso) }] } : { "!!": [{ var: percorsoTesto(c.percorso) }] };
    case "confronto":
      return { [OP[c.op] ?? "=="]: [valoreEspr(c.a), valoreEspr(c.b)] };
    case "inLista": {
      const base = { in: [valoreEspr(c.a), c.lista.map(valoreEspr)] };
      return c.negato ? { "!": base } : base;
    }
    case "inPercorso":
      return { in: [valoreEspr(c.a), { var: percorsoTesto(c.percorso) }] };
    case "vero":
      return { "!!": [{ var: percorsoTesto(c.percorso) }] };
    case "costante":
      return c.valore;
  }
}
