// Webhooks (responsabile): register, list, deactivate, delivery log.
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { IdOrganismo } from "../schemi.ts";
import { Consegna, NuovoWebhook, Webhook, WebhookCreato } from "../schemi-clienti.ts";
import { consegne, disattivaWebhook, elencaWebhook, registraWebhook } from "../webhook/servizio.ts";

const P = z.object({ id: IdOrganismo });

export function webhook(d: Dipendenze) {
  const app = nuovoRouter();
  const tag = ["webhook"];

  return app
    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/webhook", tags: tag, security: sicurezza,
        summary: "Registra un webhook: URL e tipi di evento; il segreto di firma è mostrato solo in questa risposta",
        request: { params: P, body: { required: true, content: { "application/json": { schema: NuovoWebhook } } } },
        responses: risposte({ 201: [WebhookCreato, "Il webhook, con il suo segreto"] }, [400, 401, 403, 404, 422]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        richiediRuolo(c.get("cred"), id, ["responsabile"]);
        return c.json(await registraWebhook(d.database, id, c.req.valid("json")), 201);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/webhook", tags: tag, security: sicurezza, summary: "I webhook dell'organismo (senza segreti)",
        request: { params: P }, responses: risposte({ 200: [z.array(Webhook), "Webhook"] }, [401, 403, 404]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        richiediRuolo(c.get("cred"), id, ["responsabile"]);
        return c.json(await elencaWebhook(d.database, id), 200);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/webhook/consegne", tags: tag, security: sicurezza,
        summary: "Il registro dei tentativi di consegna, dal più recente (status HTTP o errore, durata, stato della consegna)",
        request: { params: P, query: z.object({ webhook: z.string().max(100).optional(), limite: z.coerce.number().int().min(1).max(1000).optional() }) },
        responses: risposte({ 200: [z.array(Consegna), "Tentativi"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        richiediRuolo(c.get("cred"), id, ["responsabile"]);
        return c.json(await consegne(d.database, id, c.req.valid("query")), 200);
      },
    )

    .openapi(
      createRoute({ method: "delete", path: "/v1/organismi/{id}/webhook/{wid}", tags: tag, security: sicurezza,
        summary: "Disattiva un webhook (le consegne già registrate restano nel registro)",
        request: { params: z.object({ id: IdOrganismo, wid: z.string().min(1).max(100) }) },
        responses: { 204: { description: "Disattivato" }, ...risposte({}, [401, 403, 404]) } }),
      async (c) => {
        const { id, wid } = c.req.valid("param");
        richiediRuolo(c.get("cred"), id, ["responsabile"]);
        await disattivaWebhook(d.database, id, wid);
        return c.body(null, 204);
      },
    );
}
