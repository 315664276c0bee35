// The stateless verbs: public, nothing stored. evaluate · compare · check · format · matrice.
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { inTenant } from "../db/tenant.ts";
import { oggi } from "../catalogo/registro.ts";
import type { Context } from "hono";
import { nuovoRouter, risposte, type Dipendenze, type Env } from "../contesto.ts";
import { pendenzaDi, type Domanda, type Prepared } from "../engine-adapter.ts";
import { ErroreApi } from "../errori/errore.ts";
import { Confronto, DataGiorno, Domanda as DomandaSchema, IdOrganismo, Lista, Oggetto } from "../schemi.ts";
import { corpoSorgente, leggiSorgente } from "./sorgente.ts";

export function senzaStato(d: Dipendenze) {
  const app = nuovoRouter();

  /** Without a responsabile's (or the administrator's) key, a source is capped (a 1.4 MB one costs seconds of CPU). */
  function entroIlLimite(c: Context<Env>, sorgente: string): string {
    const cred = c.get("cred");
    const fidato = cred.tipo === "amministratore" || (cred.tipo === "chiave" && cred.ruolo === "responsabile");
    const massimo = d.limiti.sorgenteAnonimaMassima;
    if (!fidato && Buffer.byteLength(sorgente) > massimo)
      throw new ErroreApi(413, "source_too_large", `Senza una chiave di responsabile il sorgente può avere al più ${Math.round(massimo / 1024)} KB: dividilo, o usa la chiave.`);
    return sorgente;
  }

  /** The version that judges a question: the one named, else the one in force at deposito_domanda. */
  /** Inside `d.registro.usa([organismo])`. */
  function preparato(organismo: string, q: Domanda): Prepared {
    if (!d.registro.ha(organismo)) throw new ErroreApi(404, "not_found", `Organismo ${organismo} non trovato (o senza versioni pubblicate).`);
    const deposito = q.procedimento.eventi?.find((e) => e.azione === "deposito_domanda")?.data ?? q.data ?? oggi();
    // The law's version: at the deposit, or a later one governing the procedures pending at its date (engine/catalog.ts).
    const at = { ...(q.versione ? { versione: q.versione } : {}), date: deposito.slice(0, 10), pendenza: pendenzaDi(q) };
    const p = d.registro.preparato(organismo, at);
    if (!p)
      throw new ErroreApi(422, "no_regolamento_in_force", q.versione
        ? `La versione ${q.versione} di ${organismo} non esiste o non è pubblicata.`
        : `Nessuna versione di ${organismo} era in vigore il ${deposito.slice(0, 10)}.`);
    return p;
  }

  return app
    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/evaluate", tags: ["motore"], summary: "Una domanda, una risposta (nulla è registrato)",
        request: { params: z.object({ id: IdOrganismo }), body: { required: true, content: { "application/json": { schema: DomandaSchema } } } },
        responses: risposte({ 200: [Oggetto, "La risposta (docs/contratto.md)"] }, [400, 404, 413, 422]) }),
      async (c) => {
        const q = c.req.valid("json") as Domanda;
        const id = c.req.valid("param").id;
        const p = await d.registro.usa([id], () => preparato(id, q));
        const r = d.motore.evaluate(p, q);
        // Only a denial pays for the search of what would allow it.
        if (r.esito === "negato") r.per_consentire = d.motore.perConsentire(p, q, r);
        return c.json(r as unknown as Record<string, unknown>, 200);
      },
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/compare", tags: ["motore"], summary: "Una domanda, più organismi: una risposta per organismo",
        request: { body: { required: true, content: { "application/json": { schema: Confronto } } } },
        responses: risposte({ 200: [Lista, "Una risposta per organismo"] }, [400, 404, 413, 422]) }),
      async (c) => {
        const { organismi, domanda } = c.req.valid("json");
        const q = domanda as Domanda;
        const ps = await d.registro.usa(organismi, () => organismi.map((o) => preparato(o, q)));
        const risposte = d.motore.compare(ps, q);
        // The simulator shows, for each denial, what would allow the action.
        risposte.forEach((x, i) => { if (x.risposta.esito === "negato") x.risposta.per_consentire = d.motore.perConsentire(ps[i]!, q, x.risposta); });
        return c.json(risposte as unknown as Record<string, unknown>[], 200);
      },
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/check", tags: ["linguaggio"], summary: "Diagnostica di un sorgente (con le basi che applica)",
        request: { body: corpoSorgente }, responses: risposte({ 200: [Oggetto, "{ diagnostics }"] }, [400, 413, 415]) }),
      async (c) => {
        const sorgente = entroIlLimite(c, await leggiSorgente(c));
        const h = await d.analisi.intestazione(sorgente);
        const bases = await d.registro.usa(h?.applica ?? [], () => d.registro.basi(h));
        return c.json({ diagnostics: await d.analisi.check(sorgente, bases) }, 200);
      },
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/format", tags: ["linguaggio"], summary: "Formattazione canonica (text assente se ci sono errori di sintassi)",
        request: { body: corpoSorgente }, responses: risposte({ 200: [Oggetto, "{ text, diagnostics }"] }, [400, 413, 415]) }),
      async (c) => c.json((await d.analisi.format(entroIlLimite(c, await leggiSorgente(c)))) as Record<string, unknown>, 200),
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/matrice", tags: ["motore"], summary: "Matrice di confronto (tutti gli organismi se `organismi` manca)",
        request: { query: z.object({ organismi: z.string().max(2000).optional(), data: DataGiorno.optional() }) },
        responses: risposte({ 200: [Oggetto, "Matrix"] }, [400, 404]) }),
      async (c) => {
        const { organismi, data } = c.req.valid("query");
        const giorno = data ?? oggi();
        const ids = organismi ? organismi.split(",").map((x) => x.trim()).filter(Boolean) : await elencoOrganismi(d);
        return d.registro.usa(ids, () => {
          const ps: Prepared[] = [];
          for (const id of ids) {
            const p = d.registro.preparato(id, { date: giorno });
            if (p) ps.push(p);
            else if (organismi) throw new ErroreApi(404, "not_found", `Organismo ${id} senza versione in vigore il ${giorno}.`);
          }
          return c.json(d.motore.matrix(ps) as unknown as Record<string, unknown>, 200);
        });
      },
    );
}

async function elencoOrganismi(d: Dipendenze): Promise<string[]> {
  const righe = await inTenant(d.database, null, (tx) =>
    d.database.rows<{ organismo_id: string }>(tx, sql`select organismo_id from organismi where not normativa order by organismo_id`),
  );
  return righe.map((r) => r.organismo_id);
}
