// json-logic back to the language a lawyer reads ("valore ≤ 25.000 e materia = condominio"),
// for diffs and the comparison matrix.
import type { JsonLogic } from "../ir.ts";

const OPS: Record<string, string> = { "==": "=", "===": "=", "!=": "≠", "!==": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

function num(n: number): string {
  const [i, d] = Math.abs(n).toString().split(".");
  const int = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "−" : "") + (d ? `${int},${d.length === 1 ? d + "0" : d}` : int);
}

function atom(x: JsonLogic): string {
  if (x === null) return "nullo";
  if (typeof x === "number") return num(x);
  if (typeof x === "boolean") return x ? "vero" : "falso";
  if (typeof x === "string") return x;
  if (Array.isArray(x)) return `[${x.map(atom).join(", ")}]`;
  return printCondition(x, true);
}

const QUANTIFICATORI: Record<string, string> = { all: "ogni", some: "almeno un", none: "nessun" };

/**
 * Rewrites the `var`s of a body (`f` gives what a string path becomes); a nested quantifier's list is
 * read in the same scope and rewritten too, its own body is left to it.
 */
function riscriviVar(l: JsonLogic, f: (percorso: string) => JsonLogic): JsonLogic {
  if (Array.isArray(l)) return l.map((x) => riscriviVar(x, f));
  if (l === null || typeof l !== "object") return l;
  const op = Object.keys(l)[0]!;
  const raw = l[op]!;
  const a: JsonLogic[] = Array.isArray(raw) ? raw : [raw];
  if (op === "var") return typeof a[0] === "string" ? f(a[0]) : l;
  if (op in QUANTIFICATORI) return { [op]: [riscriviVar(a[0]!, f), a[1]!] };
  return { [op]: a.map((x) => riscriviVar(x, f)) };
}

/** A quantifier's body with its element named: `{"var": "avvocato"}` → `elemento.avvocato`, `{"var": ""}` → `elemento`. */
export function nominaElemento(l: JsonLogic, nome = "elemento"): JsonLogic {
  return riscriviVar(l, (p) => ({ var: p === "" ? nome : `${nome}.${p}` }));
}

/**
 * A body that reads outside its element (`{"accanto": [lista, f0, …]}`, dsl/compile/condizione.ts):
 * `el.x` → `elemento.x`, `fuori.i` → the i-th outside reference as written where the quantifier stands.
 */
function nominaSollevato(l: JsonLogic, fuori: JsonLogic[], nome = "elemento"): JsonLogic {
  return riscriviVar(l, (p) => {
    const [radice, indice, ...resto] = p.split(".");
    if (radice === "el") return { var: [nome, indice, ...resto].filter((x) => x !== undefined).join(".") };
    const f = radice === "fuori" && indice !== undefined ? fuori[Number(indice)] : undefined;
    if (f === undefined) return { var: p };
    if (resto.length === 0) return f;
    return f && typeof f === "object" && !Array.isArray(f) && "var" in f ? { var: `${String((f as { var: JsonLogic }).var)}.${resto.join(".")}` } : f;
  });
}

/**
 * How deep the quantifier being printed is: its element is `elemento`, a nested one's `elemento2`…,
 * so that a nested body crossing the two reads `elemento2.parte = elemento.chiave`.
 */
let profondita = 0;
const nomeElemento = () => (profondita === 0 ? "elemento" : `elemento${profondita + 1}`);

/** A quantifier's list and body as a lawyer reads them (a list with outside references unwrapped), the body printed one level down. */
function quantificato(l: JsonLogic, corpo: JsonLogic): [string, string] {
  const nome = nomeElemento();
  let testa: string, dentro: JsonLogic;
  if (l && typeof l === "object" && !Array.isArray(l) && "accanto" in l) {
    const [base, ...fuori] = [(l as { accanto: JsonLogic[] }).accanto].flat();
    [testa, dentro] = [lista(base!, nome), nominaSollevato(corpo, fuori, nome)];
  } else [testa, dentro] = [lista(l, nome), nominaElemento(corpo, nome)];
  profondita++;
  try { return [testa, printCondition(dentro)]; } finally { profondita--; }
}

/** A quantifier's list, with its noun: a path's elements, an action's events (`eventi.x`), a map's entries (`voci`). */
function lista(l: JsonLogic, nome = "elemento"): string {
  if (l && typeof l === "object" && !Array.isArray(l) && "voci" in l) { const [m] = [(l as { voci: JsonLogic[] }).voci].flat(); return `voce (${nome}) di ${atom(m!)}`; }
  if (l && typeof l === "object" && !Array.isArray(l) && "var" in l && typeof l["var"] === "string" && l["var"].startsWith("eventi.")) return `evento (${nome}) di ${l["var"].slice(7)}`;
  return `${nome} di ${atom(l)}`;
}

/** `reduce(filter(list, body), accumulator + 1, 0)`, the DSL's `quanti`: "quanti elementi di list (body)". */
function conteggio(l: JsonLogic): string | undefined {
  if (!l || typeof l !== "object" || Array.isArray(l) || !("reduce" in l)) return undefined;
  const [f] = (l as { reduce: JsonLogic[] }).reduce;
  if (!f || typeof f !== "object" || Array.isArray(f) || !("filter" in f)) return undefined;
  const [src, body] = (f as { filter: JsonLogic[] }).filter;
  const [testa, corpo] = quantificato(src!, body!);
  return `quanti ${testa.replace(/^(voce|evento|elemento) /, (_, n: string) => (n === "voce" ? "voci " : n === "evento" ? "eventi " : "elementi "))} (${corpo})`;
}

export function printCondition(l: JsonLogic | undefined, nested = false): string {
  if (l === undefined) return "sempre";
  if (l === null || typeof l !== "object" || Array.isArray(l)) return atom(l as JsonLogic);
  const op = Object.keys(l)[0]!;
  const raw = l[op]!;
  const a: JsonLogic[] = Array.isArray(raw) ? raw : [raw];
  const wrap = (s: string) => (nested ? `(${s})` : s);
  switch (op) {
    case "var": return String(a[0]);
    case "and": return wrap(a.map((x) => printCondition(x, true)).join(" e "));
    case "or": return wrap(a.map((x) => printCondition(x, true)).join(" o "));
    case "!": {
      const x = a[0];
      if (x && typeof x === "object" && !Array.isArray(x) && "var" in x) return `non esiste ${atom(x)}`;
      if (x && typeof x === "object" && !Array.isArray(x) && "in" in x) { const [v, list] = (x as { in: JsonLogic[] }).in; return `${atom(v!)} non in ${atom(list!)}`; }
      return `non ${printCondition(x, true)}`;
    }
    case "!!": return `esiste ${atom(a[0]!)}`;
    case "in": return `${atom(a[0]!)} in ${atom(a[1]!)}`;
    case "all":
    case "some":
    case "none":
      if (a.length === 2) { const [testa, corpo] = quantificato(a[0]!, a[1]!); return `${QUANTIFICATORI[op]} ${testa} (${corpo})`; }
      break;
    case "max": {
      // `quanti … oltre N`: max(0, count − N)
      const d = a[1];
      if (a.length === 2 && a[0] === 0 && d && typeof d === "object" && !Array.isArray(d) && "-" in d) {
        const [n, k] = (d as { "-": JsonLogic[] })["-"];
        if (n !== undefined && conteggio(n)) return `${conteggio(n)} oltre ${atom(k!)}`;
      }
      break;
    }
    case "reduce":
      if (conteggio(l)) return conteggio(l)!;
      break;
  }
  if (op in OPS && a.length === 2) return `${atom(a[0]!)} ${OPS[op]} ${atom(a[1]!)}`;
  return `${op}(${a.map(atom).join(", ")})`;
}
