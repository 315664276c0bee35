// Conditions → json-logic, exactly as dsl/SPEC.md § Conditions says (the engine and client apps run them).
import type { JsonLogic } from "../../engine/ir.ts";
import type { Cond, Espr } from "../ast.ts";
import { FATTI } from "../../engine/vocabolario.ts";

const OP: Record<string, string> = { "=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

export function percorsoTesto(e: Espr & { t: "percorso" }): string {
  return e.segmenti.map((s) => s.testo).join(".");
}

/**
 * Where a condition stands: outside any quantifier (undefined), or in the body of one. json-logic reads
 * a body against each element of the list, so the body sees only its element. A body that reads
 * nothing else is compiled as json-logic has it: `X.campo` is `{"var": "campo"}`, `X` is `{"var": ""}`.
 * A body that also reads facts, or the element of an enclosing quantifier, gets them beside each
 * element (`accanto`, an operation of ours: conditions/operazioni.ts): each element becomes
 * `{ el, fuori }`, `X.campo` is `{"var": "el.campo"}` and the i-th outside reference `{"var": "fuori.i"}`.
 */
interface Ambito {
  nome: string;
  /** The outside references, in the order of `fuori` (empty: the plain form). */
  fuori: Rif[];
}

/** A path or a name read in a body and not rooted at its element; a list is read as lists are (`listaDi`). */
interface Rif {
  e: (Espr & { t: "percorso" }) | (Espr & { t: "letterale" });
  lista: boolean;
}
const chiaveRif = (r: Rif) => `${r.lista ? "L" : "V"}:${r.e.t === "percorso" ? percorsoTesto(r.e) : r.e.parola.testo}`;

/**
 * What a body reads outside its elements, in order of appearance: every path whose root is not a name
 * bound inside the body (its own and those of quantifiers nested in it), and every bare name of an
 * enclosing element (`esterni`). A nested list is read where its quantifier stands.
 */
function riferimenti(c: Cond, legati: readonly string[], esterni: readonly string[], out: Rif[] = []): Rif[] {
  const aggiungi = (r: Rif) => { if (!out.some((x) => chiaveRif(x) === chiaveRif(r))) out.push(r); };
  const percorso = (p: Espr & { t: "percorso" }, lista = false) => { if (!legati.includes(p.segmenti[0]?.testo ?? "")) aggiungi({ e: p, lista }); };
  const espr = (e: Espr) => {
    if (e.t === "percorso") percorso(e);
    else if (e.t === "letterale" && esterni.includes(e.parola.testo) && !legati.includes(e.parola.testo)) aggiungi({ e, lista: false });
    else if (e.t === "conteggio") { percorso(e.lista, true); riferimenti(e.x, [...legati, e.nome.testo], esterni, out); }
  };
  switch (c.t) {
    case "o": case "e": for (const x of c.parti) riferimenti(x, legati, esterni, out); break;
    case "non": case "parentesi": riferimenti(c.x, legati, esterni, out); break;
    case "esiste": case "vero": percorso(c.percorso); break;
    case "confronto": espr(c.a); espr(c.b); break;
    case "inLista": espr(c.a); c.lista.forEach(espr); break;
    case "inPercorso": espr(c.a); percorso(c.percorso); break;
    case "costante": break;
    case "quantificatore": percorso(c.lista, !c.voci); riferimenti(c.x, [...legati, c.nome.testo], esterni, out); break;
  }
  return out;
}

/** The names bound around a body, innermost first (for `riferimenti`: which bare names are elements). */
type Catena = { ambito: Ambito; esterna?: Catena } | undefined;
const nomi = (k: Catena): string[] => (k ? [k.ambito.nome, ...nomi(k.esterna)] : []);

/** A path as json-logic reads it where it stands. */
function varPercorso(e: Espr & { t: "percorso" }, k: Catena, lista = false): JsonLogic {
  if (!k) return { var: percorsoTesto(e) };
  const { ambito } = k;
  const [radice, ...resto] = e.segmenti.map((s) => s.testo);
  if (radice === ambito.nome) {
    const campo = resto.join(".");
    return ambito.fuori.length === 0 ? { var: campo } : { var: campo ? `el.${campo}` : "el" };
  }
  return fuori(ambito, { e, lista });
}

/** The i-th outside reference of a body (`riferimenti` found it, so it is there). */
function fuori(ambito: Ambito, r: Rif): JsonLogic {
  const i = ambito.fuori.findIndex((x) => chiaveRif(x) === chiaveRif(r));
  if (i < 0) throw new Error(`riferimento esterno non raccolto: ${chiaveRif(r)}`);
  return { var: `fuori.${i}` };
}

/**
 * The list a quantifier or a count reads: a path, or an action's name alone — its events, oldest
 * first (`eventi.<azione>`, a root the engine keeps). A name that is a fact (`parti`) stays a fact.
 */
function listaDi(l: Espr & { t: "percorso" }, k: Catena): JsonLogic {
  const [solo] = l.segmenti;
  const evento = l.segmenti.length === 1 && solo !== undefined && !nomi(k).includes(solo.testo) && !(FATTI as readonly string[]).includes(solo.testo);
  if (!k) return evento ? { var: `eventi.${solo!.testo}` } : varPercorso(l, k);
  if (solo?.testo === k.ambito.nome) return varPercorso(l, k);
  return fuori(k.ambito, { e: l, lista: true });
}

/** An outside reference compiled where the quantifier stands (one scope out). */
function rifQui(r: Rif, k: Catena): JsonLogic {
  if (r.e.t === "letterale") return valoreIn(r.e, k);
  return r.lista ? listaDi(r.e, k) : varPercorso(r.e, k);
}

/**
 * A quantifier's or a count's list and the scope of its body: the plain form when the body reads only
 * its element, else each element with the outside references beside it (`accanto`).
 */
function conAmbito(nome: string, lista: JsonLogic, corpo: Cond, k: Catena): { lista: JsonLogic; catena: Catena } {
  const refs = riferimenti(corpo, [nome], nomi(k));
  const ambito: Ambito = { nome, fuori: refs };
  if (refs.length === 0) return { lista, catena: { ambito, esterna: k } };
  return { lista: { accanto: [lista, ...refs.map((r) => rifQui(r, k))] }, catena: { ambito, esterna: k } };
}

/**
 * `quanti X in lista (cond)`: json-logic's `reduce` over `filter` (standard operators: the count of
 * the elements that satisfy the body); `oltre N`: max(0, count − N).
 */
function conteggio(e: Espr & { t: "conteggio" }, k: Catena): JsonLogic {
  const { lista, catena } = conAmbito(e.nome.testo, listaDi(e.lista, k), e.x, k);
  const n: JsonLogic = { reduce: [{ filter: [lista, compila(e.x, catena)] }, { "+": [{ var: "accumulator" }, 1] }, 0] };
  return e.oltre ? { max: [0, { "-": [n, e.oltre.valore] }] } : n;
}

/** An expression where it stands. */
function valoreIn(e: Espr, k: Catena): JsonLogic {
  switch (e.t) {
    case "conteggio":
      return conteggio(e, k);
    case "percorso":
      return varPercorso(e, k);
    case "numero":
      return e.numero.valore; // € → euro, % → the percent as written
    case "stringa":
      return e.stringa.valore;
    case "data":
      return e.data.testo; // dates compare as ISO strings
    case "letterale": {
      // a bound name (`azione.parte = p`) is that element, not a literal
      if (!k || !nomi(k).includes(e.parola.testo)) return e.parola.testo;
      if (e.parola.testo === k.ambito.nome) return { var: k.ambito.fuori.length === 0 ? "" : "el" };
      return fuori(k.ambito, { e, lista: false });
    }
    case "booleano":
      return e.valore;
  }
}

/** An expression outside any quantifier. */
export function valoreEspr(e: Espr): JsonLogic {
  return valoreIn(e, undefined);
}

/** A condition outside any quantifier. */
export function compilaCondizione(c: Cond): JsonLogic {
  return compila(c, undefined);
}

function compila(c: Cond, k: Catena): JsonLogic {
  const sotto = (x: Cond): JsonLogic => compila(x, k);
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
      return c.negato ? { "!": [varPercorso(c.percorso, k)] } : { "!!": [varPercorso(c.percorso, k)] };
    case "confronto":
      return { [OP[c.op] ?? "=="]: [valoreIn(c.a, k), valoreIn(c.b, k)] };
    case "inLista": {
      const base = { in: [valoreIn(c.a, k), c.lista.map((v) => valoreIn(v, k))] };
      return c.negato ? { "!": base } : base;
    }
    case "inPercorso":
      return { in: [valoreIn(c.a, k), varPercorso(c.percorso, k)] };
    case "vero":
      return { "!!": [varPercorso(c.percorso, k)] };
    case "costante":
      return c.valore;
    case "quantificatore": {
      // the list is read where the quantifier stands; its body against each element
      // `voce X di mappa`: the map's entries as a list (`voci`, an operation of ours: conditions/operazioni.ts)
      const base = c.voci ? { voci: [varPercorso(c.lista, k)] } : listaDi(c.lista, k);
      const { lista, catena } = conAmbito(c.nome.testo, base, c.x, k);
      return { [c.q]: [lista, compila(c.x, catena)] };
    }
  }
}
