// zod schemas of the client-app routes (issue 14): queries and real response shapes, so the OpenAPI
// document (and the typed client generated from it) knows what each answer holds.
import { z } from "@hono/zod-openapi";
import { ORDINI } from "./elenchi/procedimenti.ts";

const giorno = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "data ISO (AAAA-MM-GG)")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, "data inesistente");
const id = z.string().min(1).max(100);

export const FiltriElenco = z.object({
  fase: z.string().min(1).max(100).optional(),
  parte: id.optional(),
  mediatore: id.optional(),
  depositato_dal: giorno.optional(),
  depositato_al: giorno.optional(),
  scadenza_entro: giorno.optional().openapi({ description: "Procedimenti con una scadenza aperta (anche già superata) entro questo giorno" }),
  ordine: z.enum(ORDINI).optional().openapi({ description: "Colonna di ordinamento, `-` per il verso decrescente (predefinito `-depositato_il`)" }),
  limite: z.coerce.number().int().min(1).max(200).optional().openapi({ description: "Righe per pagina (1–200, predefinito 50)" }),
  cursore: z.string().max(500).optional().openapi({ description: "Il `cursore` della pagina precedente (opaco)" }),
});

export const VoceElenco = z
  .object({
    id: z.string(),
    versione: z.string(),
    revisione: z.number().int(),
    fase: z.string(),
    depositato_il: z.string(),
    parti: z.array(z.string()),
    mediatori: z.array(z.string()),
    prossima_scadenza: z.string().nullable(),
    aggiornato_il: z.string(),
  })
  .openapi("VoceElencoProcedimenti");

export const ElencoProcedimenti = z
  .object({ procedimenti: z.array(VoceElenco), cursore: z.string().nullable().openapi({ description: "Per la pagina seguente; null: era l'ultima" }) })
  .openapi("ElencoProcedimenti");

const campiAgenda = z.object({ dal: giorno.optional(), al: giorno.optional(), mediatore: id.optional() });
const intervallo = <T extends z.ZodType<{ dal?: string | undefined; al?: string | undefined }>>(s: T) =>
  s
    .refine((f) => !f.dal || !f.al || f.dal <= f.al, { message: "`dal` dopo `al`", path: ["al"] })
    .refine((f) => !f.dal || !f.al || Date.parse(f.al) - Date.parse(f.dal) <= 366 * 86_400_000, { message: "intervallo oltre un anno", path: ["al"] });

export const FiltriAgenda = intervallo(campiAgenda);

/** The feed's filters, and the token of a calendar subscription address (agenda/indirizzo-feed.ts). */
export const FiltriFeed = intervallo(
  campiAgenda.extend({
    token: z.string().max(100).optional().openapi({ description: "Il token dell'indirizzo di abbonamento (POST …/scadenze.ics/indirizzo), per i calendari che non mandano `Authorization`" }),
  }),
);

export const IndirizzoFeed = z
  .object({
    indirizzo: z.string().openapi({ description: "Percorso del calendario con il token: da aggiungere all'indirizzo del server" }),
    token: z.string(),
  })
  .openapi("IndirizzoFeed");

export const VoceAgenda = z
  .object({
    procedimento: z.string(),
    nome: z.string(),
    dal: z.string().optional(),
    entro: z.string(),
    cita: z.string(),
    fonte: z.string(),
    parte: z.string().optional(),
    scaduta: z.boolean(),
  })
  .openapi("VoceAgenda");

export const Agenda = z
  .object({ scadenze: z.array(VoceAgenda), troncata: z.boolean().openapi({ description: "Più di 5000 scadenze nell'intervallo: restringilo" }) })
  .openapi("Agenda");

export const NuovoWebhook = z
  .object({
    url: z.string().min(1).max(2000),
    eventi: z.array(z.enum(["azione_registrata", "scadenza_a_giorni", "scadenza_scaduta"])).min(1).max(3),
    giorni: z.array(z.number().int().min(0).max(365)).max(10).optional().openapi({ description: "Per `scadenza_a_giorni`: quanti giorni prima di `entro`" }),
  })
  .openapi("NuovoWebhook");

export const Webhook = z
  .object({ id: z.string(), url: z.string(), eventi: z.array(z.string()), giorni: z.array(z.number().int()), attivo: z.boolean(), creato_il: z.string() })
  .openapi("Webhook");

export const WebhookCreato = Webhook.extend({
  segreto: z.string().openapi({ description: "Mostrato solo ora: firma le consegne (HMAC-SHA256 su `timestamp.corpo`)" }),
}).openapi("WebhookCreato");

export const Consegna = z
  .object({
    id: z.string(),
    consegna: z.string(),
    webhook: z.string(),
    tipo: z.string(),
    evento: z.string(),
    tentativo: z.number().int(),
    status: z.number().int().nullable(),
    errore: z.string().nullable(),
    durata_ms: z.number().int(),
    il: z.string(),
    stato: z.enum(["in_attesa", "consegnata", "fallita"]),
  })
  .openapi("ConsegnaWebhook");

const RegolaDecisiva = z.object({ regola: z.string(), cita: z.string(), fonte: z.string(), esito: z.string().optional(), testo: z.string().optional() });

export const Ricevuta = z
  .object({
    organismo: z.string(),
    procedimento: z.string(),
    evento: z.object({ seq: z.number().int(), azione: z.record(z.string(), z.unknown()), attore: z.unknown(), registrato_il: z.string() }),
    versione: z.object({
      regolamento: z.string(),
      versione: z.string(),
      impronta_ir: z.string().nullable().openapi({ description: "SHA-256 del JSON canonico dell'IR, registrato con l'evento" }),
      impronta_attuale: z.string().nullable(),
      corrisponde: z.boolean(),
    }),
    regole: z.array(RegolaDecisiva),
  })
  .openapi("Ricevuta");

export const Tentativo = z
  .object({
    id: z.string(),
    revisione: z.number().int(),
    azione: z.unknown(),
    attore: z.unknown(),
    versione_regolamento: z.string(),
    registrato_il: z.string(),
    motivi: z.unknown(),
    risposta: z.record(z.string(), z.unknown()),
  })
  .openapi("TentativoNegato");
