// The answer of a POST that stores: a replay of an Idempotency-Key says so in a header.
import type { Context } from "hono";
import type { Env } from "../contesto.ts";
import type { Esito } from "../procedimenti/idempotenza.ts";

export function rispondi(c: Context<Env>, e: Esito) {
  if (e.ripetuta) c.header("Idempotent-Replayed", "true");
  return c.json(e.corpo, e.status);
}
