// The structure of a regolamento's text: articoli, their commi and lettere, and the allegati.
// A heading is recognised only where the numbering expects it (comma 3 after comma 2, lettera b
// after a), so a line that a PDF wrapped to start with "2643 cod. civ." or "a) …" inside a list of
// numbered items is read as text, not as a new unit.
import { righePulite, unisci, type Riga } from "./righe.ts";

export interface Lettera {
  lettera: string;
  testo: string;
  riga: number;
}

export interface Comma {
  numero: number;
  testo: string;
  riga: number;
  lettere: Lettera[];
}

export interface Articolo {
  /** "5", "6 bis". */
  numero: string;
  titolo: string;
  riga: number;
  /** The text before the first comma (an article without commi has only this). */
  testo: string;
  commi: Comma[];
  /** Lettere written directly under the article, without a comma. */
  lettere: Lettera[];
}

export interface Allegato {
  titolo: string;
  riga: number;
  righe: Riga[];
}

export interface Struttura {
  /** The lines before the first unit: the organismo's name, its registration. */
  preambolo: Riga[];
  articoli: Articolo[];
  /** Lettere outside any article (an annex written as a) … f)). */
  lettere: Lettera[];
  allegati: Allegato[];
  /** Every kept line, for the readers that look for tables. */
  righe: Riga[];
}

const ARTICOLO = /^art(?:icolo|\.)?\s*(\d{1,3})\s*(bis|ter|quater|quinquies)?\b\.?\s*[-–—:.]?\s*(.*)$/i;
const COMMA = /^(\d{1,2})\s?\.\s*(\S.*)?$/;
/** "a) …", "a. …", "- a. …" (a bulleted list of lettere). */
const LETTERA = /^(?:[-–•]\s*)?([a-z])\s?[).]\s*(\S.*)?$/;
const ALLEGATO = /^allegato\s+([IVX]+|[A-Z]|\d+)\b\s*[-–—:.)]?\s*(.*)$/i;
const SUFFISSI = ["", "bis", "ter", "quater", "quinquies"];

/** An article number as a comparable pair: "6 bis" → [6, 1]. */
function ordine(numero: number, suffisso: string): number {
  return numero * 10 + SUFFISSI.indexOf(suffisso.toLowerCase());
}

/** "APPLICAZIONE DEL REGOLAMENTO" → "Applicazione del regolamento"; a title in mixed case is kept. */
function rubrica(s: string): string {
  const t = s.replace(/[.:;]+$/, "").trim();
  return t === t.toUpperCase() && /\p{L}/u.test(t) ? t.charAt(0) + t.slice(1).toLowerCase() : t;
}

interface Unita {
  righe: string[];
}

export function leggiStruttura(testo: string): Struttura {
  const righe = righePulite(testo);
  const s: Struttura = { preambolo: [], articoli: [], lettere: [], allegati: [], righe };
  // The unit that takes the next lines of text, and the open containers.
  let articolo: (Articolo & { parti: Unita }) | undefined;
  let comma: (Comma & { parti: Unita }) | undefined;
  let lettera: (Lettera & { parti: Unita }) | undefined;
  let allegato: Allegato | undefined;
  // The first article is art. 1 (or 1 bis, 2); each next one at most two numbers on.
  let ultimoOrdine = 9;
  const chiudiLettera = () => {
    if (lettera) lettera.testo = unisci(lettera.parti.righe);
    lettera = undefined;
  };
  const chiudiComma = () => {
    chiudiLettera();
    if (comma) comma.testo = unisci(comma.parti.righe);
    comma = undefined;
  };
  const chiudiArticolo = () => {
    chiudiComma();
    if (articolo) articolo.testo = unisci(articolo.parti.righe);
    articolo = undefined;
  };
  const prossimaLettera = (elenco: Lettera[]) => String.fromCharCode("a".charCodeAt(0) + elenco.length);

  for (const r of righe) {
    // An annex heading before the first article is the table of contents naming it.
    const all = r.testo.length <= 60 && s.articoli.length > 0 ? ALLEGATO.exec(r.testo) : null;
    if (all) {
      chiudiArticolo();
      allegato = { titolo: r.testo, riga: r.n, righe: [] };
      s.allegati.push(allegato);
      continue;
    }
    if (allegato) {
      allegato.righe.push(r);
      continue;
    }
    const art = ARTICOLO.exec(r.testo);
    // "art. 3 del D.M. …" at the start of a wrapped line is a reference: a heading's title is not lower case.
    if (art && r.testo.length <= 160 && !/^\p{Ll}/u.test(art[3] ?? "")) {
      const o = ordine(Number(art[1]), art[2] ?? "");
      if (o > ultimoOrdine && o <= ultimoOrdine + 20) {
        chiudiArticolo();
        ultimoOrdine = o;
        articolo = { numero: art[2] ? `${art[1]} ${art[2].toLowerCase()}` : art[1]!, titolo: rubrica(art[3] ?? ""), riga: r.n, testo: "", commi: [], lettere: [], parti: { righe: [] } };
        s.articoli.push(articolo);
        continue;
      }
    }
    const com = COMMA.exec(r.testo);
    // The next comma, or one more when the text skips a number (645 art. 12 has no c. 5).
    const ultimo = articolo?.commi.at(-1)?.numero ?? 0;
    if (com && articolo && Number(com[1]) > ultimo && Number(com[1]) <= ultimo + 2 && !/^\p{Ll}/u.test(com[2] ?? "")) {
      chiudiComma();
      comma = { numero: Number(com[1]), testo: "", riga: r.n, lettere: [], parti: { righe: com[2] ? [com[2]] : [] } };
      articolo.commi.push(comma);
      continue;
    }
    const let_ = LETTERA.exec(r.testo);
    if (let_) {
      const elenco = comma ? comma.lettere : articolo ? articolo.lettere : s.lettere;
      if (let_[1] === prossimaLettera(elenco)) {
        chiudiLettera();
        lettera = { lettera: let_[1]!, testo: "", riga: r.n, parti: { righe: let_[2] ? [let_[2]] : [] } };
        elenco.push(lettera);
        continue;
      }
    }
    const dove = lettera ?? comma ?? articolo;
    if (dove) dove.parti.righe.push(r.testo);
    else if (s.articoli.length === 0 && s.lettere.length === 0) s.preambolo.push(r);
  }
  chiudiArticolo();
  return pulisci(s);
}

/** The working fields (`parti`) off the result: plain data from here on. */
function pulisci(s: Struttura): Struttura {
  const lettera = ({ lettera, testo, riga }: Lettera): Lettera => ({ lettera, testo, riga });
  return {
    ...s,
    lettere: s.lettere.map(lettera),
    articoli: s.articoli.map(({ numero, titolo, riga, testo, commi, lettere }) => ({
      numero, titolo, riga, testo,
      commi: commi.map(({ numero, testo, riga, lettere }) => ({ numero, testo, riga, lettere: lettere.map(lettera) })),
      lettere: lettere.map(lettera),
    })),
  };
}
