// The json-logic operations of ours (beyond json-logic-js's own), one function each, used by the
// engine's compiled conditions (compile.ts) and registered with json-logic-js wherever conditions
// are run by it (the property test, the bench), so that both read a condition the same way.

/**
 * `{"voci": [map]}`: the entries of a map as a list, for the DSL's `ogni voce X di mappa (…)`
 * (`primo_incontro.rappresentati`: party id → { rappresentante, procura }). Each entry is the value's
 * own fields plus `chiave` (the key); a value that is not an object is under `valore`. Not a map
 * (absent, a list, a number): no entries.
 */
export function voci(m: unknown): Record<string, unknown>[] {
  if (typeof m !== "object" || m === null || Array.isArray(m)) return [];
  const out: Record<string, unknown>[] = [];
  for (const k of Object.keys(m)) {
    const v = (m as Record<string, unknown>)[k];
    out.push(typeof v === "object" && v !== null && !Array.isArray(v) ? { ...(v as Record<string, unknown>), chiave: k } : { chiave: k, valore: v });
  }
  return out;
}

/**
 * `{"accanto": [lista, f0, f1, …]}`: each element of the list with what its quantifier's body reads
 * outside it, `{ el, fuori: [f0, f1, …] }` (dsl/compile/condizione.ts: `ogni p in parti (p.parte =
 * azione.parte)` reads `el.parte` and `fuori.0`). json-logic reads a body against the element alone;
 * this carries the rest in. Not a list: no elements.
 */
export function accanto(lista: unknown, ...fuori: unknown[]): { el: unknown; fuori: unknown[] }[] {
  return Array.isArray(lista) ? lista.map((el) => ({ el, fuori })) : [];
}

export const OPERAZIONI: Record<string, (...xs: unknown[]) => unknown> = { voci, accanto };

/** Registers them with a json-logic-js instance. */
export function registraOperazioni(jl: { add_operation(nome: string, fn: (...xs: unknown[]) => unknown): void }): void {
  for (const [nome, fn] of Object.entries(OPERAZIONI)) jl.add_operation(nome, fn);
}
