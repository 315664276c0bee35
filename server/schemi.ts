// zod schemas of every body and answer (they also write /openapi.json). Domain shapes are open
// (`passthrough`): the contract lets clients add fields; the engine reads what it knows.
import { z } from "@hono/zod-openapi";
import { limitiAzione, limitiProcedimento } from "./procedimenti/campi.ts";

const dataIso = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, "data ISO (AAAA-MM-GG)")
  .refine((s) => {
    // Date.parse("2026-02-30") rolls over to March: a real date survives the round trip.
    const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
  }, "data inesistente");

/** A day in a query string (`?data=`): the same check as in bodies (2026-02-30 is refused). */
export const DataGiorno = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "data AAAA-MM-GG")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "data inesistente");

const nome = z.string().min(1).max(100).regex(/^[a-z][a-z0-9_]*$/, "minuscole, cifre e _");
const idBreve = z.string().min(1).max(100);

export const IdOrganismo = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "minuscole, cifre e trattini")
  .openapi({ example: "velletri" });

export const Azione = z
  .looseObject({
    azione: nome.openapi({ example: "adesione" }),
    data: dataIso.optional(),
    parte: idBreve.optional(),
    ruolo: z.string().max(40).optional(),
  })
  .openapi("Azione");

export const Parte = z.looseObject({ id: idBreve, ruolo: z.enum(["istante", "invitata"]) }).openapi("Parte");

export const Procedimento = z
  .looseObject({
    materia: z.string().max(100).optional(),
    tipo: z.enum(["obbligatoria", "demandata", "clausola", "volontaria"]).optional(),
    valore: z.number().finite().nonnegative().nullable().optional(),
    parti: z.array(Parte).max(200).optional(),
    mediatore: z.looseObject({ id: idBreve.optional() }).optional(),
    eventi: z.array(Azione.superRefine(limitiAzione)).max(10_000).optional(),
  })
  .openapi("Procedimento");

/** The regolamento's parameters set for one question: the other reading of an ambiguous comma. */
const Parametri = z
  .record(z.string().max(64), z.union([z.number(), z.string().max(200), z.boolean(), z.array(z.string().max(200)).max(100)]))
  .openapi("Parametri", { description: "Parametri del regolamento posti per questa domanda (la lettura di un testo ambiguo); la traccia li elenca." });

export const Domanda = z
  .looseObject({ data: dataIso.optional(), procedimento: Procedimento.superRefine(limitiProcedimento), azione: Azione.superRefine(limitiAzione).optional(), versione: z.string().max(64).optional(), parametri: Parametri.optional() })
  .openapi("Domanda");

/** Initial events of a new procedure: more are recorded as actions (each is judged on the ones before it). */
export const MASSIMO_EVENTI_INIZIALI = 500;

/** A new procedure: its events start with deposito_domanda (dated: it picks the regolamento version). */
export const NuovoProcedimento = Procedimento.extend({
  parti: z.array(Parte).min(1).max(200),
  eventi: z
    .array(Azione.superRefine(limitiAzione))
    .min(1)
    .max(MASSIMO_EVENTI_INIZIALI, `al più ${MASSIMO_EVENTI_INIZIALI} eventi iniziali: registra gli altri come azioni (POST …/azioni)`),
})
  .superRefine(limitiProcedimento)
  .refine((p) => p.eventi[0]?.azione === "deposito_domanda" && typeof p.eventi[0]?.data === "string", {
    message: "il primo evento deve essere deposito_domanda, con la sua data",
    path: ["eventi", 0],
  })
  .refine((p) => new Set(p.parti.map((x) => x.id)).size === p.parti.length, { message: "id delle parti duplicati", path: ["parti"] })
  .openapi("NuovoProcedimento");

export const RichiestaAzione = Azione.extend({
  /** The procedure's `revisione` the client saw: stale → 409. */
  versione_attesa: z.number().int().nonnegative().optional(),
})
  .superRefine(limitiAzione)
  .openapi("RichiestaAzione");

export const Confronto = z
  .object({ organismi: z.array(IdOrganismo).min(1).max(50), domanda: Domanda })
  .openapi("Confronto");

export const Sorgente = z
  .object({ sorgente: z.string().max(2_000_000) })
  .openapi("Sorgente", { description: "Il testo di un file .regolamento (oppure il corpo text/plain)" });

export const NuovaChiave = z
  .object({
    organismo: IdOrganismo,
    ruolo: z.enum(["responsabile", "segreteria", "mediatore", "parte"]),
    parte: idBreve.optional(),
    procedimento: idBreve.optional(),
  })
  .refine((k) => (k.ruolo !== "parte" && k.ruolo !== "mediatore") || k.parte !== undefined, {
    message: "una chiave di parte o di mediatore indica `parte` (l'id della parte o del mediatore)",
    path: ["parte"],
  })
  .openapi("NuovaChiave");

export const NuovoOrganismo = z
  .object({ id: IdOrganismo, nome: z.string().min(1).max(300), registro: z.string().max(40).optional() })
  .openapi("NuovoOrganismo");

export const Errore = z
  .object({ errore: z.object({ code: z.string(), messaggio: z.string(), dettagli: z.unknown().optional() }) })
  .openapi("Errore");

/** Answers are documented as open objects: their shapes are docs/contratto.md's. */
export const Oggetto = z.record(z.string(), z.unknown());
export const Lista = z.array(z.record(z.string(), z.unknown()));

/** `Idempotency-Key` on the POSTs that store. */
export const intestazioniIdempotenza = z.object({
  "idempotency-key": z.string().optional().openapi({ description: "Un nuovo tentativo con la stessa chiave riceve la prima risposta e non registra nulla" }),
});
