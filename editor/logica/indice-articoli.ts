// The outline of the open text (articoli and their commi), read from the source as it is typed, so
// "go to the article" works even while the file has errors and no compiled form.
// A tiny scanner skips strings (which may span lines and quote "articolo 5") and comments.

export interface VoceIndice {
  livello: "articolo" | "comma";
  numero: string; // "5", "2-bis"
  titolo?: string;
  riga: number; // 1-based
  colonna: number; // 1-based
}

const SUFFISSI = new Set(["bis", "ter", "quater", "quinquies"]);

interface Parola {
  testo: string;
  riga: number;
  colonna: number;
  stringa: boolean;
  /** offset just past the word */
  fine: number;
}

/** Words and strings outside comments, with their 1-based positions. */
function parole(sorgente: string): Parola[] {
  const out: Parola[] = [];
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
      while (i < sorgente.length && sorgente[i] !== "\n") avanza(sorgente[i]!);
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
  return out;
}

export function indiceArticoli(sorgente: string): VoceIndice[] {
  const ps = parole(sorgente);
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
  return indice;
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
