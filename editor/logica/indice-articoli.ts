// The outline of the open text (articoli and their commi), read from the source as it is typed, so
// "go to the article" works even while the file has errors and no compiled form.
// A tiny scanner skips strings (which may span lines and quote "articolo 5") and comments.

/**
 * What the author has done with a comma (docs/copertura/): a rule encodes it; a comment says it is
 * ambiguous (`# AMBIGUO: …`, a parametro chooses the reading) or still to do (`# da codificare`, as
 * `regolamento importa` writes it); otherwise it has no operative content.
 */
export type StatoComma = "codificato" | "ambiguo" | "da codificare" | "non operativo";

export interface VoceIndice {
  livello: "articolo" | "comma";
  numero: string; // "5", "2-bis"
  titolo?: string;
  riga: number; // 1-based
  colonna: number; // 1-based
  /** Commi only. */
  stato?: StatoComma;
}

const REGOLE = new Set(["vincolo", "termine", "tariffa", "riduzione", "aumento", "esenzione", "insieme", "effetto", "visibilita", "azione", "eccezione", "solidale", "compenso", "parametro", "calendario", "procedura"]);

const SUFFISSI = new Set(["bis", "ter", "quater", "quinquies"]);

interface Parola {
  testo: string;
  riga: number;
  colonna: number;
  stringa: boolean;
  /** offset just past the word */
  fine: number;
}

interface Commento {
  testo: string;
  riga: number;
}

/** Words and strings outside comments, with their 1-based positions. */
function parole(sorgente: string): Parola[] {
  return scansiona(sorgente).parole;
}

/** Words and strings outside comments, and the comments, with their 1-based lines. */
function scansiona(sorgente: string): { parole: Parola[]; commenti: Commento[] } {
  const out: Parola[] = [];
  const commenti: Commento[] = [];
  let riga = 1;
  let col = 1;
  let i = 0;
  const avanza = (c: string) => {
    if (c === "\n") {
      riga++;
      col = 1;
    } else col++;
    i++;
  };
  while (i < sorgente.length) {
    const c = sorgente[i]!;
    if (c === "#") {
      const r = riga;
      const inizio = i;
      while (i < sorgente.length && sorgente[i] !== "\n") avanza(sorgente[i]!);
      commenti.push({ testo: sorgente.slice(inizio + 1, i), riga: r });
    } else if (c === '"') {
      const r = riga;
      const k = col;
      let testo = "";
      avanza(c);
      while (i < sorgente.length && sorgente[i] !== '"') {
        if (sorgente[i] === "\\" && i + 1 < sorgente.length) {
          avanza(sorgente[i]!);
        }
        testo += sorgente[i]!;
        avanza(sorgente[i]!);
      }
      if (i < sorgente.length) avanza('"');
      out.push({ testo, riga: r, colonna: k, stringa: true, fine: i });
    } else if (/[\p{L}\p{N}_]/u.test(c)) {
      const r = riga;
      const k = col;
      let testo = "";
      while (i < sorgente.length && /[\p{L}\p{N}_]/u.test(sorgente[i]!)) {
        testo += sorgente[i]!;
        avanza(sorgente[i]!);
      }
      out.push({ testo, riga: r, colonna: k, stringa: false, fine: i });
    } else avanza(c);
  }
  return { parole: out, commenti };
}

export function indiceArticoli(sorgente: string): VoceIndice[] {
  const { parole: ps, commenti } = scansiona(sorgente);
  const indice: VoceIndice[] = [];
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j]!;
    if (p.stringa || (p.testo !== "articolo" && p.testo !== "comma")) continue;
    const n = ps[j + 1];
    if (!n || n.stringa || !/^\d+$/.test(n.testo)) continue;
    let numero = n.testo;
    let k = j + 2;
    const s = ps[k];
    if (s && !s.stringa && SUFFISSI.has(s.testo)) {
      numero += `-${s.testo}`;
      k++;
    }
    const t = ps[k];
    const voce: VoceIndice = { livello: p.testo, numero, riga: p.riga, colonna: p.colonna };
    if (t?.stringa) voce.titolo = t.testo.replace(/\s+/g, " ").trim();
    indice.push(voce);
  }
  assegnaStati(indice, ps, commenti);
  return indice;
}

/** Each comma's state, from what stands between its line and the next entry of the outline. */
function assegnaStati(indice: VoceIndice[], ps: Parola[], commenti: Commento[]): void {
  // Lines that open a rule: a rule's keyword as the first word of its line.
  const righeRegola = new Set<number>();
  let rigaPrec = 0;
  for (const p of ps) {
    if (p.riga !== rigaPrec && !p.stringa && REGOLE.has(p.testo)) righeRegola.add(p.riga);
    rigaPrec = p.riga;
  }
  indice.forEach((v, i) => {
    if (v.livello !== "comma") return;
    const fine = indice[i + 1]?.riga ?? Infinity;
    const dentro = (riga: number) => riga > v.riga && riga < fine;
    const note = commenti.filter((c) => dentro(c.riga)).map((c) => c.testo);
    if (note.some((t) => /da codificare/i.test(t))) v.stato = "da codificare";
    else if (note.some((t) => /\bAMBIGU[OA]\b/.test(t))) v.stato = "ambiguo";
    else if ([...righeRegola].some(dentro)) v.stato = "codificato";
    else v.stato = "non operativo";
  });
}

/** The share of commi that are coded (coded or ambiguous with a chosen reading), 0–1; undefined without commi. */
export function quotaCodificata(indice: VoceIndice[]): number | undefined {
  const commi = indice.filter((v) => v.stato !== undefined);
  if (commi.length === 0) return undefined;
  return commi.filter((v) => v.stato === "codificato" || v.stato === "ambiguo").length / commi.length;
}

/** Names declared by statements in the text (`vincolo nome:`), for completion while typing. */
export function nomiRegole(sorgente: string): string[] {
  const KIND = new Set(["vincolo", "termine", "tariffa", "riduzione", "aumento", "esenzione", "insieme", "effetto", "visibilita", "azione", "eccezione"]);
  const ps = parole(sorgente);
  const nomi = new Set<string>();
  for (let j = 0; j + 1 < ps.length; j++) {
    const p = ps[j]!;
    const n = ps[j + 1]!;
    if (!p.stringa && KIND.has(p.testo) && !n.stringa && /^[\p{L}_]/u.test(n.testo) && n.riga === p.riga && /\s/.test(sorgente[p.fine] ?? "")) nomi.add(n.testo);
  }
  return [...nomi];
}
