// `npm start`: the HTTP server. PORT (default 3000); DATABASE_URL (Postgres) or REGOLAMENTO_DATA
// (PGlite data dir, default ./data); REGOLAMENTO_ADMIN_KEY (else one is generated and printed once);
// HOST (default 127.0.0.1).
import { serve } from "@hono/node-server";
import { avvia, dovePerAmbiente } from "./avvia.ts";
import { ErroreConfigurazione } from "./avvio/amministratore.ts";

const porta = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const dove = dovePerAmbiente();
// REGOLAMENTO_SEMI: the folder of regolamenti loaded at start (default regolamenti/; "nessuno": none).
const semi = process.env.REGOLAMENTO_SEMI;
const server = await avvia({
  dove,
  ...(process.env.REGOLAMENTO_ADMIN_KEY ? { chiaveAdmin: process.env.REGOLAMENTO_ADMIN_KEY } : {}),
  ...(semi ? { semi: semi === "nessuno" ? null : semi } : {}),
}).catch((e: unknown) => {
  // A configuration to fix: say what, without a stack trace.
  if (!(e instanceof ErroreConfigurazione)) throw e;
  console.error(`regolamenti: ${e.message}`);
  process.exit(1);
});

const http = serve({ fetch: server.app.fetch, port: porta, hostname: host }, (info) => {
  const base = `http://${host === "0.0.0.0" ? "localhost" : host}:${info.port}`;
  const db = "url" in dove ? "Postgres (DATABASE_URL)" : "dataDir" in dove ? `PGlite in ${dove.dataDir}` : "PGlite in memoria";
  console.log(`regolamenti: in ascolto su ${base}  [${db}]`);
  console.log(`  editor           ${base}/`);
  console.log(`  API              ${base}/v1/organismi`);
  console.log(`  documentazione   ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  if (server.semina.inseriti.length) console.log(`  caricati: ${server.semina.inseriti.join(", ")}`);
  for (const s of server.semina.scartati) console.log(`  NON caricato ${s.file}: ${s.motivo}`);
  if (server.chiaveAdminGenerata) {
    console.log(`\n  Chiave dell'amministratore (mostrata solo ora, conservala):\n    ${server.chiaveAdminGenerata}\n`);
  }
});

let chiusura = false;
for (const segnale of ["SIGINT", "SIGTERM"] as const) {
  process.on(segnale, () => {
    if (chiusura) return;
    chiusura = true;
    http.close();
    void server.chiudi().finally(() => process.exit(0));
  });
}
