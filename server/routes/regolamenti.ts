// Versions of an organismo's regolamento. Reading published versions is public; drafts, writes and
// publishing belong to the organismo's responsabile.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { ErroreApi } from "../errori/errore.ts";
import { richiediRuolo } from "../auth/permessi.ts";
import { nuovoRouter, risposte, sicurezza, type Dipendenze } from "../contesto.ts";
import { ServizioRegolamenti } from "../regolamenti/servizio.ts";
import { IdOrganismo, intestazioniIdempotenza, Lista, Oggetto } from "../schemi.ts";
import { improntaRichiesta, validaChiaveIdempotenza } from "../procedimenti/idempotenza.ts";
import { rispondi } from "./rispondi.ts";
import { corpoSorgente, leggiSorgente } from "./sorgente.ts";
import { formaCompilata } from "../regolamenti/forma-compilata.ts";
import { diffSuiProcedimenti, LIMITE_DIFF_CASI } from "../regolamenti/diff-casi.ts";

const Versione = z.string().min(1).max(64).openapi({ example: "2024.1" });
const P = z.object({ id: IdOrganismo });
const CorpoPubblica = z.object({ retroattiva: z.boolean().optional() }).strict();

/** The publish body: absent or empty, or `{ "retroattiva": true|false }`. */
async function corpoPubblica(c: Context): Promise<z.infer<typeof CorpoPubblica>> {
  const testo = (await c.req.text()).trim();
  if (testo === "") return {};
  let valore: unknown;
  try {
    valore = JSON.parse(testo);
  } catch {
    throw new ErroreApi(400, "invalid_json", "Il corpo non è JSON valido: atteso { \"retroattiva\": true } o nessun corpo.");
  }
  const r = CorpoPubblica.safeParse(valore);
  if (!r.success) throw new ErroreApi(400, "invalid_request", "Il corpo della pubblicazione è { \"retroattiva\": true|false } (o nessun corpo).");
  return r.data;
}
const PV = z.object({ id: IdOrganismo, versione: Versione });

export function regolamenti(d: Dipendenze) {
  const app = nuovoRouter();
  const s = new ServizioRegolamenti(d);
  const tag = ["regolamenti"];

  return app
    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/regolamenti", tags: tag, summary: "Le versioni (le bozze solo con una chiave dell'organismo)",
        request: { params: P }, responses: risposte({ 200: [Lista, "Versioni"] }, [400, 401, 404]) }),
      async (c) => c.json(await s.elenco(c.get("cred"), c.req.valid("param").id), 200),
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/regolamenti", tags: tag, summary: "Crea una bozza (risponde con la diagnostica)", security: sicurezza,
        request: { params: P, headers: intestazioniIdempotenza, body: corpoSorgente }, responses: risposte({ 201: [Oggetto, "Bozza creata"] }, [400, 401, 403, 404, 409, 413, 422]) }),
      async (c) => {
        const { id } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["responsabile"]);
        const sorgente = await leggiSorgente(c);
        const idem = { chiave: validaChiaveIdempotenza(c.req.header("idempotency-key"), cred.id), impronta: improntaRichiesta("bozza", id, cred.id, sorgente) };
        return rispondi(c, await s.crea(cred, id, sorgente, idem), 201);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/regolamenti/{versione}", tags: tag, summary: "Una versione: sorgente, forma compilata, diagnostica",
        request: { params: PV }, responses: risposte({ 200: [Oggetto, "Versione"] }, [400, 401, 404]) }),
      async (c) => {
        const { id, versione } = c.req.valid("param");
        return c.json(await s.leggi(c.get("cred"), id, versione), 200);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/regolamenti/{versione}/compilato", tags: tag,
        summary: "La forma compilata di una versione pubblicata e di tutte le versioni delle basi che applica: ciò che serve al motore offline (sdk/dist/motore.js)",
        request: { params: PV }, responses: risposte({ 200: [Oggetto, "{ regolamento, basi }"] }, [400, 404]) }),
      async (c) => {
        const { id, versione } = c.req.valid("param");
        c.header("cache-control", "public, max-age=3600, immutable"); // a published version never changes
        return c.json(await d.registro.usa([id], () => formaCompilata(d.registro, id, versione)), 200);
      },
    )

    .openapi(
      createRoute({ method: "put", path: "/v1/organismi/{id}/regolamenti/{versione}", tags: tag, summary: "Modifica una bozza (409 se pubblicata)", security: sicurezza,
        request: { params: PV, body: corpoSorgente }, responses: risposte({ 200: [Oggetto, "Bozza aggiornata"] }, [400, 401, 403, 404, 409, 413, 422]) }),
      async (c) => {
        const { id, versione } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["responsabile"]);
        return c.json(await s.aggiorna(cred, id, versione, await leggiSorgente(c)), 200);
      },
    )

    .openapi(
      createRoute({ method: "post", path: "/v1/organismi/{id}/regolamenti/{versione}/pubblica", tags: tag, security: sicurezza,
        summary: "Pubblica una bozza: da allora è immutabile. In vigore da una data passata: solo con `retroattiva: true` (corpo o query); stessa data di un'altra pubblicata: 409",
        request: {
          params: PV,
          headers: intestazioniIdempotenza,
          query: z.object({ retroattiva: z.enum(["true", "false"]).optional() }),
          // The optional body `{ "retroattiva": true }` is read by hand (corpoPubblica): an empty body
          // with a JSON content type, as clients send, is no flag rather than a 400.
        },
        responses: risposte({ 200: [Oggetto, "Pubblicata"] }, [400, 401, 403, 404, 409, 422]) }),
      async (c) => {
        const { id, versione } = c.req.valid("param");
        const cred = richiediRuolo(c.get("cred"), id, ["responsabile"]);
        const retroattiva = c.req.valid("query").retroattiva === "true" || (await corpoPubblica(c)).retroattiva === true;
        const idem = { chiave: validaChiaveIdempotenza(c.req.header("idempotency-key"), cred.id), impronta: improntaRichiesta("pubblica", id, versione, cred.id, String(retroattiva)) };
        return rispondi(c, await s.pubblica(cred, id, versione, idem, retroattiva), 200);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/regolamenti/{versione}/diff/{altra}", tags: tag,
        summary: "Differenza testuale (unified diff) e semantica tra due versioni; `altro=<organismo>@<versione>` per un altro organismo",
        request: { params: PV.extend({ altra: Versione }), query: z.object({ altro: z.string().max(140).optional() }) },
        responses: risposte({ 200: [Oggetto, "Differenza"] }, [400, 401, 404]) }),
      async (c) => {
        const { id, versione, altra } = c.req.valid("param");
        return c.json(await s.diff(c.get("cred"), id, versione, altra, c.req.valid("query").altro), 200);
      },
    )

    .openapi(
      createRoute({ method: "get", path: "/v1/organismi/{id}/regolamenti/{versione}/diff/{altra}/casi", tags: tag, security: sicurezza,
        summary: `I procedimenti dell'organismo (gli ultimi depositati, al più ${LIMITE_DIFF_CASI}) valutati con le due versioni (tipicamente la pubblicata e una bozza): esiti, termini e indennità che cambiano, con il totale per voce. Solo il responsabile (o l'amministratore)`,
        request: {
          params: PV.extend({ altra: Versione }),
          query: z.object({ limite: z.coerce.number().int().min(1).max(LIMITE_DIFF_CASI).optional().openapi({ description: `quanti procedimenti, dai più recenti (1–${LIMITE_DIFF_CASI}, predefinito ${LIMITE_DIFF_CASI})` }) }),
        },
        responses: risposte({ 200: [Oggetto, "{ a, b, limite, procedimenti_totali, casi, invariati, cambiati, totali_per_voce, procedimenti }"] }, [400, 401, 403, 404, 422]) }),
      async (c) => {
        const { id, versione, altra } = c.req.valid("param");
        return c.json(await diffSuiProcedimenti({ ...d, regolamenti: s }, c.get("cred"), id, versione, altra, { procedimenti: c.req.valid("query").limite }), 200);
      },
    );
}
