// GET /v1/organismi/{id}/procedimenti: the procedures a key sees, with filters, ordering and pages.
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { elencaProcedimenti } from "../elenchi/procedimenti.ts";
import { IdOrganismo } from "../schemi.ts";
import { ElencoProcedimenti, FiltriElenco } from "../schemi-clienti.ts";

export function elenchi(d: Dipendenze) {
  const app = nuovoRouter();
  return app
    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/procedimenti", tags: ["procedimenti"], security: sicurezza,
        summary: "I procedimenti visibili alla chiave (segreteria: tutti; mediatore: i suoi; parte: i suoi), filtrati, ordinati, a pagine con cursore",
        request: { params: z.object({ id: IdOrganismo }), query: FiltriElenco },
        responses: risposte({ 200: [ElencoProcedimenti, "Una pagina"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria", "mediatore", "parte"]);
        return c.json(await elencaProcedimenti(d.database, cred, id, c.req.valid("query")), 200);
      },
    );
}
