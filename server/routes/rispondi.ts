// The answer of a POST that stores: a replay of an Idempotency-Key says so in a header. `stato` is the
// status the route declares (its type is the route's): a stored answer with another is a server bug.
import type { Context } from "hono";
import type { Env } from "../contesto.ts";
import type { Esito } from "../procedimenti/idempotenza.ts";

export function rispondi<S extends 200 | 201>(c: Context<Env>, e: Esito, stato: S) {
  if (e.status !== stato) throw new Error(`risposta ${e.status} dove la rotta dichiara ${stato}`);
  if (e.ripetuta) c.header("Idempotent-Replayed", "true");
  return c.json(e.corpo, stato);
}
