// Turns anything thrown in a handler into the API's error JSON. Bad input must never surface as a
// 500: malformed JSON, oversized bodies and database constraint errors caused by input map to 4xx.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ErroreApi, ErroreRiprova, RispostaRifiutata } from "./errore.ts";

const PER_STATUS: Record<number, [string, string]> = {
  400: ["bad_request", "Richiesta non valida."],
  401: ["unauthorized", "Autenticazione richiesta."],
  403: ["forbidden", "Operazione non consentita con questa chiave."],
  404: ["not_found", "Risorsa non trovata."],
  405: ["method_not_allowed", "Metodo non ammesso su questo percorso."],
  409: ["conflict", "Conflitto con lo stato attuale."],
  413: ["payload_too_large", "Il corpo della richiesta è troppo grande."],
  415: ["unsupported_media_type", "Tipo di contenuto non supportato."],
  422: ["unprocessable", "Richiesta non eseguibile."],
};

/** Postgres SQLSTATEs that can only come from what the client sent. */
function daInput(e: unknown): ErroreApi | undefined {
  const code = (e as { code?: unknown; cause?: { code?: unknown } })?.code ?? (e as { cause?: { code?: unknown } })?.cause?.code;
  if (code === "23505") return new ErroreApi(409, "conflict", "Esiste già una risorsa con questo identificativo.");
  if (code === "23514") return new ErroreApi(409, "immutable", "La risorsa non può essere modificata.");
  if (typeof code === "string" && (/^CONNECT|^CONNECTION_|^ECONN/.test(code) || code === "57P01" || code === "53300"))
    return new ErroreApi(503, "database_unavailable", "Il database non è raggiungibile in questo momento: riprova tra poco.");
  if (code === "22P05") return new ErroreApi(400, "nul_character", "Il testo contiene un carattere che il database non può registrare (NUL, U+0000): toglilo.");
  if (code === "54001") return new ErroreApi(400, "too_deeply_nested", "La richiesta è annidata troppo in profondità per essere registrata.");
  if (code === "22P02" || code === "22001" || code === "22021" || code === "54000")
    return new ErroreApi(400, "bad_request", "Un valore della richiesta non è accettabile.");
  return undefined;
}

export function gestisciErrore(err: unknown, c: Context): Response {
  if (err instanceof RispostaRifiutata) return c.json(err.corpo, err.status);
  if (err instanceof ErroreRiprova) c.header("Retry-After", String(err.riprovaTra));
  if (err instanceof ErroreApi) return c.json(err.corpo(), err.status);
  if (err instanceof HTTPException) {
    const [code, messaggio] = PER_STATUS[err.status] ?? ["error", "Errore."];
    const dettagli = err.message && err.message !== messaggio ? err.message : undefined;
    return c.json({ errore: { code, messaggio: err.status === 400 && /JSON/i.test(err.message) ? "Il corpo non è JSON valido." : messaggio, ...(dettagli ? { dettagli } : {}) } }, err.status as 400);
  }
  if (err instanceof SyntaxError) return c.json({ errore: { code: "invalid_json", messaggio: "Il corpo non è JSON valido." } }, 400);
  // A structure too deep for a recursive step (stringify, a validator): the input's shape, not a fault.
  if (err instanceof RangeError && /call stack/i.test(err.message))
    return c.json({ errore: { code: "too_deeply_nested", messaggio: "La richiesta è annidata troppo in profondità." } }, 400);
  const mapped = daInput(err);
  if (mapped) return c.json(mapped.corpo(), mapped.status);
  console.error("[server] errore interno:", err);
  return c.json({ errore: { code: "internal_error", messaggio: "Errore interno del server." } }, 500);
}
