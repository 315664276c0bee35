// POST /v1/organismi/{id}/procedimenti/{pid}/chiavi: the segreteria binds an existing party key to
// one more procedure (a party of several disputes keeps one key). The party key then reads and acts
// on it as its party; without a binding it sees nothing, whatever label its party has.
import { createRoute, z } from "@hono/zod-openapi";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { inTenant } from "../db/tenant.ts";
import { legaChiave, verificaLegame } from "../procedimenti/concessioni.ts";
import { nonTrovatoProcedimento } from "../procedimenti/accesso.ts";
import { ErroreApi } from "../errori/errore.ts";
import { IdOrganismo, Oggetto } from "../schemi.ts";

const PP = z.object({ id: IdOrganismo, pid: z.string().min(1).max(100) });
const Concessione = z
  .object({ chiave: z.string().max(200).openapi({ example: "velletri.0123456789ab", description: "L'id della chiave di parte (`<organismo>.<id>`, come da POST /v1/chiavi)" }) })
  .openapi("Concessione");

export function concessioni(d: Dipendenze) {
  const app = nuovoRouter();
  return app
    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/procedimenti/{pid}/chiavi", tags: ["procedimenti"], security: sicurezza,
        summary: "La segreteria lega una chiave di parte esistente a questo procedimento (201; 200 se già legata)",
        request: { params: PP, body: { required: true, content: { "application/json": { schema: Concessione } } } },
        responses: risposte({ 200: [Oggetto, "Già legata"], 201: [Oggetto, "{ chiave, procedimento, parte }"] }, [400, 401, 403, 404, 422]) }),
      async (c) => {
        const { id, pid } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["segreteria"]);
        if (cred.procedimento !== undefined && cred.procedimento !== pid) throw nonTrovatoProcedimento();
        const m = /^([a-z0-9_][a-z0-9_-]{0,63})\.([0-9a-f]{12})$/.exec(c.req.valid("json").chiave);
        if (!m || m[1] !== id) throw new ErroreApi(404, "not_found", "Chiave non trovata (l'id ha la forma <organismo>.<id>, dello stesso organismo).");
        const chiaveId = m[2]!;
        const { parte, nuova } = await inTenant(d.database, id, async (tx) => {
          const parte = await verificaLegame(d.database, tx, id, chiaveId, pid);
          return { parte, nuova: await legaChiave(tx, id, chiaveId, pid, cred.id) };
        });
        d.verificatore.dimentica(`${id}.${chiaveId}`);
        return c.json({ chiave: `${id}.${chiaveId}`, procedimento: pid, parte }, nuova ? 201 : 200);
      },
    );
}
