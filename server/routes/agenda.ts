// The deadline agenda: JSON for a date range, and the iCalendar feed (whole organismo for the
// segreteria, `?mediatore=`, a mediator's or a party's own through their key).
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { feedIcs } from "../agenda/ics.ts";
import { scadenzeVisibili } from "../agenda/servizio.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { IdOrganismo } from "../schemi.ts";
import { Agenda, FiltriAgenda, FiltriFeed, IndirizzoFeed } from "../schemi-clienti.ts";
import { tokenFeed } from "../agenda/indirizzo-feed.ts";
import { impronta } from "../auth/chiave.ts";
import { chiaveDellIntestazione } from "../auth/verifica.ts";

const P = z.object({ id: IdOrganismo });
const RUOLI = ["segreteria", "mediatore", "parte"] as const;
const campiFeed = z.object({ mediatore: z.string().min(1).max(64).optional() });

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
        request: { params: P, query: FiltriFeed },
        responses: {
          200: { description: "text/calendar", content: { "text/calendar": { schema: z.string() } } },
          ...risposte({}, [400, 401, 403, 404]),
        } }),
      async (c) => {
        const { id } = c.req.valid("param");
        const { token, ...q } = c.req.valid("query");
        // A calendar app subscribes by address: the token stands for the key that asked for it.
        const cred = richiediRuolo(token === undefined ? c.get("cred") : await d.verificatore.verificaFeed(id, token), id, RUOLI);
        const { scadenze: voci } = await scadenzeVisibili(d.database, cred, id, q);
        const chi = q.mediatore ? ` (mediatore ${q.mediatore})` : cred.ruolo === "segreteria" ? "" : ` (${cred.ruolo} ${cred.parte ?? ""})`;
        return c.body(feedIcs(id, `Scadenze ${id}${chi}`, voci), 200, { "content-type": "text/calendar; charset=utf-8" });
      },
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/scadenze.ics/indirizzo", tags: tag, security: sicurezza,
        summary: "L'indirizzo di abbonamento al calendario della chiave che chiede (per Google, Apple, Outlook, che non mandano `Authorization`): le stesse scadenze che la chiave vede, in sola lettura; vale finché la chiave non è revocata",
        request: { params: P, query: campiFeed },
        responses: risposte({ 200: [IndirizzoFeed, "Indirizzo e token"] }, [400, 401, 403, 404]) }),
      (c) => {
        const { id } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, RUOLI);
        // The key was verified by the middleware: its hash keys the token.
        const token = tokenFeed(id, cred.id, impronta(chiaveDellIntestazione(c.req.header("authorization") ?? "")!));
        const { mediatore } = c.req.valid("query");
        const filtri = new URLSearchParams({ ...(mediatore ? { mediatore } : {}), token });
        return c.json({ indirizzo: `/v1/organismi/${id}/scadenze.ics?${filtri}`, token }, 200);
      },
    );
}
