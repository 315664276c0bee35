// `npm start`: the HTTP server. PORT (default 3000); DATABASE_URL (Postgres) or REGOLAMENTO_DATA
// (PGlite data dir, default ./data); REGOLAMENTO_ADMIN_KEY (else one is generated and printed once);
// HOST (default 127.0.0.1).
// REGOLAMENTO_DURABILITA (PGlite: "piena", the default, or "veloce"). An operator's mistake (a busy
// port, a data folder in use) is one Italian sentence and exit code 1, not a stack trace.
import { serve } from "@hono/node-server";
import { avvia, dovePerAmbiente } from "./avvia.ts";
import { ErroreConfigurazione } from "./avvio/amministratore.ts";
import { ErroreAvvio } from "./avvio/blocco.ts";
import { limitiDaAmbiente } from "./limiti/configurazione.ts";

function esci(messaggio: string): never {
  console.error(`regolamenti: ${messaggio}`);
  process.exit(1);
}

const porta = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(porta) || porta < 0 || porta > 65535) esci(`PORT=${process.env.PORT} non è una porta valida (0–65535).`);
const host = process.env.HOST ?? "127.0.0.1";
// REGOLAMENTO_SEMI: the folder of regolamenti loaded at start (default regolamenti/; "nessuno": none).
const semi = process.env.REGOLAMENTO_SEMI;
let server: Awaited<ReturnType<typeof avvia>>;
try {
  server = await avvia({
    dove: dovePerAmbiente(),
    limiti: limitiDaAmbiente(),
    ...(process.env.REGOLAMENTO_ADMIN_KEY ? { chiaveAdmin: process.env.REGOLAMENTO_ADMIN_KEY } : {}),
    ...(semi ? { semi: semi === "nessuno" ? null : semi } : {}),
  });
} catch (e) {
  // A configuration to fix: say what, without a stack trace.
  if (e instanceof ErroreAvvio || e instanceof ErroreConfigurazione || /^REGOLAMENTO_|^TRUST_/.test((e as Error).message)) esci((e as Error).message);
  throw e;
}
const dove = dovePerAmbiente();

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

http.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EADDRINUSE")
    esci(`la porta ${porta} su ${host} è già in uso (un altro server?). Fermalo, oppure scegli un'altra porta: PORT=${porta === 3000 ? 3001 : porta + 1} npm start`);
  if (e.code === "EACCES") esci(`la porta ${porta} richiede permessi che questo processo non ha: scegline un'altra, ad es. PORT=3000 npm start`);
  esci(`il server non si mette in ascolto su ${host}:${porta}: ${e.message}`);
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
