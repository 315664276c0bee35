// The record beyond the events: denied attempts (segreteria, responsabile) and an event's receipt
// (JSON, or a printable page with `Accept: text/html` or `?formato=html`).
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { ricevutaHtml } from "../ricevute/html.ts";
import { ServizioRicevute } from "../ricevute/servizio.ts";
import { IdOrganismo } from "../schemi.ts";
import { Ricevuta, Tentativo } from "../schemi-clienti.ts";

const PP = z.object({ id: IdOrganismo, pid: z.string().min(1).max(100) });

export function ricevute(d: Dipendenze) {
  const app = nuovoRouter();
  const s = new ServizioRicevute(d);
  const tag = ["procedimenti"];

  return app
    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/procedimenti/{pid}/tentativi", tags: tag, security: sicurezza,
        summary: "Le azioni negate: chi ha tentato cosa, quando, e la risposta del motore che l'ha rifiutata",
        request: { params: PP }, responses: risposte({ 200: [z.array(Tentativo), "Tentativi negati, dal più vecchio"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const { id, pid } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "responsabile"]);
        return c.json(await s.tentativi(cred, id, pid), 200);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/procedimenti/{pid}/ricevuta/{seq}", tags: tag, security: sicurezza,
        summary: "La ricevuta di un evento: evento, versione e impronta dell'IR che l'ha giudicato, regole decisive con i loro testi (JSON o HTML stampabile)",
        request: { params: PP.extend({ seq: z.coerce.number().int().min(1) }), query: z.object({ formato: z.enum(["json", "html"]).optional() }) },
        responses: {
          ...risposte({ 200: [Ricevuta, "Ricevuta"] }, [400, 401, 403, 404]),
          200: { description: "Ricevuta (JSON, o pagina HTML)", content: { "application/json": { schema: Ricevuta }, "text/html": { schema: z.string() } } },
        } }),
      async (c) => {
        const { id, pid, seq } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "mediatore", "parte"]);
        const r = await s.ricevuta(cred, id, pid, seq);
        const formato = c.req.valid("query").formato;
        const html = formato === "html" || (formato === undefined && /text\/html/.test(c.req.header("accept") ?? ""));
        return html ? c.html(ricevutaHtml(r), 200) : c.json(r, 200);
      },
    );
}
