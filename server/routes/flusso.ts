// GET …/procedimenti/{pid}/flusso: Server-Sent Events of a procedure's new events, for live UIs.
// Same visibility and redaction as GET …/eventi (it reads through the same service, so a key that
// loses access sees the stream end). Each event is `event: evento`, `id: <seq>`, data the event as
// …/eventi gives it; a reconnecting browser sends Last-Event-ID and gets what it missed. The stream
// polls the history (works across servers, no broker); a comment every 15 s keeps proxies open.
import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { ServizioProcedimenti } from "../procedimenti/servizio.ts";
import { IdOrganismo } from "../schemi.ts";

/** How often the stream looks for new events, and how long one connection lives (then the browser reconnects). */
export const FLUSSO = { intervalloMs: 500, durataMassimaMs: 10 * 60_000, battitoMs: 15_000 };

export function flusso(d: Dipendenze) {
  const app = nuovoRouter();
  const s = new ServizioProcedimenti(d);
  return app
    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/procedimenti/{pid}/flusso", tags: ["procedimenti"], security: sicurezza,
        summary: "Server-Sent Events: i nuovi eventi del procedimento man mano che sono registrati (dopo `dal_seq` o Last-Event-ID)",
        request: {
          params: z.object({ id: IdOrganismo, pid: z.string().min(1).max(100) }),
          query: z.object({ dal_seq: z.coerce.number().int().min(0).optional().openapi({ description: "Solo gli eventi con seq maggiore (predefinito: quelli nuovi da ora)" }) }),
        },
        responses: { 200: { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } }, ...risposte({}, [400, 401, 403, 404]) } }),
      async (c) => {
        const { id, pid } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "mediatore", "parte"]);
        // Checked before the stream opens: not visible is a 404 like …/eventi.
        const iniziali = await s.eventi(cred, id, pid);
        const ultimo = Number(c.req.header("last-event-id"));
        let visto = Number.isInteger(ultimo) && ultimo >= 0 ? ultimo : (c.req.valid("query").dal_seq ?? iniziali.length);
        return streamSSE(c, async (stream) => {
          let chiuso = false;
          stream.onAbort(() => {
            chiuso = true;
          });
          const inizio = Date.now();
          let battito = Date.now();
          let eventi = iniziali;
          while (!chiuso && Date.now() - inizio < FLUSSO.durataMassimaMs) {
            for (const e of eventi) {
              if (e.seq <= visto) continue;
              await stream.writeSSE({ event: "evento", id: String(e.seq), data: JSON.stringify(e) });
              visto = e.seq;
              battito = Date.now();
            }
            if (Date.now() - battito >= FLUSSO.battitoMs) {
              await stream.write(": battito\n\n");
              battito = Date.now();
            }
            await stream.sleep(FLUSSO.intervalloMs);
            if (chiuso) break;
            try {
              eventi = await s.eventi(cred, id, pid);
            } catch {
              break;
            }
          }
        });
      },
    );
}
