// The deadline agenda: JSON for a date range, and the iCalendar feed (whole organismo for the
// segreteria, `?mediatore=`, a mediator's or a party's own through their key).
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { feedIcs } from "../agenda/ics.ts";
import { scadenzeVisibili } from "../agenda/servizio.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { IdOrganismo } from "../schemi.ts";
import { Agenda, FiltriAgenda } from "../schemi-clienti.ts";

const P = z.object({ id: IdOrganismo });
const RUOLI = ["segreteria", "mediatore", "parte"] as const;

export function agenda(d: Dipendenze) {
  const app = nuovoRouter();
  const tag = ["agenda"];

  return app
    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/scadenze", tags: tag, security: sicurezza,
        summary: "Le scadenze aperte dei procedimenti visibili con `entro` nell'intervallo [dal, al] (al più un anno)",
        request: { params: P, query: FiltriAgenda },
        responses: risposte({ 200: [Agenda, "Scadenze, dalla più vicina"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, RUOLI);
        return c.json(await scadenzeVisibili(d.database, cred, id, c.req.valid("query")), 200);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/scadenze.ics", tags: tag, security: sicurezza,
        summary: "Le stesse scadenze come calendario iCalendar (RFC 5545): un evento di un giorno per scadenza, UID stabili",
        request: { params: P, query: FiltriAgenda },
        responses: {
          200: { description: "text/calendar", content: { "text/calendar": { schema: z.string() } } },
          ...risposte({}, [400, 401, 403, 404]),
        } }),
      async (c) => {
        const { id } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, RUOLI);
        const q = c.req.valid("query");
        const { scadenze: voci } = await scadenzeVisibili(d.database, cred, id, q);
        const chi = q.mediatore ? ` (mediatore ${q.mediatore})` : cred.ruolo === "segreteria" ? "" : ` (${cred.ruolo} ${cred.parte ?? ""})`;
        return c.body(feedIcs(id, `Scadenze ${id}${chi}`, voci), 200, { "content-type": "text/calendar; charset=utf-8" });
      },
    );
}
