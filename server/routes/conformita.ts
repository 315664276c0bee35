// POST /v1/conformita: the departures from the law the law does not allow, each with a
// counterexample (engine/analisi/conformita.ts), for a published version (`{ organismo, versione? }`)
// or a draft source (`{ sorgente }`, judged on the baselines it applies). Nothing stored.
import { createRoute, z } from "@hono/zod-openapi";
import { nuovoRouter, risposte, type Dipendenze } from "../contesto.ts";
import { ErroreApi } from "../errori/errore.ts";
import { IdOrganismo, Lista } from "../schemi.ts";

const Richiesta = z.object({
  organismo: IdOrganismo.optional(),
  versione: z.string().max(64).optional(),
  sorgente: z.string().max(1_000_000).optional(),
}).refine((x) => (x.organismo === undefined) !== (x.sorgente === undefined), { message: "indica `organismo` (e facoltativamente `versione`) oppure `sorgente`" });

export function conformitaRoute(d: Dipendenze) {
  const app = nuovoRouter();
  return app
    .openapi(
      createRoute({ method: "post", path: "/v1/conformita", tags: ["linguaggio"], summary: "Conformità alla legge, con controesempi",
        request: { body: { required: true, content: { "application/json": { schema: Richiesta } } } },
        responses: risposte({ 200: [Lista, "[{ codice, gravita, regola, regola_legge, messaggio, controesempio }]"] }, [400, 404, 413, 422]) }),
      async (c) => {
        const { organismo, versione, sorgente } = c.req.valid("json");
        if (sorgente !== undefined) {
          await d.motore.lingua();
          const h = d.motore.readHeader(sorgente);
          return d.registro.usa(h?.applica ?? [], () => {
            const { regolamento, diagnostics } = d.motore.compile(sorgente, d.registro.basi(h));
            if (!regolamento)
              throw new ErroreApi(422, "invalid_source", `Il sorgente non compila: ${diagnostics.filter((x) => x.severity === "error").map((x) => `${x.line}:${x.col} ${x.message}`).slice(0, 5).join("; ")}`, { diagnostics });
            return c.json(d.motore.conformita(d.registro.catalog, regolamento) as unknown as Record<string, unknown>[], 200);
          });
        }
        return d.registro.usa([organismo!], () => {
          const r = versione ? d.registro.versione(organismo!, versione) : d.registro.catalog.versions(organismo!).at(-1);
          if (!r) throw new ErroreApi(404, "not_found", versione ? `La versione ${versione} di ${organismo} non esiste.` : `Organismo ${organismo} non trovato (o senza versioni pubblicate).`);
          return c.json(d.motore.conformita(d.registro.catalog, r) as unknown as Record<string, unknown>[], 200);
        });
      },
    );
}
