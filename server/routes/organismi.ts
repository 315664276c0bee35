// GET /v1/organismi (public) · POST /v1/organismi (amministratore) · GET /v1/salute.
import { createRoute } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { richiediAmministratore } from "../auth/permessi.ts";
import { oggi } from "../catalogo/registro.ts";
import { inTenant } from "../db/tenant.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { Lista, NuovoOrganismo, Oggetto } from "../schemi.ts";

export function organismi(d: Dipendenze) {
  const app = nuovoRouter();

  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/v1/organismi",
        tags: ["organismi"],
        summary: "Gli organismi (non le basi normative), con la versione in vigore oggi",
        responses: risposte({ 200: [Lista, "Elenco"] }, []),
      }),
      async (c) => {
        const righe = await inTenant(d.database, null, (tx) =>
          d.database.rows<{ organismo_id: string; nome: string; registro: string | null }>(
            tx,
            sql`select organismo_id, nome, registro from organismi where not normativa order by organismo_id`,
          ),
        );
        const data = oggi();
        return c.json(
          righe.map((r) => ({ id: r.organismo_id, nome: r.nome, registro: r.registro, versione_in_vigore: d.registro.versioneInVigore(r.organismo_id, data) ?? null })),
          200,
        );
      },
    )

    .openapi(
      createRoute({
        method: "post",
        path: "/v1/organismi",
        tags: ["organismi"],
        summary: "Crea un organismo (amministratore)",
        security: sicurezza,
        request: { body: { required: true, content: { "application/json": { schema: NuovoOrganismo } } } },
        responses: risposte({ 201: [Oggetto, "Creato"] }, [400, 401, 403, 409]),
      }),
      async (c) => {
        richiediAmministratore(c.get("cred"));
        const o = c.req.valid("json");
        await inTenant(d.database, o.id, (tx) =>
          tx.execute(sql`insert into organismi (organismo_id, nome, registro) values (${o.id}, ${o.nome}, ${o.registro ?? null})`),
        );
        return c.json({ id: o.id, nome: o.nome, registro: o.registro ?? null, versione_in_vigore: null }, 201);
      },
    )

    .openapi(
      createRoute({
        method: "get",
        path: "/v1/salute",
        tags: ["servizio"],
        summary: "Il server risponde e il database anche",
        responses: risposte({ 200: [Oggetto, "{ stato, database, versioni }"] }, []),
      }),
      async (c) => {
        await inTenant(d.database, null, (tx) => tx.execute(sql`select 1`));
        const versioni = d.registro.catalog.ids().reduce((n, id) => n + d.registro.catalog.intestazioni(id).length, 0);
        return c.json({ stato: "ok", database: d.database.driver, versioni, azioni: { ...d.statistiche } }, 200);
      },
    );
}
