// Reads a dotted path ("formulazione_proposta.termine_giorni") outside a condition: for the IR
// fields that name a fact directly (term anchors and lengths, fee quantities), in the facts
// (facts.ts `leggiFatti`) or in one event.
export function leggi(da: unknown, path: string): unknown {
  let x: unknown = da;
  for (const k of path.split(".")) {
    if (x === null || typeof x !== "object") return undefined;
    x = (x as Record<string, unknown>)[k];
  }
  return x;
}

/** A count or a number of days given by a fact: a non-negative integer, else undefined. */
export function intero(x: unknown): number | undefined {
  return typeof x === "number" && Number.isInteger(x) && x >= 0 ? x : undefined;
}
