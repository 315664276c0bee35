// The list's cursor: opaque to clients (base64url of the last row's sort value and id), checked on
// the way in so a forged or stale one is a 400, never a query error.
import { ErroreApi } from "../errori/errore.ts";

export interface Cursore {
  /** The ordering it was made for: a cursor of another ordering would skip or repeat rows. */
  o: string;
  v: string;
  id: string;
}

export const codifica = (c: Cursore) => Buffer.from(JSON.stringify(c)).toString("base64url");

export function decodifica(testo: string, ordine: string): Cursore {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(testo, "base64url").toString("utf8"));
  } catch {
    c = undefined;
  }
  const ok = typeof c === "object" && c !== null && typeof (c as Cursore).v === "string" && typeof (c as Cursore).id === "string" && (c as Cursore).o === ordine;
  if (!ok) throw new ErroreApi(400, "invalid_cursor", "Cursore non valido per questo elenco: riparti dalla prima pagina (senza `cursore`) con lo stesso `ordine`.");
  return c as Cursore;
}
