// Anonymous requests per address (hono-rate-limiter, in memory: per server). Keyed requests are
// not limited here. The address is the socket's: X-Forwarded-For is anyone's to write, and is
// believed only with TRUST_PROXY (a proxy of ours that overwrites it).
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { Env } from "../contesto.ts";

export function indirizzoCliente(c: Context, fidatiProxy: boolean): string {
  if (fidatiProxy) {
    const primo = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (primo) return primo;
  }
  try {
    return getConnInfo(c).remote.address ?? "sconosciuto";
  } catch {
    return "sconosciuto"; // app.request in tests: no socket
  }
}

export function limiteAnonimi(perMinuto: number, fidatiProxy: boolean, cosa: string): MiddlewareHandler<Env> {
  return rateLimiter<Env>({
    windowMs: 60_000,
    limit: perMinuto,
    standardHeaders: "draft-6",
    keyGenerator: (c) => indirizzoCliente(c, fidatiProxy),
    skip: (c) => c.get("cred")?.tipo !== "anonimo",
    handler: (c) =>
      c.json({ errore: { code: "rate_limited", messaggio: `Troppe ${cosa} senza chiave da questo indirizzo (al più ${perMinuto} al minuto): riprova tra poco, o usa una chiave.` } }, 429),
  });
}
