// Conditions → json-logic, exactly as dsl/SPEC.md § Conditions says (the engine and client apps run them).
import type { JsonLogic } from "../../engine/ir.ts";
import type { Cond, Espr } from "../ast.ts";

const OP: Record<string, string> = { "=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

export function percorsoTesto(e: Espr & { t: "percorso" }): string {
  return e.segmenti.map((s) => s.testo).join(".");
}

/**
 * A path as json-logic reads it. Inside a quantifier (`ogni X in … (…)`) `elemento` is X: json-logic
 * reads the body against each element, so `X.campo` is `{"var": "campo"}` and `X` is `{"var": ""}`.
 */
function varPercorso(e: Espr & { t: "percorso" }, elemento?: string): JsonLogic {
  if (elemento !== undefined && e.segmenti[0]?.testo === elemento) return { var: e.segmenti.slice(1).map((s) => s.testo).join(".") };
  return { var: percorsoTesto(e) };
}

export function valoreEspr(e: Espr, elemento?: string): JsonLogic {
  switch (e.t) {
    case "percorso":
      return varPercorso(e, elemento);
    case "numero":
      return e.numero.valore; // € → euro, % → the percent as written
    case "stringa":
      return e.stringa.valore;
    case "data":
      return e.data.testo; // dates compare as ISO strings
    case "letterale":
      // the bound name on the right (`azione.parte = p`) is the element, not a literal
      return elemento !== undefined && e.parola.testo === elemento ? { var: "" } : e.parola.testo;
    case "booleano":
      return e.valore;
  }
}

/** `elemento`: the name bound by the innermost quantifier around `c`, if any. */
export function compilaCondizione(c: Cond, elemento?: string): JsonLogic {
  const sotto = (x: Cond): JsonLogic => compilaCondizione(x, elemento);
  switch (c.t) {
    case "o":
      return { or: c.parti.map(sotto) };
    case "e":
      return { and: c.parti.map(sotto) };
    case "non":
      return { "!": [sotto(c.x)] };
    case "parentesi":
      return sotto(c.x);
    case "esiste":
      return c.negato ? { "!": [varPercorso(c.percorso, elemento)] } : { "!!": [varPercorso(c.percorso, elemento)] };
    case "confronto":
      return { [OP[c.op] ?? "=="]: [valoreEspr(c.a, elemento), valoreEspr(c.b, elemento)] };
    case "inLista": {
      const base = { in: [valoreEspr(c.a, elemento), c.lista.map((v) => valoreEspr(v, elemento))] };
      return c.negato ? { "!": base } : base;
    }
    case "inPercorso":
      return { in: [valoreEspr(c.a, elemento), varPercorso(c.percorso, elemento)] };
    case "vero":
      return { "!!": [varPercorso(c.percorso, elemento)] };
    case "costante":
      return c.valore;
    case "quantificatore":
      // the list is read where the quantifier stands; its body against each element
      return { [c.q]: [varPercorso(c.lista, elemento), compilaCondizione(c.x, c.nome.testo)] };
  }
}
