// Repeated failed authentications from one address are slowed: after LIMITE failures (401) within
// FINESTRA_MS, every request from that address that carries a credential gets 429 with Retry-After
// until the window passes. Only requests with `Authorization` count (anonymous calls are limited
// elsewhere); a request whose address is unknown (in-process tests) is not limited.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";

export const LIMITE_FALLIMENTI = 10;
export const FINESTRA_MS = 60_000;

function indirizzo(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function limitaAutenticazioniFallite(limite = LIMITE_FALLIMENTI, finestraMs = FINESTRA_MS): MiddlewareHandler {
  return rateLimiter({
    windowMs: finestraMs,
    limit: limite,
    standardHeaders: false,
    skip: (c) => !c.req.header("authorization") || indirizzo(c) === undefined,
    keyGenerator: (c) => indirizzo(c)!,
    // Counted: the failures only (a request let through that did not end in 401 is taken back).
    skipSuccessfulRequests: true,
    requestWasSuccessful: (c) => c.res.status !== 401,
    handler: (c) => {
      const info = c.get("rateLimit" as never) as { resetTime?: Date } | undefined;
      const secondi = Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + finestraMs) - Date.now()) / 1000));
      c.header("Retry-After", String(secondi));
      return c.json(
        { errore: { code: "too_many_failed_authentications", messaggio: `Troppi tentativi di autenticazione falliti da questo indirizzo: riprova tra ${secondi} secondi.` } },
        429,
      );
    },
  });
}
