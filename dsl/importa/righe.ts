// The lines of a regolamento's plain text (an OCR/PDF or Markdown extraction) as a reader sees them:
// markup, tables of contents, page numbers and page headers repeated inside articles are dropped.
// Each kept line keeps its 1-based number in the source, so every draft can say where it came from.

export interface Riga {
  n: number;
  testo: string;
}

/** A line of a table of contents: "Art. 2 – Domanda di mediazione	Pag. 3". */
const INDICE = /(\bpag\.?\s*\d+|\t\s*\d+)\s*$/i;
/** A page number alone, or "Pagina 3 di 12". */
const NUMERO_DI_PAGINA = /^(pag(ina)?\.?\s*)?\d{1,3}(\s*(di|\/)\s*\d{1,3})?$/i;
/** Lines seen this many times are page headers or footers, not text. */
const RIPETUTA = 3;

function senzaMarkup(s: string): string {
  return s
    .replace(/^\s*#{1,6}\s*/, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|\s)\*(\S)/g, "$1$2")
    .replace(/(\S)\*(\s|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

export function righePulite(testo: string): Riga[] {
  const grezze = testo.replace(/\r\n?/g, "\n").split("\n").map((t, i) => ({ n: i + 1, testo: senzaMarkup(t), indice: INDICE.test(t) }));
  const volte = new Map<string, number>();
  for (const r of grezze) if (r.testo.length >= 12) volte.set(r.testo, (volte.get(r.testo) ?? 0) + 1);
  return grezze
    .filter((r) => r.testo !== "" && !r.indice && !NUMERO_DI_PAGINA.test(r.testo) && (volte.get(r.testo) ?? 0) < RIPETUTA)
    .map(({ n, testo }) => ({ n, testo }));
}

/** Joins a unit's lines into one text, undoing the hyphenation of words split across lines ("se -" + "greteria"). */
export function unisci(righe: string[]): string {
  let out = "";
  for (const r of righe) {
    if (out === "") out = r;
    else if (/\p{Ll}\s?-$/u.test(out) && /^\p{Ll}/u.test(r)) out = out.replace(/\s?-$/, "") + r;
    else out += " " + r;
  }
  return out.replace(/\s+/g, " ").trim();
}
