// `importa`: a regolamento's plain text → a skeleton `.regolamento` and its coverage table at 0%.
// Pure: the caller reads the text and writes the files (cli/importa.ts).
import { format } from "../format.ts";
import { coperturaIniziale } from "./copertura.ts";
import { scheletro, type Intestazione } from "./scheletro.ts";
import { leggiStruttura, type Struttura } from "./struttura.ts";
import { trovaTabelle, type TabellaTrovata } from "./tariffe.ts";

export type { Struttura } from "./struttura.ts";
export { DA_CODIFICARE } from "./scheletro.ts";

export interface Importato {
  sorgente: string;
  copertura: string;
  struttura: Struttura;
  tabelle: TabellaTrovata[];
}

/** The organismo's name and registration number, as the first lines of the text give them. */
function dalPreambolo(s: Struttura): { nome?: string; registro?: number } {
  const testo = s.preambolo.map((r) => r.testo).join(" ");
  const registro = /iscritt[oa][^.]{0,40}?\bn\.?\s*(\d{1,5})\b/i.exec(testo)?.[1];
  const nome = s.preambolo.find((r) => r.testo.length >= 8 && !/^regolamento\b/i.test(r.testo))?.testo;
  return { ...(nome ? { nome } : {}), ...(registro ? { registro: Number(registro) } : {}) };
}

export function importa(testo: string, opts: { id: string; inVigoreDal: string; origine: string; nome?: string }): Importato {
  const struttura = leggiStruttura(testo);
  const tabelle = trovaTabelle(struttura.righe);
  const p = dalPreambolo(struttura);
  const nome = opts.nome ?? p.nome ?? opts.id;
  const h: Intestazione = { id: opts.id, nome, inVigoreDal: opts.inVigoreDal, ...(p.registro !== undefined ? { registro: p.registro } : {}) };
  const grezzo = scheletro(struttura, tabelle, h, opts.origine);
  // The canonical layout; on the off chance the text makes the skeleton unparsable, the raw one
  // is returned and `check` shows where.
  const sorgente = format(grezzo).text ?? grezzo;
  return { sorgente, copertura: coperturaIniziale(struttura, opts.id, nome), struttura, tabelle };
}
