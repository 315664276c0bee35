// What every route module receives, and the router type with the API's validation hook.
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Verificatore } from "./auth/verifica.ts";
import type { Credenziale } from "./auth/credenziale.ts";
import type { Registro } from "./catalogo/registro.ts";
import type { Database } from "./db/open.ts";
import type { Motore } from "./engine-adapter.ts";
import type { Analizzatore } from "./lavoro/analisi.ts";
import type { Limiti } from "./limiti/configurazione.ts";
import { Errore } from "./schemi.ts";

export interface Dipendenze {
  database: Database;
  motore: Motore;
  registro: Registro;
  verificatore: Verificatore;
  /** Parsing and compiling, off the event loop (worker threads with a time limit). */
  analisi: Analizzatore;
  limiti: Limiti;
  /** How actions were written since start (GET /v1/salute): one round trip, or with the row lock. */
  statistiche: { azioniUnTempo: number; azioniConLock: number };
}

export type Env = { Variables: { cred: Credenziale } };

export function nuovoRouter(): OpenAPIHono<Env> {
  return new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((i) => ({ percorso: i.path.join("."), messaggio: i.message, code: i.code }));
      return c.json(
        { errore: { code: "invalid_request", messaggio: `Richiesta non valida: ${issues.map((i) => `${i.percorso || "corpo"}: ${i.messaggio}`).join("; ")}`, dettagli: issues } },
        400,
      );
    },
  });
}

const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { "application/json": { schema } }, description });
type Json<S extends z.ZodType> = ReturnType<typeof json<S>>;
type CodiceErrore = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;
type Risposte<O, E extends readonly CodiceErrore[]> = { [K in keyof O]: O[K] extends readonly [infer S extends z.ZodType, string] ? Json<S> : never } & {
  [K in E[number]]: Json<typeof Errore>;
};

/**
 * Response entries for createRoute: the success ones given, the error ones shared. Typed per status
 * (not a `Record<number, …>`), so the routes' types — and the typed client (sdk/client.ts) — know
 * which statuses each route answers and with which schema.
 */
export function risposte<const O extends { [s: number]: readonly [z.ZodType, string] }, const E extends readonly CodiceErrore[] = readonly [400]>(
  ok: O,
  errori?: E,
): Risposte<O, E> {
  const out: Record<number, Json<z.ZodType>> = {};
  for (const [s, [schema, d]] of Object.entries(ok)) out[Number(s)] = json(schema, d);
  const testi: Record<number, string> = {
    400: "Richiesta non valida", 401: "Chiave mancante o non valida", 403: "Ruolo non autorizzato",
    404: "Non trovato (anche: dati di un altro organismo)", 409: "Conflitto (versione attesa superata, versione pubblicata, chiave di idempotenza riusata)",
    413: "Corpo troppo grande", 415: "Tipo di contenuto non supportato", 422: "Non eseguibile (azione negata dal regolamento, bozza con errori)",
  };
  for (const s of errori ?? [400]) out[s] = json(Errore, testi[s]!);
  return out as Risposte<O, E>;
}

/** Bearer auth for the OpenAPI document. */
export const sicurezza = [{ chiave: [] as string[] }];
