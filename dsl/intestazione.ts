// readHeader: the identity of a file (id, versione, in vigore dal, applica) without compiling it,
// for loaders and catalogues that pick versions by date. Works even when the body has errors.
import { parse } from "./parse.ts";

export interface Header {
  id: string;
  versione: string;
  inVigoreDal: string;
  applica: string[];
}

export function readHeader(source: string): Header | undefined {
  const h = parse(source).ast?.intestazione;
  if (!h?.id || !h.versione || !h.inVigoreDal) return undefined;
  return { id: h.id.testo, versione: h.versione.testo, inVigoreDal: h.inVigoreDal.testo, applica: h.applica.map((a) => a.testo) };
}
