// A server near its heap limit refuses writes and heavy work (503 + Retry-After) instead of dying
// of an out-of-memory crash; reads (and the health check) still answer. The heap figure is V8's own.
import { getHeapStatistics } from "node:v8";
import type { MiddlewareHandler } from "hono";

export function quotaHeap(): number {
  const h = getHeapStatistics();
  return h.used_heap_size / h.heap_size_limit;
}

export function sottoPressione(soglia: number): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    if (quotaHeap() < soglia) return next();
    c.header("Retry-After", "5");
    return c.json({ errore: { code: "memory_pressure", messaggio: "Il server è a corto di memoria: riprova tra qualche secondo." } }, 503);
  };
}

/** The byte budget of per-server caches: an eighth of the heap limit, at most 64 MiB. */
export function budgetMemoria(): number {
  return Math.min(64 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 8));
}
