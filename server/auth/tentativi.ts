// Repeated failed authentications from one address are slowed: after LIMITE failures (401) within
// FINESTRA_MS, every request from that address that carries a credential gets 429 with Retry-After
// until the window passes. Only requests with `Authorization` count (anonymous calls are limited
// elsewhere); a request whose address is unknown (in-process tests) is not limited.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";

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
  // Failures only, counted when a 401 leaves: a rate limiter that counts every request and refunds
  // the successful ones afterwards (hono-rate-limiter's skipSuccessfulRequests) counted requests
  // still in flight, so 11 valid requests at once from one backend got 429.
  const fallimenti = new Map<string, { n: number; fine: number }>();
  const attivi = (ind: string, ora: number) => {
    const f = fallimenti.get(ind);
    if (f && f.fine <= ora) fallimenti.delete(ind);
    return f && f.fine > ora ? f : undefined;
  };
  return async (c, next) => {
    const ind = c.req.header("authorization") ? indirizzo(c) : undefined;
    if (ind === undefined) return next();
    const f = attivi(ind, Date.now());
    if (f && f.n >= limite) {
      const secondi = Math.max(1, Math.ceil((f.fine - Date.now()) / 1000));
      c.header("Retry-After", String(secondi));
      return c.json(
        { errore: { code: "too_many_failed_authentications", messaggio: `Troppi tentativi di autenticazione falliti da questo indirizzo: riprova tra ${secondi} secondi.` } },
        429,
      );
    }
    await next();
    if (c.res.status !== 401) return;
    const ora = Date.now();
    const g = attivi(ind, ora) ?? { n: 0, fine: ora + finestraMs };
    g.n++;
    fallimenti.set(ind, g);
    // Bounded: past a few thousand addresses, the expired windows go.
    if (fallimenti.size > 10_000) for (const [k, v] of fallimenti) if (v.fine <= ora) fallimenti.delete(k);
  };
}
