// Security headers on every answer (editor pages, API, /docs): a Content-Security-Policy that the
// editor's Monaco accepts (its workers come from our origin or blob:, it injects inline styles),
// no framing by anyone (frame-ancestors 'none', X-Frame-Options DENY), no MIME sniffing.
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The directives, shared by the editor's pages and the API. `script-src` gets hashes on /docs. */
export const DIRETTIVE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Monaco and Lit inject <style> elements and style attributes at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // Monaco's editor worker: a file of ours (Vite's `?worker`), or a blob: URL in its fallback.
  workerSrc: ["'self'", "blob:"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function intestazioniSicurezza(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: DIRETTIVE_CSP,
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    // Plain HTTP on localhost is the usual deployment; HSTS belongs to the TLS terminator in front.
    strictTransportSecurity: false,
    // The API is called from other origins' apps (CORS-free server-to-server, or curl): no CORP.
    crossOriginResourcePolicy: false,
  });
}

/**
 * Swagger UI's page (/docs) starts itself with an inline script: allowed by its sha-256 alone, not
 * by 'unsafe-inline', so an injected script still does not run.
 */
export function cspConScriptInLinea(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.get("content-type")?.includes("text/html")) return;
    const html = await c.res.clone().text();
    const hash = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
      .map((m) => `'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`);
    const csp = c.res.headers.get("content-security-policy");
    if (!csp || hash.length === 0) return;
    const res = new Response(c.res.body, c.res);
    res.headers.set("content-security-policy", csp.replace(/script-src ([^;]*)/, `script-src $1 ${hash.join(" ")}`));
    c.res = undefined;
    c.res = res;
  };
}
