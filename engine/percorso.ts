// Reads a dotted path of the facts ("formulazione_proposta.termine_giorni") outside a condition:
// for the IR fields that name a fact directly (term anchors and lengths, fee quantities).
export function leggi(ctx: Record<string, unknown>, path: string): unknown {
  let x: unknown = ctx;
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
