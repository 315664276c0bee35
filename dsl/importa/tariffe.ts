// Fee tables in a regolamento's text: runs of bracket lines such as
//   "Fino a Euro 1.000: Euro 43.33;"  "da Euro 1.001 a Euro 5.000: Euro 86,66;"  "oltre Euro 5.000.000: Euro 4.600."
// Each table found becomes a `tariffa` draft for the author to complete (voce, quando, iva).
import type { Riga } from "./righe.ts";

export interface Scaglione {
  /** The bracket's upper bound in euro (inclusive); undefined for "oltre". */
  fino?: number;
  importo: number;
}

export interface TabellaTrovata {
  /** First and last line of the table in the source text (1-based). */
  dal: number;
  al: number;
  scaglioni: Scaglione[];
}

const EURO = String.raw`(?:euro|eur|€)`;
const CIFRA = String.raw`(\d{1,3}(?:[.\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const FINO = new RegExp(String.raw`^(?:fino\s+a|sino\s+a|fino\s+ad|da\s+${EURO}?\s*${CIFRA}\s+a)\s*${EURO}?\s*${CIFRA}\s*[:.,;–-]?\s*${EURO}\s*${CIFRA}`, "i");
const OLTRE = new RegExp(String.raw`^oltre\s*${EURO}?\s*${CIFRA}\s*[:.,;–-]?\s*${EURO}\s*${CIFRA}`, "i");
/** A table has at least this many brackets: two amounts in a sentence are not a table. */
const MINIMO = 3;

/**
 * An Italian amount as written in these texts: "1.000" and "1 000" are thousands, "43.33" and
 * "86,66" have cents (a dot followed by two digits at the end is a decimal point in OCR'd tables).
 */
export function importo(s: string): number {
  const t = s.replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^\d+[.,]\d{1,2}$/.test(t)) return Number(t.replace(",", "."));
  return Number(t.replace(/[.,]/g, ""));
}

function scaglione(testo: string): Scaglione | undefined {
  const f = FINO.exec(testo);
  if (f) return { fino: importo(f[2]!), importo: importo(f[3]!) };
  const o = OLTRE.exec(testo);
  if (o) return { importo: importo(o[2]!) };
  return undefined;
}

export function trovaTabelle(righe: Riga[]): TabellaTrovata[] {
  const out: TabellaTrovata[] = [];
  let corrente: TabellaTrovata | undefined;
  const chiudi = () => {
    if (corrente && corrente.scaglioni.length >= MINIMO) out.push(corrente);
    corrente = undefined;
  };
  for (const r of righe) {
    const s = scaglione(r.testo);
    if (!s) { chiudi(); continue; }
    corrente ??= { dal: r.n, al: r.n, scaglioni: [] };
    corrente.scaglioni.push(s);
    corrente.al = r.n;
    if (s.fino === undefined) chiudi(); // "oltre" ends a table
  }
  chiudi();
  return out;
}
