// Conditions → json-logic, exactly as dsl/SPEC.md § Conditions says (the engine and client apps run them).
import type { JsonLogic } from "../../engine/ir.ts";
import type { Cond, Espr } from "../ast.ts";
import { FATTI } from "../../engine/vocabolario.ts";

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

/**
 * The list a quantifier or a count reads: a path, or an action's name alone — its events, oldest
 * first (`eventi.<azione>`, a root the engine keeps). A name that is a fact (`parti`) stays a fact.
 */
function listaDi(l: Espr & { t: "percorso" }, elemento?: string): JsonLogic {
  const [solo] = l.segmenti;
  if (l.segmenti.length === 1 && solo && solo.testo !== elemento && !(FATTI as readonly string[]).includes(solo.testo)) return { var: `eventi.${solo.testo}` };
  return varPercorso(l, elemento);
}

/**
 * `quanti X in lista (cond)`: json-logic's `reduce` over `filter` (standard operators: the count of
 * the elements that satisfy the body); `oltre N`: max(0, count − N).
 */
function conteggio(e: Espr & { t: "conteggio" }, elemento?: string): JsonLogic {
  const n: JsonLogic = { reduce: [{ filter: [listaDi(e.lista, elemento), compilaCondizione(e.x, e.nome.testo)] }, { "+": [{ var: "accumulator" }, 1] }, 0] };
  return e.oltre ? { max: [0, { "-": [n, e.oltre.valore] }] } : n;
}

export function valoreEspr(e: Espr, elemento?: string): JsonLogic {
  switch (e.t) {
    case "conteggio":
      return conteggio(e, elemento);
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
      // `voce X di mappa`: the map's entries as a list (`voci`, an operation of ours: conditions/operazioni.ts)
      if (c.voci) return { [c.q]: [{ voci: [varPercorso(c.lista, elemento)] }, compilaCondizione(c.x, c.nome.testo)] };
      return { [c.q]: [listaDi(c.lista, elemento), compilaCondizione(c.x, c.nome.testo)] };
  }
}
