// The typed client of the HTTP API. Its types are the server's own: Hono's `hc` over the chained
// routes (server/app.ts `AppType`, built from the zod schemas of every route), imported as a type
// only, so sdk/dist/client.js holds no server code. On top of `hc`, three things:
// - every answer is a value: `{ ok: true, stato, dati }` or `{ ok: false, stato, errore }` (the
//   server's `{ errore: { code, messaggio, dettagli? } }`), never an exception, a lost network too;
// - the POSTs that store and honour `Idempotency-Key` get one (a random UUID) unless given;
// - network errors, 429 and 503 are retried with backoff (Retry-After when the server says it), but
//   only where a retry cannot record twice: GET/HEAD, and requests carrying an Idempotency-Key.
import { hc, type ClientRequestOptions, type ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { AppType } from "../server/app.ts";
import type { Errore } from "../server/schemi.ts";
import type { z } from "@hono/zod-openapi";

/** The body of every error answer, as the server's schema (server/schemi.ts `Errore`) says. */
export type DettaglioErrore = z.output<typeof Errore>["errore"];

/**
 * The POSTs that store and honour `Idempotency-Key` (server/procedimenti/idempotenza.ts), matched on
 * the path's end so a base URL with a prefix works. sdk/client.test.ts checks this list against the
 * routes that declare the header in /openapi.json.
 */
export const ROTTE_IDEMPOTENTI: readonly RegExp[] = [
  /\/v1\/organismi\/[^/]+\/procedimenti$/,
  /\/v1\/organismi\/[^/]+\/procedimenti\/[^/]+\/azioni$/,
  /\/v1\/organismi\/[^/]+\/regolamenti$/,
  /\/v1\/organismi\/[^/]+\/regolamenti\/[^/]+\/pubblica$/,
];

export interface OpzioniClient {
  /** The API key, sent as `Authorization: Bearer <chiave>`. Absent: public routes only. */
  chiave?: string;
  /** The transport (default: the global fetch). Tests pass one that loses answers. */
  fetch?: typeof fetch;
  /** Retries after the first attempt, where retrying is safe (default 3). */
  tentativi?: number;
  /** First wait before a retry, doubled each time (default 250 ms), capped by attesaMassimaMs (default 10 s, also Retry-After's cap). */
  attesaMs?: number;
  attesaMassimaMs?: number;
}

export interface Successo<T, S extends number> {
  ok: true;
  stato: S;
  dati: T;
  /** The answer (its body already read, except for text/event-stream: read `risposta.body`). */
  risposta: Response;
}

export interface Fallimento<E = DettaglioErrore> {
  ok: false;
  /** The HTTP status; 0 when no answer arrived (network error after the retries). */
  stato: number;
  errore: E;
  risposta?: Response;
}

/**
 * Success answers from the route's declared 2xx responses; the error shape from its declared others.
 * A route whose success is neither JSON nor text/plain (the iCalendar feed, the event stream) has an
 * untyped Response there: its `dati` is the text, or null for a stream (read `risposta.body`).
 */
type Successi<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? T extends Response
        ? Successo<string | null, 200>
        : Successo<F extends "json" ? T : string, S>
      : never
    : never;
type ErroriDichiarati<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? never : T extends { errore: infer E } ? E : never) : never;
export type Esito<R> = Successi<R> | Fallimento<ErroriDichiarati<R> | DettaglioErrore>;

/** `header: { "idempotency-key"?: … }` becomes optional: the client sends the key itself. */
type Allenta<A> = A extends { header: infer H } ? ({} extends H ? Omit<A, "header"> & { header?: H } : A) : A;
type Argomenti<P extends unknown[]> = P extends [infer A, ...infer Resto] ? [Allenta<A>, ...Resto] : P;
type Metodo = "$get" | "$post" | "$put" | "$delete" | "$patch" | "$head" | "$options";

/** hc's client with every method answering an Esito. */
export type Avvolto<T> = {
  [K in keyof T]: K extends Metodo
    ? T[K] extends (...a: infer P) => Promise<infer R>
      ? (...a: Argomenti<P>) => Promise<Esito<R>>
      : never
    : K extends `$${string}`
      ? T[K]
      : Avvolto<T[K]>;
};

const crudo = (base: string, o: ClientRequestOptions) => hc<AppType>(base, o);
export type ClientApi = Avvolto<ReturnType<typeof crudo>>;

/** A client of the server at `base` (e.g. `http://127.0.0.1:3000`). */
export function clientApi(base: string, opzioni: OpzioniClient = {}): ClientApi {
  const headers: Record<string, string> = opzioni.chiave ? { authorization: `Bearer ${opzioni.chiave}` } : {};
  return avvolgi(crudo(base, { headers, fetch: conRiprova(opzioni) }), "") as ClientApi;
}

const METODI = /^\$(get|post|put|delete|patch|head|options)$/;

// hc's client is a Proxy that builds the path from the properties read; this one follows it and
// turns the answer of a method call into an Esito.
function avvolgi(nodo: unknown, chiave: string): unknown {
  return new Proxy(function () {}, {
    get(_, k) {
      // Not a thenable: `await api.v1` must not call anything.
      if (typeof k !== "string" || k === "then") return undefined;
      return avvolgi((nodo as Record<string, unknown>)[k], k);
    },
    apply(_, __, args: unknown[]) {
      const chiama = nodo as (...a: unknown[]) => unknown;
      if (!METODI.test(chiave)) return chiama(...args);
      return (async () => {
        try {
          return await esito((await chiama(...args)) as Response);
        } catch (e) {
          return { ok: false, stato: 0, errore: { code: "network_error", messaggio: `Nessuna risposta dal server: ${(e as Error).message}` } };
        }
      })();
    },
  });
}

async function esito(r: Response): Promise<Successo<unknown, number> | Fallimento> {
  const tipo = r.headers.get("content-type") ?? "";
  if (r.ok) {
    if (/text\/event-stream/i.test(tipo)) return { ok: true, stato: r.status, dati: null, risposta: r };
    const testo = await r.text();
    const dati = /json/i.test(tipo) && testo !== "" ? JSON.parse(testo) : testo;
    return { ok: true, stato: r.status, dati, risposta: r };
  }
  const testo = await r.text();
  let errore: DettaglioErrore | undefined;
  try {
    const corpo = JSON.parse(testo) as { errore?: DettaglioErrore };
    if (corpo.errore && typeof corpo.errore.code === "string") errore = corpo.errore;
  } catch {
    // not JSON: a proxy's page, say
  }
  return { ok: false, stato: r.status, errore: errore ?? { code: `http_${r.status}`, messaggio: testo.slice(0, 500) || r.statusText }, risposta: r };
}

/** The transport: Idempotency-Key where the server honours it, and retries where they are safe. */
function conRiprova(o: OpzioniClient): typeof fetch {
  const trasporto = o.fetch ?? fetch;
  const tentativi = o.tentativi ?? 3;
  const base = o.attesaMs ?? 250;
  const massima = o.attesaMassimaMs ?? 10_000;
  return async (input, init) => {
    const metodo = (init?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const percorso = new URL(url).pathname;
    if (metodo === "POST" && !headers.has("idempotency-key") && ROTTE_IDEMPOTENTI.some((r) => r.test(percorso)))
      headers.set("idempotency-key", uuid());
    const ripetibile = metodo === "GET" || metodo === "HEAD" || headers.has("idempotency-key");
    for (let n = 0; ; n++) {
      const ultimo = !ripetibile || n >= tentativi;
      let r: Response;
      try {
        r = await trasporto(input, { ...init, headers });
      } catch (e) {
        if (ultimo || init?.signal?.aborted) throw e;
        await attendi(Math.min(massima, base * 2 ** n));
        continue;
      }
      if (ultimo || (r.status !== 429 && r.status !== 503)) return r;
      await r.body?.cancel();
      await attendi(Math.min(massima, dopo(r.headers.get("retry-after")) ?? base * 2 ** n));
    }
  };
}

/** A random UUID v4: randomUUID exists only in secure contexts in a browser (not a page over plain http). */
function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Retry-After in ms: seconds, or an HTTP date. */
function dopo(v: string | null): number | undefined {
  if (v === null) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

const attendi = (ms: number) => new Promise<void>((fatto) => setTimeout(fatto, ms));
