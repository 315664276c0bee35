// Procedures of an organismo: create, act, read state, read history. Keys of the organismo only;
// parties and mediators see their own procedures.
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { improntaRichiesta, validaChiaveIdempotenza } from "../procedimenti/idempotenza.ts";
import { ServizioProcedimenti } from "../procedimenti/servizio.ts";
import { DataGiorno, IdOrganismo, intestazioniIdempotenza, Lista, NuovoProcedimento, Oggetto, RichiestaAzione } from "../schemi.ts";
import { rispondi } from "./rispondi.ts";
import { RispostaRifiutata } from "../errori/errore.ts";
import { ServizioRicevute } from "../ricevute/servizio.ts";

const P = z.object({ id: IdOrganismo });
const PP = z.object({ id: IdOrganismo, pid: z.string().min(1).max(100) });

export function procedimenti(d: Dipendenze) {
  const app = nuovoRouter();
  const s = new ServizioProcedimenti(d);
  const tentativi = new ServizioRicevute(d);
  const tag = ["procedimenti"];

  return app
    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/procedimenti", tags: tag, security: sicurezza,
        summary: "Apre un procedimento: i suoi eventi iniziano con deposito_domanda (fissa la versione del regolamento)",
        request: { params: P, headers: intestazioniIdempotenza, body: { required: true, content: { "application/json": { schema: NuovoProcedimento } } } },
        responses: risposte({ 201: [Oggetto, "{ id, versione, revisione, …risposta }"] }, [400, 401, 403, 404, 409, 413, 422]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "parte"]);
        const corpo = c.req.valid("json");
        const chiave = validaChiaveIdempotenza(c.req.header("idempotency-key"), cred.id);
        const impronta = improntaRichiesta("crea", id, cred.id, JSON.stringify(corpo));
        return rispondi(c, await s.crea(cred, id, corpo, chiave, impronta), 201);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/procedimenti/{pid}", tags: tag, security: sicurezza,
        summary: "Lo stato ora (o a `data`): fase, scadenze, indennità, azioni consentite",
        request: { params: PP, query: z.object({ data: DataGiorno.optional() }) },
        responses: risposte({ 200: [Oggetto, "Stato"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const { id, pid } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "mediatore", "parte"]);
        return c.json(await s.leggi(cred, id, pid, c.req.valid("query").data), 200);
      },
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/procedimenti/{pid}/azioni", tags: tag, security: sicurezza,
        summary: "Un'azione: valutata dal motore e, se consentita, registrata (201); negata: 422 e nulla registrato; `versione_attesa` superata: 409",
        request: { params: PP, headers: intestazioniIdempotenza, body: { required: true, content: { "application/json": { schema: RichiestaAzione } } } },
        responses: risposte({ 201: [Oggetto, "Risposta ed evento registrato"] }, [400, 401, 403, 404, 409, 413, 422]) }),
      async (c) => {
        const { id, pid } = c.req.valid("param");
        // The responsabile only voids a mistaken event (annullamento_evento); the service says so otherwise.
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "mediatore", "parte", "responsabile"]);
        const corpo = c.req.valid("json");
        const chiave = validaChiaveIdempotenza(c.req.header("idempotency-key"), cred.id);
        const impronta = improntaRichiesta("azione", id, pid, cred.id, JSON.stringify(corpo));
        try {
          return rispondi(c, await s.agisci(cred, id, pid, corpo, chiave, impronta), 201);
        } catch (e) {
          // A denied action is recorded too (…/tentativi), with the engine's answer.
          if (e instanceof RispostaRifiutata && (e.corpo.errore as { code?: string } | undefined)?.code === "action_denied")
            await tentativi.registraTentativo(cred, id, pid, corpo, e.corpo);
          throw e;
        }
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/procedimenti/{pid}/eventi", tags: tag, security: sicurezza,
        summary: "Gli eventi registrati, dal più vecchio: chi, quando, versione del regolamento, regole che li hanno consentiti",
        request: { params: PP }, responses: risposte({ 200: [Lista, "Eventi"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const { id, pid } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "mediatore", "parte"]);
        return c.json(await s.eventi(cred, id, pid), 200);
      },
    );
}
