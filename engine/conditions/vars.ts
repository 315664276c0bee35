// Which facts a condition reads: the literal paths of its `var`s (for `fatti_mancanti`, the
// checker's hints and the matrix's "which vincolo mentions praticante_abilitato").
import type { JsonLogic } from "../ir.ts";

export function varsOf(logic: JsonLogic | undefined, out: Set<string> = new Set()): string[] {
  walk(logic, out);
  return [...out];
}

/**
 * Operators whose second argument is read against each element of the first (json-logic's `all`,
 * `some`, `none`, `filter`, `map`): its `var`s are the element's fields, not facts, so the walkers
 * below look only at the list (`ogni p in parti (p.avvocato)` reads `parti`, not `avvocato`).
 */
const PER_ELEMENTO = new Set(["all", "some", "none", "filter", "map", "reduce"]);

function walk(l: JsonLogic | undefined, out: Set<string>): void {
  if (Array.isArray(l)) { for (const x of l) walk(x, out); return; }
  if (l === null || typeof l !== "object") return;
  for (const [op, raw] of Object.entries(l)) {
    const args = Array.isArray(raw) ? raw : [raw];
    if (PER_ELEMENTO.has(op)) walk(args[0], out);
    else if (op === "var") {
      const p = args[0];
      if (typeof p === "string" && p !== "") out.add(p);
      else if (typeof p === "number") out.add(String(p));
      else walk(p, out);
      walk(args[1], out);
    } else if (op === "missing") {
      for (const a of args) if (typeof a === "string") out.add(a); else walk(a, out);
    } else walk(args as JsonLogic[], out);
  }
}

/** Literal values a condition mentions (strings and numbers outside `var`). */
export function literalsOf(logic: JsonLogic | undefined, out: unknown[] = []): unknown[] {
  if (Array.isArray(logic)) { for (const x of logic) literalsOf(x, out); return out; }
  if (logic === null || logic === undefined) return out;
  if (typeof logic !== "object") { out.push(logic); return out; }
  for (const [op, raw] of Object.entries(logic)) if (op !== "var") literalsOf(raw, out);
  return out;
}

/**
 * Whether a condition may read `path` or something in it: that path, one of its parents (the whole
 * `azione` for `azione.azione`, all the facts for the empty path), one below it, or a path
 * computed at run time (then it may read anything).
 */
export function puoLeggere(l: JsonLogic | undefined, path: string): boolean {
  if (Array.isArray(l)) return l.some((x) => puoLeggere(x, path));
  if (l === null || typeof l !== "object") return false;
  for (const [op, raw] of Object.entries(l)) {
    const args = Array.isArray(raw) ? raw : [raw];
    if (PER_ELEMENTO.has(op)) {
      if (puoLeggere(args[0], path)) return true;
    } else if (op === "var" || op === "missing" || op === "missing_some") {
      const paths = op === "var" ? args.slice(0, 1) : op === "missing_some" ? args.slice(1) : args;
      for (const p of paths.flat()) {
        const s = typeof p === "number" ? String(p) : p;
        if (typeof s !== "string") return true;
        if (s === "" || s === path || s.startsWith(`${path}.`) || path.startsWith(`${s}.`)) return true;
      }
      if (op === "var" && puoLeggere(args[1] as JsonLogic, path)) return true;
      if (op === "missing_some" && puoLeggere(args[0] as JsonLogic, path)) return true;
    } else if (puoLeggere(args as JsonLogic, path)) return true;
  }
  return false;
}

const ID_PERCORSI = new Map<string, number>();

/** A path's number, the same for every condition of every regolamento (assigned when first seen). */
export function idPercorso(path: string): number {
  let id = ID_PERCORSI.get(path);
  if (id === undefined) { id = ID_PERCORSI.size; ID_PERCORSI.set(path, id); }
  return id;
}

/** True when the path is undefined in the facts (a `null` on the way is a given fact: not missing). */
export function isMissing(data: unknown, path: string | readonly string[]): boolean {
  const keys = typeof path === "string" ? path.split(".") : path;
  let cur: unknown = data;
  for (let i = 0; i < keys.length; i++) {
    if (cur === null) return false;
    if (cur === undefined || typeof cur !== "object") return true;
    cur = (cur as Record<string, unknown>)[keys[i]!];
  }
  return cur === undefined;
}

const CONFRONTI = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "in"]);

/**
 * The paths a condition *compares* (operands of =, <, in…): when one is undefined the condition
 * cannot be decided, and it goes to `fatti_mancanti`. A path only tested for truth (`esiste x`,
 * `non x`, a bare flag) is not among them: by the contract an absent fact did not happen.
 */
export function comparedVarsOf(logic: JsonLogic | undefined, out: Set<string> = new Set()): string[] {
  walkCompared(logic, out);
  return [...out];
}

function walkCompared(l: JsonLogic | undefined, out: Set<string>): void {
  if (Array.isArray(l)) { for (const x of l) walkCompared(x, out); return; }
  if (l === null || typeof l !== "object") return;
  for (const [op, raw] of Object.entries(l)) {
    const args = Array.isArray(raw) ? raw : [raw];
    // the list of a quantifier is tested like a flag (absent = no elements); its body reads elements
    if (PER_ELEMENTO.has(op)) walkCompared(args[0], out);
    else if (CONFRONTI.has(op)) {
      for (const a of args) {
        if (a && typeof a === "object" && !Array.isArray(a) && "var" in a) {
          const v = (a as { var: JsonLogic }).var;
          const p = Array.isArray(v) ? v[0] : v;
          if (typeof p === "string" && p !== "") out.add(p);
        } else walkCompared(a, out);
      }
    } else if (op !== "var") walkCompared(args as JsonLogic[], out);
  }
}
