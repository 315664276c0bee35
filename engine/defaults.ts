// Default logic (Catala's label/exception): an applicable exception overrides its target; two
// applicable exceptions to one rule are a conflict, never a silent pick.
import { truthy, type Fatti } from "./conditions/compile.ts";
import type { Cond, PEccezione, PRegola } from "./prepared.ts";
import type { Regola } from "./ir.ts";

export type Resolved<R extends Regola> =
  | { kind: "applica"; pr: PRegola<R>; via?: PEccezione }
  | { kind: "no"; via?: PEccezione; /** The `quando` that did not hold (callers ask it for missing facts). */ fallita?: Cond }
  | { kind: "conflitto"; eccezioni: PEccezione[] };

/** A rule's two outcomes without exceptions (PRegola.esiti), shared by every question. */
export interface Esiti<R extends Regola = Regola> { si: Resolved<R>; no: Resolved<R> }

/**
 * Every outcome is one object literal with all the fields of every kind, in one order (and none is
 * frozen: a frozen object has a hidden class of its own): the callers' reads of `kind`, `via`, `pr`
 * stay monomorphic.
 */
function esito<R extends Regola>(kind: Resolved<R>["kind"], pr: PRegola<R> | undefined, via: PEccezione | undefined,
  fallita: Cond | undefined, eccezioni: PEccezione[] | undefined): Resolved<R> {
  return { kind, pr, via, fallita, eccezioni } as Resolved<R>;
}

export function esiti<R extends Regola>(pr: PRegola<R>): Esiti<R> {
  return { si: esito("applica", pr, undefined, undefined, undefined), no: esito("no", undefined, undefined, pr.quando, undefined) };
}

/** The paths a condition compares that are not in the facts (`fatti_mancanti`). */
export function missingIn(c: Cond | undefined, f: Fatti): string[] | undefined {
  if (!c || !qualcheMancante(c, f)) return undefined;
  const out: string[] = [];
  mancantiIn(c, f, out);
  return out;
}

/** `missingIn` appended to a list: nothing allocated when nothing is missing. */
export function mancantiIn(c: Cond, f: Fatti, out: string[]): void {
  for (let i = 0; i < c.paths.length; i++) if (mancante(f, c.radici[i]!, c.paths[i]!)) out.push(c.vars[i]!);
}

/** Whether some path a condition compares is not in the facts (`missingIn` without the list). */
export function qualcheMancante(c: Cond, f: Fatti): boolean {
  for (let i = 0; i < c.paths.length; i++) if (mancante(f, c.radici[i]!, c.paths[i]!)) return true;
  return false;
}

/**
 * conditions/vars.ts `isMissing` on the facts: the root from its slot, then the fields. A null on
 * the way is a known "nothing" (an action that did not happen), not a missing fact.
 */
export function mancante(f: Fatti, radice: number, path: readonly string[]): boolean {
  let cur = f.s[radice];
  for (let i = 1; i < path.length; i++) {
    if (cur === null) return false;
    if (cur === undefined || typeof cur !== "object") return true;
    cur = (cur as Record<string, unknown>)[path[i]!];
  }
  return cur === undefined;
}

export function holds(c: Cond | undefined, f: Fatti): boolean {
  return c === undefined || truthy(c.fn(f));
}

/** The rule in effect, through its exceptions. The result is shared: read it, never change it. */
export function resolve<R extends Regola>(pr: PRegola<R>, f: Fatti): Resolved<R> {
  if (pr.eccezioni.length === 0) {
    // The common case: the outcomes made once per rule by `prepare`, nothing allocated.
    const e = pr.esiti as Esiti<R>;
    return pr.quando === undefined || truthy(pr.quando.fn(f)) ? e.si : e.no;
  }
  let applicable: PEccezione[] | undefined;
  for (const e of pr.eccezioni) if (truthy(e.quando.fn(f))) (applicable ??= []).push(e);
  if (applicable && applicable.length > 1) return esito("conflitto", undefined, undefined, undefined, applicable);
  const via = applicable?.[0];
  if (via && !via.variante) return esito("no", undefined, via, undefined, undefined);
  const eff = (via?.variante ?? pr) as PRegola<R>;
  if (eff.quando && !truthy(eff.quando.fn(f))) return esito("no", undefined, via, eff.quando, undefined);
  return esito("applica", eff, via, undefined, undefined);
}

/**
 * `resolve` for a rule asked for each party in turn (nothing but `parte` changes between the asks):
 * the half of its `quando` that does not read `parte.*` is decided with the first party and kept
 * in `comuni[i]`. The same outcome as `resolve`: a conjunction holds when both halves hold.
 */
export function resolvePerParte<R extends Regola>(pr: PRegola<R>, f: Fatti, comuni: boolean[], i: number): Resolved<R> {
  const d = pr.perParte;
  if (d === undefined || pr.eccezioni.length > 0) return resolve(pr, f);
  let c = comuni[i];
  if (c === undefined) { c = truthy(d.comune(f)); comuni[i] = c; }
  const e = pr.esiti as Esiti<R>;
  return c && (d.proprio === undefined || truthy(d.proprio(f))) ? e.si : e.no;
}

export const CONFLITTO = Symbol("conflitto");

/**
 * `resolve` for callers that need only the rule in effect: no result object is allocated.
 * The effective rule (the target, or an exception's variant), null when it does not apply.
 */
export function applicabile<R extends Regola>(pr: PRegola<R>, f: Fatti): PRegola<R> | null | typeof CONFLITTO {
  let eff: PRegola<R> = pr;
  if (pr.eccezioni.length > 0) {
    let hit: PEccezione | undefined;
    for (const e of pr.eccezioni) {
      if (!truthy(e.quando.fn(f))) continue;
      if (hit) return CONFLITTO;
      hit = e;
    }
    if (hit) { if (!hit.variante) return null; eff = hit.variante as PRegola<R>; }
  }
  return eff.quando === undefined || truthy(eff.quando.fn(f)) ? eff : null;
}
