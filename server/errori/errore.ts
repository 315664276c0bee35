// The one error shape of the API: `{ errore: { code, messaggio, dettagli? } }`. Codes are English
// and stable (clients switch on them); messages are Italian sentences a person can act on.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type StatusErrore = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface CorpoErrore {
  errore: { code: string; messaggio: string; dettagli?: unknown };
}

export class ErroreApi extends Error {
  constructor(
    readonly status: StatusErrore,
    readonly code: string,
    readonly messaggio: string,
    readonly dettagli?: unknown,
  ) {
    super(`${status} ${code}: ${messaggio}`);
  }
  corpo(): CorpoErrore {
    return { errore: { code: this.code, messaggio: this.messaggio, ...(this.dettagli === undefined ? {} : { dettagli: this.dettagli }) } };
  }
}

/** A refusal a client may retry later: the answer carries `Retry-After` (seconds). */
export class ErroreRiprova extends ErroreApi {
  constructor(status: 429 | 503, code: string, messaggio: string, readonly riprovaTra: number) {
    super(status, code, messaggio);
  }
}

/** A refusal that carries a full body (the engine's answer on a denied action). */
export class RispostaRifiutata extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly corpo: Record<string, unknown>) {
    super(`risposta ${status}`);
  }
}

export const nonTrovato = (cosa: string) => new ErroreApi(404, "not_found", `${cosa} non trovato.`);
export const nonAutenticato = () =>
  new ErroreApi(401, "unauthorized", "Serve una chiave valida: intestazione `Authorization: Bearer <chiave>`.");
export const vietato = (perche: string) => new ErroreApi(403, "forbidden", perche);
