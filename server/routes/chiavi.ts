// POST /v1/chiavi issues a key (shown once) · DELETE /v1/chiavi/{id} revokes it. Amministratore only.
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { generaChiave, TENANT_AMMINISTRAZIONE } from "../auth/chiave.ts";
import { richiediAmministratore } from "../auth/permessi.ts";
import { CANALE_REVOCHE } from "../auth/verifica.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { inTenant } from "../db/tenant.ts";
import { ErroreApi } from "../errori/errore.ts";
import { legaChiave, verificaLegame } from "../procedimenti/concessioni.ts";
import { NuovaChiave, Oggetto } from "../schemi.ts";

export function chiavi(d: Dipendenze) {
  const app = nuovoRouter();

  return app
    .openapi(
      createRoute({ method: "post", path: "/v1/chiavi", tags: ["accesso"], security: sicurezza,
        summary: "Emette una chiave per un organismo e un ruolo: la chiave è mostrata solo ora (se ne conserva l'impronta sha-256)",
        request: { body: { required: true, content: { "application/json": { schema: NuovaChiave } } } },
        responses: risposte({ 201: [Oggetto, "{ id, chiave, organismo, ruolo, parte? }"] }, [400, 401, 403, 404]) }),
      async (c) => {
        const cred = c.get("cred");
        richiediAmministratore(cred);
        const k = c.req.valid("json");
        const nuova = generaChiave(k.organismo);
        await inTenant(d.database, k.organismo, async (tx) => {
          const [o] = await d.database.rows<{ normativa: boolean }>(tx, sql`select normativa from organismi where organismo_id = ${k.organismo}`);
          if (!o || o.normativa) throw new ErroreApi(404, "not_found", `Organismo ${k.organismo} non trovato.`);
          if (k.ruolo === "parte" && k.procedimento !== undefined) await verificaLegame(d.database, tx, k.organismo, nuova.id, k.procedimento, k.parte);
          await tx.execute(sql`insert into chiavi (organismo_id, id, hash, ruolo, parte, procedimento)
            values (${k.organismo}, ${nuova.id}, ${nuova.hash}, ${k.ruolo}, ${k.parte ?? null}, ${k.procedimento ?? null})`);
          // A party key reads and acts only where it is bound: here, the procedure it is issued for.
          if (k.ruolo === "parte" && k.procedimento !== undefined) await legaChiave(tx, k.organismo, nuova.id, k.procedimento, `${TENANT_AMMINISTRAZIONE}.${cred.id}`);
        });
        return c.json({ id: `${k.organismo}.${nuova.id}`, chiave: nuova.chiave, organismo: k.organismo, ruolo: k.ruolo,
          ...(k.parte ? { parte: k.parte } : {}), ...(k.procedimento ? { procedimento: k.procedimento } : {}) }, 201);
      },
    )

    .openapi(
      createRoute({ method: "delete", path: "/v1/chiavi/{id}", tags: ["accesso"], security: sicurezza, summary: "Revoca una chiave (`<organismo>.<id>`)",
        request: { params: z.object({ id: z.string().max(200) }) }, responses: risposte({ 200: [Oggetto, "Revocata"] }, [400, 401, 403, 404]) }),
      async (c) => {
        richiediAmministratore(c.get("cred"));
        const { id } = c.req.valid("param");
        const m = /^([a-z0-9_][a-z0-9_-]{0,63})\.([0-9a-f]{12})$/.exec(id);
        if (!m) throw new ErroreApi(404, "not_found", "Chiave non trovata.");
        const [organismo, kid] = [m[1]!, m[2]!];
        const righe = await inTenant(d.database, organismo, async (tx) => {
          const r = await d.database.rows<{ id: string }>(tx, sql`update chiavi set revocata = true where organismo_id = ${organismo} and id = ${kid} returning id`);
          if (r.length) await tx.execute(sql`select pg_notify(${CANALE_REVOCHE}, ${id})`);
          return r;
        });
        if (righe.length === 0) throw new ErroreApi(404, "not_found", "Chiave non trovata.");
        d.verificatore.dimentica(id);
        return c.json({ id, revocata: true }, 200);
      },
    );
}
