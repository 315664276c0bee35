// Body size limit. Hono's bodyLimit reads `c.req.raw.body`, which on @hono/node-server builds a full
// web Request for every request (a sixth of an evaluation's CPU); a declared Content-Length is
// checked from the header alone, and only bodies without one (chunked) go through the stream count.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

export function limiteCorpo(maxSize: number, onError: Parameters<typeof bodyLimit>[0]["onError"]): MiddlewareHandler {
  const contato = bodyLimit({ maxSize, ...(onError ? { onError } : {}) });
  return async (c, next) => {
    const lunghezza = c.req.header("content-length");
    if (lunghezza !== undefined && c.req.header("transfer-encoding") === undefined) {
      const n = Number(lunghezza);
      if (Number.isFinite(n) && n >= 0 && n <= maxSize) return next();
    }
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return contato(c, next);
  };
}
