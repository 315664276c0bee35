// A regolamento source arrives as `text/plain` (the file as is) or JSON `{ "sorgente": "…" }`.
import type { Context } from "hono";
import { ErroreApi } from "../errori/errore.ts";
import { Sorgente } from "../schemi.ts";

export const corpoSorgente = {
  required: false, // true would make zod-openapi run the JSON validator on text/plain too
  content: {
    "text/plain": { schema: Sorgente.shape.sorgente },
    "application/json": { schema: Sorgente },
  },
} as const;

export async function leggiSorgente(c: Context): Promise<string> {
  const tipo = c.req.header("content-type") ?? "";
  if (/application\/json/i.test(tipo)) {
    let corpo: unknown;
    try {
      corpo = await c.req.json();
    } catch {
      throw new ErroreApi(400, "invalid_json", "Il corpo non è JSON valido.");
    }
    const r = Sorgente.safeParse(corpo);
    if (!r.success) throw new ErroreApi(400, "invalid_request", "Serve `{ \"sorgente\": \"…\" }` con il testo del regolamento.");
    return r.data.sorgente;
  }
  if (tipo === "" || /^text\//i.test(tipo)) return c.req.text();
  throw new ErroreApi(415, "unsupported_media_type", "Invia il regolamento come text/plain o JSON { sorgente }.");
}
