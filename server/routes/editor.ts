// The editor's static build (editor/dist/, made by `npm run build:editor`) at `/`. Without a build, a
// page says how to make one instead of a bare 404.
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { RADICE } from "../../percorsi.ts";
import type { Env } from "../contesto.ts";

export const cartellaEditor = join(RADICE, "editor", "dist");

const SENZA_BUILD = `<!doctype html><html lang="it"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Regolamenti di mediazione</title></head><body style="font-family:system-ui;max-width:40em;margin:3em auto">
<h1>Editor non ancora compilato</h1><p>Esegui <code>npm run build:editor</code> (oppure <code>npm start</code>, che lo fa da sé) e ricarica.</p>
<p>L'API è comunque attiva: <a href="/docs">documentazione</a> · <a href="/openapi.json">/openapi.json</a> · <a href="/v1/organismi">/v1/organismi</a>.</p></body></html>`;

export function editor(app: Hono<Env>, cartella = cartellaEditor): void {
  app.use("/*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (c.req.path.startsWith("/v1/") || c.req.path === "/openapi.json" || c.req.path.startsWith("/docs")) return next();
    if (!existsSync(cartella)) return c.req.path === "/" || c.req.path === "/index.html" ? c.html(SENZA_BUILD, 200) : next();
    return serveStatic({ root: cartella })(c, next);
  });
}
