// Whether a condition can hold, always holds, or holds together with another, decided by
// evaluation: a condition over facts compared with literals is constant between its thresholds,
// so evaluating it (json-logic-js, the reference semantics) at each threshold, between and beyond
// them, and at each value of an enumeration it reads, covers every case. Only conditions whose
// facts can all be sampled so are decided; the rest are "ignoto" (never a false alarm). Pure.
import jsonLogic from "json-logic-js";
import type { JsonLogic } from "../ir.ts";
import { TIPI_PROCEDIMENTO, VALORI } from "../vocabolario.ts";

export type Assegnazione = Record<string, unknown>;

export type Verdetto =
  | { tipo: "mai" }
  | { tipo: "sempre" }
  | { tipo: "dipende"; vero: Assegnazione; falso: Assegnazione }
  | { tipo: "ignoto" };

/** Bound on the cases tried for one condition: beyond it the answer is "ignoto". */
const MAX_CASI = 4096;
const CONFRONTI = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);
const LOGICI = new Set(["and", "or", "!", "!!", "if"]);

interface Uso { numeri: Set<number>; stringhe: Set<string>; ordinate: Set<string>; booleano: boolean; ignoto: boolean }

const varDi = (x: JsonLogic): string | undefined => {
  if (!x || typeof x !== "object" || Array.isArray(x) || !("var" in x)) return undefined;
  const v = (x as { var: JsonLogic }).var;
  const p = Array.isArray(v) ? v[0] : v;
  return typeof p === "string" && p !== "" ? p : undefined;
};

/** How each fact is used: compared with numbers or strings, tested for truth, or otherwise (not sampleable). */
function usi(cond: JsonLogic, out = new Map<string, Uso>()): Map<string, Uso> {
  const uso = (p: string) => {
    let u = out.get(p);
    if (!u) out.set(p, (u = { numeri: new Set(), stringhe: new Set(), ordinate: new Set(), booleano: false, ignoto: false }));
    return u;
  };
  const visita = (x: JsonLogic, verita: boolean): void => {
    if (Array.isArray(x)) { for (const y of x) visita(y, false); return; }
    if (!x || typeof x !== "object") return;
    const p = varDi(x);
    if (p !== undefined) { const u = uso(p); if (verita) u.booleano = true; else u.ignoto = true; return; }
    for (const [op, arg] of Object.entries(x)) {
      const args = (Array.isArray(arg) ? arg : [arg]) as JsonLogic[];
      if (LOGICI.has(op)) { for (const a of args) visita(a, true); continue; }
      if (CONFRONTI.has(op) && args.length === 2) {
        const [a, b] = args as [JsonLogic, JsonLogic];
        const pa = varDi(a), pb = varDi(b);
        const lit = pa !== undefined ? b : a;
        const path = pa ?? pb;
        if (path !== undefined && (pa === undefined || pb === undefined) && (typeof lit === "number" || typeof lit === "string" || typeof lit === "boolean" || lit === null)) {
          const u = uso(path);
          if (typeof lit === "number") u.numeri.add(lit);
          // A string ordered (a date, `deposito_domanda.data >= 2023-11-15`) is not a value of an enumeration.
          else if (typeof lit === "string") (op.startsWith("<") || op.startsWith(">") ? u.ordinate : u.stringhe).add(lit);
          else u.booleano = true;
          continue;
        }
      }
      if (op === "in" && args.length === 2) {
        const path = varDi(args[0]!);
        const lista = args[1];
        if (path !== undefined && Array.isArray(lista) && lista.every((v) => typeof v === "string")) {
          for (const v of lista as string[]) uso(path).stringhe.add(v);
          continue;
        }
      }
      // Anything else (quantifiers, a fact compared with a fact, a list fact…): its facts are not sampled.
      for (const a of args) segnaIgnoti(a, uso);
    }
  };
  visita(cond, true);
  return out;
}

function segnaIgnoti(x: JsonLogic, uso: (p: string) => Uso): void {
  if (Array.isArray(x)) { for (const y of x) segnaIgnoti(y, uso); return; }
  if (!x || typeof x !== "object") return;
  const p = varDi(x);
  if (p !== undefined) { uso(p).ignoto = true; return; }
  for (const a of Object.values(x)) segnaIgnoti(a as JsonLogic, uso);
}

/** The enumeration a field's values come from (engine/vocabolario.ts), if any. */
export function universoDi(path: string): readonly string[] | undefined {
  if (path === "tipo") return TIPI_PROCEDIMENTO;
  const campo = path.split(".").at(-1)!;
  const v = VALORI[campo];
  return v && v.length ? v : undefined;
}

const nonNegativo = (path: string) => path === "valore" || /(^|\.|_)numero/.test(path) || path.endsWith("importo") || path.startsWith("conteggio.");

/** The values worth trying for a fact: thresholds and the points between and beyond them; an enumeration's values. */
function campioni(path: string, u: Uso): unknown[] | undefined {
  if (u.ignoto) return undefined;
  const out: unknown[] = [];
  if (u.numeri.size) {
    const t = [...u.numeri].sort((a, b) => a - b);
    const pts = new Set<number>();
    pts.add(t[0]! - 1);
    t.forEach((x, i) => { pts.add(x); if (i + 1 < t.length) pts.add((x + t[i + 1]!) / 2); });
    pts.add(t.at(-1)! + 1);
    for (const x of [...pts].sort((a, b) => a - b)) if (!nonNegativo(path) || x >= 0) out.push(Math.round(x * 100) / 100);
    if (nonNegativo(path) && !out.includes(0) && t[0]! > 0) out.unshift(0);
  }
  if (u.stringhe.size) {
    const universo = universoDi(path);
    // Values outside the vocabulary cannot occur: only the universe is tried when there is one (and absence).
    out.push(...(universo ?? [...u.stringhe, "__altro__"]), null);
  }
  if (u.ordinate.size) {
    // Each literal, just above it ("~" sorts after the digits), and before and after them all.
    out.push("", ...[...u.ordinate].flatMap((s) => [s, `${s}~`]), "\uffff");
  }
  if (u.booleano || out.length === 0) out.push(true, false, null);
  return out;
}

function dati(a: Assegnazione): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(a)) {
    const seg = path.split(".");
    let cur = o;
    for (const s of seg.slice(0, -1)) {
      if (typeof cur[s] !== "object" || cur[s] === null) cur[s] = {};
      cur = cur[s] as Record<string, unknown>;
    }
    cur[seg.at(-1)!] = v;
  }
  return o;
}

const vero = (x: unknown) => (Array.isArray(x) ? x.length > 0 : !!x);

export function valuta(cond: JsonLogic, a: Assegnazione): boolean {
  try {
    return vero(jsonLogic.apply(cond as never, dati(a)));
  } catch {
    return false;
  }
}

/** Every assignment of the sampled facts (undefined: some fact cannot be sampled, or too many cases). */
function* assegnazioni(cond: JsonLogic, fissi: Assegnazione): Generator<Assegnazione, void, undefined> {
  const dom: [string, unknown[]][] = [];
  let n = 1;
  for (const [p, u] of usi(cond)) {
    const c = p in fissi ? [fissi[p]] : campioni(p, u);
    if (!c) throw new Ignoto();
    dom.push([p, c]);
    n *= c.length;
    if (n > MAX_CASI) throw new Ignoto();
  }
  const idx = dom.map(() => 0);
  for (;;) {
    const a: Assegnazione = {};
    dom.forEach(([p, c], i) => { a[p] = c[idx[i]!]; });
    yield a;
    let i = 0;
    while (i < dom.length && ++idx[i]! === dom[i]![1].length) { idx[i] = 0; i++; }
    if (i === dom.length) return;
  }
}

class Ignoto extends Error {}

function decidi(cond: JsonLogic, fissi: Assegnazione): Verdetto {
  let si: Assegnazione | undefined, no: Assegnazione | undefined;
  try {
    for (const a of assegnazioni(cond, fissi)) {
      if (valuta(cond, a)) si ??= a; else no ??= a;
      if (si && no) return { tipo: "dipende", vero: si, falso: no };
    }
  } catch (e) {
    if (e instanceof Ignoto) return { tipo: "ignoto" };
    throw e;
  }
  return si ? { tipo: "sempre" } : { tipo: "mai" };
}

const ops = (x: JsonLogic, op: string): JsonLogic[] | undefined => {
  if (!x || typeof x !== "object" || Array.isArray(x)) return undefined;
  const k = Object.keys(x);
  if (k.length !== 1 || k[0] !== op) return undefined;
  const a = (x as Record<string, JsonLogic>)[op];
  return Array.isArray(a) ? a : [a as JsonLogic];
};

const piatta = (x: JsonLogic, op: "and" | "or"): JsonLogic[] => {
  const a = ops(x, op);
  return a ? a.flatMap((y) => piatta(y, op)) : [x];
};

const campionabile = (fissi: Assegnazione) => (x: JsonLogic) => [...usi(x)].every(([p, u]) => !u.ignoto || p in fissi);

/**
 * Whether the condition never holds, always holds, or depends on the facts. A conjunction some of
 * whose parts cannot be sampled is "mai" when the parts that can never hold together; a disjunction
 * likewise "sempre" when its sampleable parts always hold. Otherwise "ignoto".
 */
export function verdetto(cond: JsonLogic | undefined, fissi: Assegnazione = {}): Verdetto {
  if (cond === undefined || cond === true) return { tipo: "sempre" };
  if (cond === false) return { tipo: "mai" };
  const v = decidi(cond, fissi);
  if (v.tipo !== "ignoto") return v;
  const e = piatta(cond, "and").filter(campionabile(fissi));
  if (e.length && decidi({ and: e }, fissi).tipo === "mai") return { tipo: "mai" };
  const o = piatta(cond, "or").filter(campionabile(fissi));
  if (o.length && decidi({ or: o }, fissi).tipo === "sempre") return { tipo: "sempre" };
  return { tipo: "ignoto" };
}

/** A case where every condition holds together, "mai" if none exists, undefined when it cannot be decided. */
export function insieme(conds: (JsonLogic | undefined)[], fissi: Assegnazione = {}): Assegnazione | "mai" | undefined {
  const c: JsonLogic = { and: conds.map((x) => x ?? true) };
  const v = decidi(c, fissi);
  const senzaFissi = (a: Assegnazione) => Object.fromEntries(Object.entries(a).filter(([p]) => !(p in fissi)));
  if (v.tipo === "dipende") return senzaFissi(v.vero);
  if (v.tipo === "sempre") return {};
  if (v.tipo === "mai") return "mai";
  return verdetto(c, fissi).tipo === "mai" ? "mai" : undefined;
}

/** String literals a condition compares a fact with that the fact's enumeration does not have. */
export function fuoriVocabolario(cond: JsonLogic | undefined): { path: string; valore: string }[] {
  if (cond === undefined) return [];
  const out: { path: string; valore: string }[] = [];
  for (const [p, u] of usi(cond)) {
    const universo = universoDi(p);
    if (!universo || p.startsWith("parametri.")) continue;
    for (const s of u.stringhe) if (!universo.includes(s)) out.push({ path: p, valore: s });
  }
  return out;
}

/** An assignment in words: `valore = 1000.5, materia = condominio`. */
export function descriviCaso(a: Assegnazione): string {
  const e = Object.entries(a);
  return e.length ? e.map(([p, v]) => `${p} = ${v === null ? "assente" : String(v)}`).join(", ") : "qualunque caso";
}

/** The values worth trying for each fact a condition reads that can be sampled (thresholds, enumerations, true/false). */
export function campioniDi(cond: JsonLogic): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const [p, u] of usi(cond)) {
    const c = campioni(p, u);
    if (c) out.set(p, c);
  }
  return out;
}
