// /openapi.json and Swagger UI at /docs, its assets served from the swagger-ui-dist package on our
// own origin: no CDN (users may have no network).
import { swaggerUI } from "@hono/swagger-ui";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Env } from "../contesto.ts";

const cartella = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const TIPI: Record<string, string> = { css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8", png: "image/png", map: "application/json" };

export function documentazione(app: OpenAPIHono<Env>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "chiave", { type: "http", scheme: "bearer", description: "Chiave dell'organismo (o dell'amministratore)" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Regolamenti di mediazione",
      version: "1",
      description: "Regolamenti degli organismi di mediazione (D.Lgs. 28/2010) come regole eseguibili: versioni, procedimenti, valutazioni. Errori: `{ errore: { code, messaggio, dettagli? } }`.",
    },
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json", baseUrl: "/docs/assets" }));
  // Swagger UI's page names no icon: the browser asks for /favicon.ico and logs a 404 otherwise.
  app.get("/favicon.ico", (c) => c.body(null, 204));
  app.get("/docs/assets/swagger-ui-dist/:file", async (c) => {
    const file = c.req.param("file");
    if (!/^[a-z0-9._-]+\.(css|js|png|map)$/i.test(file)) return c.notFound();
    try {
      const corpo = await readFile(join(cartella, file));
      return c.body(corpo, 200, { "content-type": TIPI[file.split(".").pop()!]!, "cache-control": "public, max-age=86400" });
    } catch {
      return c.notFound();
    }
  });
}
