// json-logic → a tree of closures, built once per prepared version. No eval, no `new Function`:
// the expressions are written by tenants, so they are interpreted structurally, never run as code.
// The semantics mirror json-logic-js 2.0.5 exactly (a property test checks it), including its
// loose `==`, its truthiness (an empty array is false) and the values `and`/`or` return.
import type { JsonLogic } from "../ir.ts";
import { varsOf } from "./vars.ts";
import { accanto, voci } from "./operazioni.ts";

export type Compiled = (data: unknown) => unknown;

export class ConditionError extends Error {}

/** json-logic truthiness: `[]` is false, otherwise JavaScript's. */
export function truthy(v: unknown): boolean {
  if (Array.isArray(v) && v.length === 0) return false;
  return !!v;
}

function isLogic(x: unknown): x is Record<string, JsonLogic> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && Object.keys(x).length === 1;
}

const constant = (v: unknown): Compiled => () => v;

/**
 * The facts as the engine hands them to a prepared condition: the value of each root by slot in
 * `s` (a number per root name, the same for every regolamento; undefined: not in the facts).
 * Reading a root is an array load instead of a property lookup on a large object shared by every
 * condition (megamorphic), and the engine's writes are array stores. The slots are the facts: a
 * root no condition and no rule reads has no slot, and is not kept.
 */
export class Fatti {
  constructor(readonly s: unknown[]) {}
}

const SLOT = new Map<string, number>();
/** The slot of a root name, assigned when first seen (by the compiler or the engine's fixed roots). */
export function slotDi(root: string): number {
  let i = SLOT.get(root);
  if (i === undefined) { i = SLOT.size; SLOT.set(root, i); }
  return i;
}
/** The slot of a root name if some condition reads it (never assigns: names from questions are not kept). */
export function slotSeNoto(root: string): number | undefined {
  return SLOT.get(root);
}
/**
 * A root's slot before the question writes it: null for an action a condition may name (not yet
 * happened: by the contract it did not happen), else undefined (not in the facts).
 */
export function slotIniziale(nullEventi: Record<string, null>, nome: string): null | undefined {
  return Object.prototype.hasOwnProperty.call(nullEventi, nome) ? null : undefined;
}

/**
 * The fields of `parte` the engine derives for each party (facts.ts `partiDerivate`) are held in a
 * root of their own, so that the question's party is read as it is instead of being copied for
 * each party (a copy made key by key cost ≈ 7% of a question). A path `parte.<derived>…` reads
 * that root; any other `parte.…` reads the party. The IR is unchanged: json-logic-js sees one
 * `parte` with every field (`oggettoDi`).
 */
export const PARTE_DERIVATA = "parte§";
const CAMPI_DERIVATI: ReadonlySet<string> = new Set(["aderito", "ha_richiesto_proposta", "presente_primo_incontro"]);
const S_DERIVATA = slotDi(PARTE_DERIVATA);
/** The root a split path is read from in slot mode. */
export function radiceDi(keys: readonly string[]): string {
  return keys[0] === "parte" && keys.length > 1 && CAMPI_DERIVATI.has(keys[1]!) ? PARTE_DERIVATA : keys[0]!;
}

/**
 * The facts as one object (no prototype: only what the slots hold), for the few nodes that read
 * the facts whole (`missing`, a `var` whose path is computed) and for json-logic-js. The derived
 * fields of the party are put back into `parte`.
 */
export function oggettoDi(f: Fatti): Record<string, unknown> {
  const o = Object.create(null) as Record<string, unknown>;
  for (const [nome, i] of SLOT) { const v = f.s[i]; if (v !== undefined && nome !== PARTE_DERIVATA) o[nome] = v; }
  const der = f.s[S_DERIVATA] as Record<string, unknown> | undefined;
  if (der && typeof o["parte"] === "object" && o["parte"] !== null) {
    const parte: Record<string, unknown> = { ...(o["parte"] as Record<string, unknown>) };
    for (const k of CAMPI_DERIVATI) if (der[k] !== undefined) parte[k] = der[k];
    o["parte"] = parte;
  }
  return o;
}

/** Every root name with its slot. */
export function slotNoti(): ReadonlyMap<string, number> {
  return SLOT;
}

let suFatti = false;
/**
 * Compile for the engine: the result takes a `Fatti`. Same semantics as `compile` on `fatti.o`;
 * the operators the DSL emits most read roots by slot, the rest read `o`.
 */
export function compileFatti(logic: JsonLogic | undefined): (f: Fatti) => unknown {
  const was = suFatti;
  suFatti = true;
  try { return compile(logic) as (f: Fatti) => unknown; } finally { suFatti = was; }
}

/** Compiled in plain mode (for data that is not the facts: the elements a quantifier visits). */
function inChiaro(logic: JsonLogic | undefined): Compiled {
  const was = suFatti;
  suFatti = false;
  try { return compile(logic); } finally { suFatti = was; }
}

/**
 * In slot mode, a node compiled as usual and run on the facts as one object (`oggettoDi`): rare
 * (`missing`, a computed `var` path). Its literal roots get a slot, so that the object has them.
 */
function suOggetto(logic: JsonLogic): Compiled {
  for (const p of varsOf(logic)) slotDi(p.split(".")[0]!);
  const f = inChiaro(logic);
  return (d) => f(oggettoDi(d as Fatti));
}

/**
 * The interned copy of a string. V8 interns property keys: a lookup with an interned key matches by
 * pointer, while a fresh string (from `split`, from the parser) is hashed and looked up each time, and
 * `==` against an interned fact compares characters. Object.keys hands back the interned key.
 */
export function intern<T>(v: T): T {
  return typeof v === "string" ? (Object.keys({ [v]: 0 })[0] as T) : v;
}
const splitPath = (path: string): string[] => path.split(".").map(intern);

/** A path split once: the hot path is a plain loop of property reads. */
function pathReader(path: string, notFound: Compiled): Compiled {
  if (path === "") return (d) => d;
  const keys = splitPath(path);
  if (keys.length === 1) {
    const k = keys[0]!;
    return (d) => {
      if (d === null || d === undefined) return notFound(d);
      const v = (d as Record<string, unknown>)[k];
      return v === undefined ? notFound(d) : v;
    };
  }
  return (d) => {
    let cur: unknown = d;
    for (let i = 0; i < keys.length; i++) {
      if (cur === null || cur === undefined) return notFound(d);
      cur = (cur as Record<string, unknown>)[keys[i]!];
      if (cur === undefined) return notFound(d);
    }
    return cur;
  };
}

function constPathReader(path: string, nf: unknown): Compiled {
  const keys = splitPath(path);
  if (keys.length === 1) {
    const k = keys[0]!;
    return (d) => {
      if (d === null || d === undefined) return nf;
      const v = (d as Record<string, unknown>)[k];
      return v === undefined ? nf : v;
    };
  }
  if (keys.length === 2) {
    const k0 = keys[0]!, k1 = keys[1]!;
    return (d) => {
      if (d === null || d === undefined) return nf;
      const m = (d as Record<string, unknown>)[k0];
      if (m === null || m === undefined) return nf;
      const v = (m as Record<string, unknown>)[k1];
      return v === undefined ? nf : v;
    };
  }
  return pathReader(path, () => nf);
}

/**
 * `var` in slot mode, for a literal path: the root from its slot, then the fields. Json-logic's
 * semantics: a null or missing step gives the default (null), a null last value is null.
 * Undefined for a computed or empty path (read on the facts whole).
 */
function compileVarFatti(args: JsonLogic[]): Compiled | undefined {
  const [a, b] = args;
  if (!(typeof a === "string" || typeof a === "number" || typeof a === "boolean") || a === "") return undefined;
  const keys = splitPath(String(a));
  const i = slotDi(radiceDi(keys));
  if (b === undefined || isConst(b)) {
    const nf = b === undefined ? null : (b as unknown);
    if (keys.length === 1) return (d) => { const v = (d as Fatti).s[i]; return v === undefined ? nf : v; };
    if (keys.length === 2) {
      const k1 = keys[1]!;
      return (d) => {
        const m = (d as Fatti).s[i];
        if (m === null || m === undefined) return nf;
        const v = (m as Record<string, unknown>)[k1];
        return v === undefined ? nf : v;
      };
    }
  }
  const notFound: Compiled = b === undefined ? constant(null) : compile(b);
  return (d) => {
    let cur: unknown = (d as Fatti).s[i];
    if (cur === undefined) return notFound(d);
    for (let j = 1; j < keys.length; j++) {
      if (cur === null || cur === undefined) return notFound(d);
      cur = (cur as Record<string, unknown>)[keys[j]!];
      if (cur === undefined) return notFound(d);
    }
    return cur;
  };
}

function compileVar(args: JsonLogic[]): Compiled {
  const [a, b] = args;
  const notFound: Compiled = b === undefined ? constant(null) : compile(b);
  if (a === undefined || a === null || a === "") return (d) => d;
  if ((typeof a === "string" || typeof a === "number" || typeof a === "boolean") && (b === undefined || isConst(b))) return constPathReader(String(a), b === undefined ? null : b);
  if (typeof a === "string" || typeof a === "number" || typeof a === "boolean") return pathReader(String(a), notFound);
  const dyn = compile(a);
  return (d) => {
    const p = dyn(d);
    if (p === undefined || p === null || p === "") return d;
    return pathReader(String(p), notFound)(d);
  };
}

function readVar(d: unknown, key: unknown): unknown {
  if (key === undefined || key === null || key === "") return d;
  let cur: unknown = d;
  for (const k of String(key).split(".")) {
    if (cur === null || cur === undefined) return null;
    cur = (cur as Record<string, unknown>)[k];
    if (cur === undefined) return null;
  }
  return cur;
}

type Fn = (...xs: unknown[]) => unknown;
/* eslint-disable eqeqeq */
const EAGER: Record<string, Fn> = {
  "==": (a, b) => a == b,
  "===": (a, b) => a === b,
  "!=": (a, b) => a != b,
  "!==": (a, b) => a !== b,
  ">": (a, b) => (a as number) > (b as number),
  ">=": (a, b) => (a as number) >= (b as number),
  "<": (a, b, c) => (c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number)),
  "<=": (a, b, c) => (c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number)),
  "!!": (a) => truthy(a),
  "!": (a) => !truthy(a),
  "%": (a, b) => (a as number) % (b as number),
  in: (a, b) => inLoose(a, b),
  cat: (...xs) => xs.join(""),
  "+": (...xs) => xs.reduce<number>((s, x) => s + parseFloat(x as string), 0),
  "*": (...xs) => (xs.length === 0 ? undefined : xs.reduce((p, x) => parseFloat(p as string) * parseFloat(x as string))),
  "-": (a, b) => (b === undefined ? -(a as number) : (a as number) - (b as number)),
  "/": (a, b) => (a as number) / (b as number),
  min: (...xs) => Math.min(...(xs as number[])),
  max: (...xs) => Math.max(...(xs as number[])),
  merge: (...xs) => xs.reduce<unknown[]>((acc, x) => acc.concat(x), []),
  // ours (operazioni.ts), registered with json-logic-js where it runs conditions
  voci: (m) => voci(m),
  accanto: (lista, ...fuori) => accanto(lista, ...fuori),
};

/** Compile a json-logic expression. Throws `ConditionError` on an operator it does not know. */
export function compile(logic: JsonLogic | undefined): Compiled {
  if (Array.isArray(logic)) {
    const items = logic.map(compile);
    return (d) => items.map((f) => f(d));
  }
  if (!isLogic(logic)) return constant(logic);
  const op = Object.keys(logic)[0]!;
  const raw = logic[op]!;
  const args: JsonLogic[] = Array.isArray(raw) ? raw : [raw];
  if (suFatti && !PER_SLOT.has(op)) return suOggetto(logic);

  switch (op) {
    case "var":
      if (!suFatti) return compileVar(args);
      return compileVarFatti(args) ?? suOggetto(logic);
    case "and": {
      const xs = args.map(compile);
      if (xs.length > 0 && args.every(yieldsBoolean)) return allTrue(xs);
      if (xs.length === 2) {
        const [x, y] = xs as [Compiled, Compiled];
        return (d) => { const c = x(d); return truthy(c) ? y(d) : c; };
      }
      if (xs.length === 3) {
        const [x, y, z] = xs as [Compiled, Compiled, Compiled];
        return (d) => { let c = x(d); if (!truthy(c)) return c; c = y(d); return truthy(c) ? z(d) : c; };
      }
      return (d) => {
        let c: unknown;
        for (let i = 0; i < xs.length; i++) { c = xs[i]!(d); if (!truthy(c)) return c; }
        return c;
      };
    }
    case "or": {
      const xs = args.map(compile);
      if (xs.length > 0 && args.every(yieldsBoolean)) return anyTrue(xs);
      if (xs.length === 2) {
        const [x, y] = xs as [Compiled, Compiled];
        return (d) => { const c = x(d); return truthy(c) ? c : y(d); };
      }
      if (xs.length === 3) {
        const [x, y, z] = xs as [Compiled, Compiled, Compiled];
        return (d) => { let c = x(d); if (truthy(c)) return c; c = y(d); return truthy(c) ? c : z(d); };
      }
      return (d) => {
        let c: unknown;
        for (let i = 0; i < xs.length; i++) { c = xs[i]!(d); if (truthy(c)) return c; }
        return c;
      };
    }
    case "if":
    case "?:": {
      const xs = args.map(compile);
      return (d) => {
        let i = 0;
        for (; i < xs.length - 1; i += 2) if (truthy(xs[i]!(d))) return xs[i + 1]!(d);
        return xs.length === i + 1 ? xs[i]!(d) : null;
      };
    }
    case "missing": {
      const xs = args.map(compile);
      return (d) => {
        const vals = xs.map((f) => f(d));
        const keys = Array.isArray(vals[0]) ? (vals[0] as unknown[]) : vals;
        const out: unknown[] = [];
        for (const k of keys) { const v = readVar(d, k); if (v === null || v === "") out.push(k); }
        return out;
      };
    }
    case "reduce": {
      // json-logic-js: the list from the data, the body on { current, accumulator }, the initial
      // value from the data (null when absent); not a list → the initial value.
      const src = compile(args[0]);
      const body = inChiaro(args[1]);
      const init = args[2] === undefined ? constant(null) : compile(args[2]);
      return (d) => {
        const arr = src(d);
        const iniziale = init(d);
        if (!Array.isArray(arr)) return iniziale;
        let acc = iniziale;
        for (const current of arr) acc = body({ current, accumulator: acc });
        return acc;
      };
    }
    case "some":
    case "all":
    case "none":
    case "filter":
    case "map": {
      // The list is read from the facts; the body from each element, plain data.
      const src = compile(args[0]);
      const body = inChiaro(args[1]);
      return (d) => {
        const arr = src(d);
        if (op === "filter") return Array.isArray(arr) ? arr.filter((x) => truthy(body(x))) : [];
        if (op === "map") return Array.isArray(arr) ? arr.map((x) => body(x)) : [];
        if (!Array.isArray(arr) || arr.length === 0) return op === "none";
        if (op === "all") return arr.every((x) => truthy(body(x)));
        if (op === "some") return arr.some((x) => truthy(body(x)));
        return !arr.some((x) => truthy(body(x)));
      };
    }
  }

  const fn = Object.prototype.hasOwnProperty.call(EAGER, op) ? EAGER[op] : undefined;
  if (!fn) throw new ConditionError(`operatore json-logic non supportato: "${op}"`);
  const semplice = negazioneSemplice(op, args);
  if (semplice) return compile(semplice);
  const xs = args.map(compile);
  const fast = specialise(op, args, xs);
  if (fast) return fast;
  // Specialise the common arities: no argument array is allocated per call.
  if (xs.length === 1) { const [x] = xs as [Compiled]; return (d) => fn(x(d)); }
  if (xs.length === 2) { const [x, y] = xs as [Compiled, Compiled]; return (d) => fn(x(d), y(d)); }
  return (d) => fn(...xs.map((f) => f(d)));
}

/**
 * A negation of a negation (`non X` of the DSL: `{"!": {"!!": X}}`) is one negation: json-logic's
 * `!` and `!!` take the truthiness of their operand, so `!(!!x)` is `!x`, `!!(!!x)` is `!!x` and
 * `!(!x)` is `!!x`. One closure instead of two, and the fused form for `x` a path.
 */
function negazioneSemplice(op: string, args: JsonLogic[]): JsonLogic | undefined {
  if ((op !== "!" && op !== "!!") || args.length !== 1 || !isLogic(args[0])) return undefined;
  const inner = args[0];
  const iop = Object.keys(inner)[0]!;
  if (iop !== "!" && iop !== "!!") return undefined;
  const raw = inner[iop]!;
  const iargs: JsonLogic[] = Array.isArray(raw) ? raw : [raw];
  if (iargs.length !== 1) return undefined;
  return { [(op === "!") === (iop === "!!") ? "!" : "!!"]: [iargs[0]!] } as JsonLogic;
}

/** Operators compiled in slot mode (their operands pass the `Fatti` on); any other node reads the facts whole. */
const PER_SLOT = new Set(["var", "and", "or", "if", "?:", "some", "all", "none", "filter", "map", "reduce", ...Object.keys(EAGER)]);

const isConst = (l: JsonLogic | undefined) => !isLogic(l) && !Array.isArray(l);

const BOOLEANI = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "!", "!!", "in", "some", "all", "none"]);

/** Whether a node always yields a boolean (so `and`/`or` over such nodes do too). */
function yieldsBoolean(l: JsonLogic | undefined): boolean {
  if (typeof l === "boolean") return true;
  if (!isLogic(l)) return false;
  const op = Object.keys(l)[0]!;
  if (BOOLEANI.has(op)) return true;
  if (op !== "and" && op !== "or") return false;
  const raw = l[op]!;
  const args: JsonLogic[] = Array.isArray(raw) ? raw : [raw];
  return args.length > 0 && args.every(yieldsBoolean);
}

/** `and` over operands that yield booleans: `&&` gives json-logic's value, no `truthy` call. */
function allTrue(xs: Compiled[]): Compiled {
  if (xs.length === 1) return xs[0]!;
  if (xs.length === 2) { const [x, y] = xs as [Compiled, Compiled]; return (d) => x(d) && y(d); }
  if (xs.length === 3) { const [x, y, z] = xs as [Compiled, Compiled, Compiled]; return (d) => x(d) && y(d) && z(d); }
  return (d) => { for (let i = 0; i < xs.length; i++) if (!xs[i]!(d)) return false; return true; };
}

/** `or` over operands that yield booleans. */
function anyTrue(xs: Compiled[]): Compiled {
  if (xs.length === 1) return xs[0]!;
  if (xs.length === 2) { const [x, y] = xs as [Compiled, Compiled]; return (d) => x(d) || y(d); }
  if (xs.length === 3) { const [x, y, z] = xs as [Compiled, Compiled, Compiled]; return (d) => x(d) || y(d) || z(d); }
  return (d) => { for (let i = 0; i < xs.length; i++) if (xs[i]!(d)) return true; return false; };
}

/**
 * Direct closures for the operators the DSL emits most: no generic call, and a literal operand is
 * captured as a value instead of a closure call. Same semantics as EAGER.
 */
function specialise(op: string, args: JsonLogic[], xs: Compiled[]): Compiled | undefined {
  const fused = fuse(op, args);
  if (fused) return fused;
  if (op === "!" && xs.length >= 1) { const x = xs[0]!; return (d) => { const v = x(d); return Array.isArray(v) ? v.length === 0 : !v; }; }
  if (op === "!!" && xs.length >= 1) { const x = xs[0]!; return (d) => { const v = x(d); return Array.isArray(v) ? v.length !== 0 : !!v; }; }
  if (xs.length !== 2) return undefined;
  const [x, y] = xs as [Compiled, Compiled];
  const k = isConst(args[1]) ? (args[1] as unknown) : undefined;
  const c = isConst(args[1]);
  switch (op) {
    case "==": return c ? (d) => x(d) == k : (d) => x(d) == y(d);
    case "===": return c ? (d) => x(d) === k : (d) => x(d) === y(d);
    case "!=": return c ? (d) => x(d) != k : (d) => x(d) != y(d);
    case "!==": return c ? (d) => x(d) !== k : (d) => x(d) !== y(d);
    case "<": return c ? (d) => (x(d) as number) < (k as number) : (d) => (x(d) as number) < (y(d) as number);
    case "<=": return c ? (d) => (x(d) as number) <= (k as number) : (d) => (x(d) as number) <= (y(d) as number);
    case ">": return c ? (d) => (x(d) as number) > (k as number) : (d) => (x(d) as number) > (y(d) as number);
    case ">=": return c ? (d) => (x(d) as number) >= (k as number) : (d) => (x(d) as number) >= (y(d) as number);
    case "in": {
      const list = args[1];
      if (Array.isArray(list) && list.every((e) => isConst(e))) {
        const items = (list as unknown[]).map(intern);
        return (d) => among(items, x(d));
      }
      return undefined;
    }
  }
  return undefined;
}

/** A `var` with a literal one- or two-segment path and no default: read inline by the operator. */
function simplePath(l: JsonLogic | undefined): string[] | undefined {
  if (!isLogic(l) || !("var" in l)) return undefined;
  const raw = l["var"];
  const a = Array.isArray(raw) ? raw : [raw];
  if (a.length !== 1 || typeof a[0] !== "string" || a[0] === "") return undefined;
  const keys = splitPath(a[0]);
  return keys.length <= 2 ? keys : undefined;
}

/** json-logic's `var` (not found → null) for one or two segments. */
function read1(d: unknown, k: string): unknown {
  if (d === null || d === undefined) return null;
  const v = (d as Record<string, unknown>)[k];
  return v === undefined ? null : v;
}
function read2(d: unknown, k0: string, k1: string): unknown {
  if (d === null || d === undefined) return null;
  const m = (d as Record<string, unknown>)[k0];
  if (m === null || m === undefined) return null;
  const v = (m as Record<string, unknown>)[k1];
  return v === undefined ? null : v;
}
/** read1/read2 on a `Fatti`: the root from its slot. */
function slot1(d: Fatti, i: number): unknown {
  const v = d.s[i];
  return v === undefined ? null : v;
}
function slot2(d: Fatti, i: number, k1: string): unknown {
  const m = d.s[i];
  if (m === null || m === undefined) return null;
  const v = (m as Record<string, unknown>)[k1];
  return v === undefined ? null : v;
}

/**
 * `v == k` for a string `k`, the most frequent comparison (`azione.esito = accettata`): a string or a
 * null is decided without the generic loose equality; anything else (a number, a boolean, an
 * object) takes it, coercions and all.
 */
function ugualeATesto(v: unknown, k: string): boolean {
  if (typeof v === "string") return v === k;
  if (v === null || v === undefined) return false;
  return v == k;
}

/** json-logic's `in` on anything: a substring of a string, else false. */
function inLoose(a: unknown, b: unknown): boolean {
  if (!b || typeof (b as { indexOf?: unknown }).indexOf === "undefined") return false;
  return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
}

/** `items.indexOf(v) !== -1` (json-logic's `in`: strict equality) as an inlined loop. */
function among(items: readonly unknown[], v: unknown): boolean {
  for (let i = 0; i < items.length; i++) if (items[i] === v) return true;
  return false;
}

/** The hottest shapes — `var op literal`, `var in [literals]`, `!var`, `!!var` — as one closure each. */
function fuse(op: string, args: JsonLogic[]): Compiled | undefined {
  const path = simplePath(args[0]);
  if (!path) return undefined;
  const [k0, k1] = path as [string, string | undefined];
  if (suFatti) return fuseFatti(op, args, slotDi(radiceDi(path)), k0, k1);
  if ((op === "!" || op === "!!") && args.length >= 1) {
    const neg = op === "!";
    if (k1 === undefined) return (d) => { const v = read1(d, k0); return (Array.isArray(v) ? v.length !== 0 : !!v) !== neg; };
    return (d) => { const v = read2(d, k0, k1); return (Array.isArray(v) ? v.length !== 0 : !!v) !== neg; };
  }
  if (args.length !== 2) return undefined;
  const lit = args[1];
  if (op === "in") {
    if (!Array.isArray(lit) || !lit.every((e) => isConst(e))) return undefined;
    const items = (lit as unknown[]).map(intern);
    if (k1 === undefined) return (d) => among(items, read1(d, k0));
    return (d) => among(items, read2(d, k0, k1));
  }
  if (!isConst(lit)) return undefined;
  const k = intern(lit as unknown);
  if (k1 === undefined) {
    switch (op) {
      case "==": return (d) => read1(d, k0) == k;
      case "!=": return (d) => read1(d, k0) != k;
      case "===": return (d) => read1(d, k0) === k;
      case "!==": return (d) => read1(d, k0) !== k;
      case "<": return (d) => (read1(d, k0) as number) < (k as number);
      case "<=": return (d) => (read1(d, k0) as number) <= (k as number);
      case ">": return (d) => (read1(d, k0) as number) > (k as number);
      case ">=": return (d) => (read1(d, k0) as number) >= (k as number);
    }
    return undefined;
  }
  switch (op) {
    case "==": return (d) => read2(d, k0, k1) == k;
    case "!=": return (d) => read2(d, k0, k1) != k;
    case "===": return (d) => read2(d, k0, k1) === k;
    case "!==": return (d) => read2(d, k0, k1) !== k;
    case "<": return (d) => (read2(d, k0, k1) as number) < (k as number);
    case "<=": return (d) => (read2(d, k0, k1) as number) <= (k as number);
    case ">": return (d) => (read2(d, k0, k1) as number) > (k as number);
    case ">=": return (d) => (read2(d, k0, k1) as number) >= (k as number);
  }
  return undefined;
}

/** `fuse` for slot mode: the same closures, the root read by slot. */
function fuseFatti(op: string, args: JsonLogic[], i: number, k0: string, k1: string | undefined): Compiled | undefined {
  if ((op === "!" || op === "!!") && args.length >= 1) {
    const neg = op === "!";
    if (k1 === undefined) return (d) => { const v = slot1(d as Fatti, i); return (Array.isArray(v) ? v.length !== 0 : !!v) !== neg; };
    return (d) => { const v = slot2(d as Fatti, i, k1); return (Array.isArray(v) ? v.length !== 0 : !!v) !== neg; };
  }
  if (args.length !== 2) return undefined;
  const lit = args[1];
  if (op === "in") {
    if (!Array.isArray(lit) || !lit.every((e) => isConst(e))) return undefined;
    const items = (lit as unknown[]).map(intern);
    if (k1 === undefined) return (d) => among(items, slot1(d as Fatti, i));
    return (d) => among(items, slot2(d as Fatti, i, k1));
  }
  if (!isConst(lit)) return undefined;
  const k = intern(lit as unknown);
  if (k1 === undefined) {
    switch (op) {
      case "==": if (typeof k === "string") return (d) => ugualeATesto(slot1(d as Fatti, i), k);
        return (d) => slot1(d as Fatti, i) == k;
      case "!=": if (typeof k === "string") return (d) => !ugualeATesto(slot1(d as Fatti, i), k);
        return (d) => slot1(d as Fatti, i) != k;
      case "===": return (d) => slot1(d as Fatti, i) === k;
      case "!==": return (d) => slot1(d as Fatti, i) !== k;
      case "<": return (d) => (slot1(d as Fatti, i) as number) < (k as number);
      case "<=": return (d) => (slot1(d as Fatti, i) as number) <= (k as number);
      case ">": return (d) => (slot1(d as Fatti, i) as number) > (k as number);
      case ">=": return (d) => (slot1(d as Fatti, i) as number) >= (k as number);
    }
    return undefined;
  }
  switch (op) {
    case "==": if (typeof k === "string") return (d) => ugualeATesto(slot2(d as Fatti, i, k1), k);
      return (d) => slot2(d as Fatti, i, k1) == k;
    case "!=": if (typeof k === "string") return (d) => !ugualeATesto(slot2(d as Fatti, i, k1), k);
      return (d) => slot2(d as Fatti, i, k1) != k;
    case "===": return (d) => slot2(d as Fatti, i, k1) === k;
    case "!==": return (d) => slot2(d as Fatti, i, k1) !== k;
    case "<": return (d) => (slot2(d as Fatti, i, k1) as number) < (k as number);
    case "<=": return (d) => (slot2(d as Fatti, i, k1) as number) <= (k as number);
    case ">": return (d) => (slot2(d as Fatti, i, k1) as number) > (k as number);
    case ">=": return (d) => (slot2(d as Fatti, i, k1) as number) >= (k as number);
  }
  return undefined;
}
