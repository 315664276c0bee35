// Bodies the database or the runtime cannot hold, refused before any handler reads them (400, not
// 500): a NUL character (Postgres text and jsonb cannot store U+0000: SQLSTATE 22P05/22021) and JSON
// nested deeper than PROFONDITA_MASSIMA (stringify and jsonb recurse: ≥ 5,000 levels overflow the
// stack). One linear scan of the text, which Hono keeps for the validator's `json()`.
import type { MiddlewareHandler } from "hono";
import { ErroreApi } from "../errori/errore.ts";

/** Procedures, actions and questions need a handful of levels; 64 leaves room for any client's extras. */
export const PROFONDITA_MASSIMA = 64;

export type Difetto = { tipo: "nul" } | { tipo: "profondita"; profondita: number };

/** The first defect of a JSON text, if any: a NUL (raw or `\u0000`), or nesting past the limit. */
export function difettoJson(testo: string, massimo = PROFONDITA_MASSIMA): Difetto | undefined {
  let profondita = 0;
  let inStringa = false;
  for (let i = 0; i < testo.length; i++) {
    const c = testo.charCodeAt(i);
    if (c === 0) return { tipo: "nul" };
    if (inStringa) {
      if (c === 92 /* \ */) {
        if (testo.charCodeAt(i + 1) === 117 /* u */ && testo.startsWith("0000", i + 2)) return { tipo: "nul" };
        i++;
      } else if (c === 34 /* " */) inStringa = false;
    } else if (c === 34) inStringa = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++profondita > massimo) return { tipo: "profondita", profondita };
    } else if (c === 125 || c === 93) profondita--;
  }
  return undefined;
}

export const erroreNul = () =>
  new ErroreApi(400, "nul_character", "Il testo contiene il carattere NUL (U+0000, `\\u0000`), che non si può registrare: toglilo.");

export function corpoSicuro(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const tipo = c.req.header("content-type") ?? "";
    if (/application\/json/i.test(tipo)) {
      const d = difettoJson(await c.req.text());
      if (d?.tipo === "nul") throw erroreNul();
      if (d?.tipo === "profondita")
        throw new ErroreApi(400, "too_deeply_nested", `Il JSON è annidato oltre ${PROFONDITA_MASSIMA} livelli: nessun dato del contratto ne ha bisogno.`);
    } else if (tipo === "" || /^text\//i.test(tipo)) {
      if ((await c.req.text()).includes("\u0000")) throw erroreNul();
    }
    return next();
  };
}
