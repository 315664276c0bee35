// The HTTP application: limits, credentials, routes, errors. No I/O of its own beyond the
// dependencies it is given (so tests build it on an in-memory database).
import { nuovoRouter, type Dipendenze } from "./contesto.ts";
import { ErroreApi } from "./errori/errore.ts";
import { gestisciErrore } from "./errori/gestore.ts";
import { limiteCorpo } from "./limite-corpo.ts";
import { limitaAutenticazioniFallite } from "./auth/tentativi.ts";
import { cspConScriptInLinea, intestazioniSicurezza } from "./sicurezza/intestazioni.ts";
import { corpoSicuro } from "./limiti/corpo-sicuro.ts";
import { limiteAnonimi } from "./limiti/frequenza.ts";
import { sottoPressione } from "./limiti/memoria.ts";
import { chiavi } from "./routes/chiavi.ts";
import { concessioni } from "./routes/concessioni.ts";
import { agenda } from "./routes/agenda.ts";
import { elenchi } from "./routes/elenchi.ts";
import { flusso } from "./routes/flusso.ts";
import { ricevute } from "./routes/ricevute.ts";
import { webhook } from "./routes/webhook.ts";
import { documentazione } from "./routes/documentazione.ts";
import { editor } from "./routes/editor.ts";
import { organismi } from "./routes/organismi.ts";
import { procedimenti } from "./routes/procedimenti.ts";
import { regolamenti } from "./routes/regolamenti.ts";
import { senzaStato } from "./routes/senza-stato.ts";
import { conformitaRoute } from "./routes/conformita.ts";

/** 2 MiB: the largest regolamento source is ~100 KiB; a procedure with its history far less. */
export const LIMITE_CORPO = 2 * 1024 * 1024;

/**
 * The API's routes, chained so that their type accumulates: `AppType`, which the typed client
 * (sdk/client.ts, Hono's `hc`) reads. Mounted by creaApp after the middleware.
 */
export function rotteApi(d: Dipendenze) {
  return nuovoRouter()
    .route("/", organismi(d))
    .route("/", regolamenti(d))
    .route("/", procedimenti(d))
    .route("/", concessioni(d))
    .route("/", chiavi(d))
    .route("/", senzaStato(d))
    .route("/", conformitaRoute(d))
    // Issue 14: for client apps.
    .route("/", elenchi(d))
    .route("/", agenda(d))
    .route("/", webhook(d))
    .route("/", flusso(d))
    .route("/", ricevute(d));
}

/** Every route of the API with its inputs and answers (types only: the server is not in a client's bundle). */
export type AppType = ReturnType<typeof rotteApi>;

export function creaApp(d: Dipendenze) {
  const app = nuovoRouter();
  app.onError(gestisciErrore);
  // Outermost on /docs: it amends the policy that the next one sets once the page is rendered.
  app.use("/docs", cspConScriptInLinea());
  app.use("*", intestazioniSicurezza());
  app.notFound((c) => c.json({ errore: { code: "not_found", messaggio: `Percorso ${c.req.method} ${c.req.path} inesistente.` } }, 404));

  // Liveness: the process and its event loop answer (no database: GET /v1/salute checks that too).
  app.get("/health", (c) => c.json({ stato: "ok" }, 200));

  app.use(
    "/v1/*",
    limiteCorpo(LIMITE_CORPO, (c) => c.json({ errore: { code: "payload_too_large", messaggio: `Il corpo supera ${LIMITE_CORPO / 1024 / 1024} MiB.` } }, 413)),
  );
  app.use("/v1/*", limitaAutenticazioniFallite());
  app.use("/v1/*", sottoPressione(d.limiti.sogliaHeap));
  app.use("/v1/*", async (c, next) => {
    c.set("cred", await d.verificatore.verifica(c.req.header("authorization")));
    await next();
  });
  if (d.limiti.anonimiAlMinuto) app.use("/v1/*", limiteAnonimi(d.limiti.anonimiAlMinuto, d.limiti.fidatiProxy, "richieste"));
  if (d.limiti.analisiAnonimeAlMinuto)
    for (const p of ["/v1/check", "/v1/format"]) app.use(p, limiteAnonimi(d.limiti.analisiAnonimeAlMinuto, d.limiti.fidatiProxy, "analisi"));
  app.use("/v1/*", corpoSicuro());

  app.route("/", rotteApi(d));
  documentazione(app);
  editor(app);
  app.get("/v1", (c) => c.json({ documentazione: "/docs", openapi: "/openapi.json" }));
  // A /v1 path with a method no route has: say so in the API's shape (notFound covers the rest).
  app.all("/v1/*", () => {
    throw new ErroreApi(404, "not_found", "Percorso o metodo inesistente.");
  });
  return app;
}
