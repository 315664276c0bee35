// Completion items for the open text: the language's words, the vocabulary's actions, facts and
// values (engine/vocabolario.ts), the rule names and the articles of the file, and the rule names
// of the applied baselines. Pure: the Monaco adapter maps `genere` to an icon.
import type { Regolamento } from "../../engine/ir.ts";
import { AZIONI, EFFETTI, FATTI, SCADENZE, VALORI, VOCI } from "../../engine/vocabolario.ts";
import { indiceArticoli, nomiRegole } from "./indice-articoli.ts";
import { campiDi, percorsoPrimaDelPunto } from "./campi.ts";
import { FRASI, TUTTE_LE_PAROLE } from "./parole-chiave.ts";

export type Genere = "parola" | "frase" | "azione" | "fatto" | "valore" | "regola" | "articolo" | "campo";

export interface Proposta {
  etichetta: string;
  genere: Genere;
  dettaglio: string;
  inserisci: string;
  /** Lower sorts first; the context decides which kinds come first. */
  ordine: string;
}

/**
 * Whether the offset lies in a comment or in a quoted text, where completion would only get in the
 * way of the author's prose (an Enter would accept a rule name in the middle of a sentence).
 */
export function inProsa(sorgente: string, offset: number): boolean {
  let stringa = false;
  let commento = false;
  for (let i = 0; i < offset && i < sorgente.length; i++) {
    const c = sorgente[i];
    if (commento) {
      if (c === "\n") commento = false;
    } else if (stringa) {
      if (c === "\\") i++;
      else if (c === '"') stringa = false;
    } else if (c === "#") commento = true;
    else if (c === '"') stringa = true;
  }
  return stringa || commento;
}

/** What the words before the cursor ask for. */
export type Contesto = "azione" | "valore" | "regola" | "libero";

export function contesto(primaDelCursore: string): Contesto {
  const t = primaDelCursore.replace(/[\p{L}\p{N}_]*$/u, "").trimEnd();
  if (/(=|!=)$/.test(t) || /\bin\s*\[[^\]]*$/.test(t)) return "valore";
  if (/(^|\s)(per|prima di|da|di|se)$/.test(t) || /\bper\s+[\p{L}_, .]+,$/u.test(t)) return "azione";
  if (/(\bsostituisce|\beccezione\s+[\p{L}_]+\s+a|\bscadenza di)$/u.test(t)) return "regola";
  return "libero";
}

const PRIORITA: Record<Contesto, Genere[]> = {
  azione: ["azione", "fatto", "regola", "parola", "frase", "valore", "articolo", "campo"],
  valore: ["valore", "fatto", "azione", "parola", "frase", "regola", "articolo", "campo"],
  regola: ["regola", "azione", "parola", "frase", "fatto", "valore", "articolo", "campo"],
  libero: ["parola", "frase", "azione", "fatto", "regola", "valore", "articolo", "campo"],
};

/** `insieme NAME` and `parametro NAME` declared in the text (for `x.` completion). */
function dichiarati(sorgente: string, parola: "insieme" | "parametro"): string[] {
  return [...sorgente.matchAll(new RegExp(`^\\s*${parola}\\s+([\\p{L}_][\\p{L}\\p{N}_]*)`, "gmu"))].map((m) => m[1]!);
}

export function proposte(sorgente: string, primaDelCursore: string, basi: readonly Regolamento[] = []): Proposta[] {
  // After a dot only the fields of what precedes it make sense.
  const percorso = percorsoPrimaDelPunto(primaDelCursore);
  if (percorso !== undefined) {
    const insiemi = [...dichiarati(sorgente, "insieme"), ...basi.flatMap((b) => b.regole.filter((r) => r.tipo === "insieme").map((r) => r.nome))];
    const parametri = [...dichiarati(sorgente, "parametro"), ...basi.flatMap((b) => Object.keys(b.parametri))];
    return [...new Set(campiDi(percorso, insiemi, parametri))].map((c) => ({ etichetta: c, genere: "campo" as const, dettaglio: `campo di ${percorso}`, inserisci: c, ordine: c }));
  }
  const ctx = contesto(primaDelCursore);
  const rango = (g: Genere) => String(PRIORITA[ctx].indexOf(g)).padStart(2, "0");
  const visti = new Set<string>();
  const out: Proposta[] = [];
  const aggiungi = (etichetta: string, genere: Genere, dettaglio: string, inserisci = etichetta) => {
    const chiave = `${genere}:${etichetta}`;
    if (visti.has(chiave)) return;
    visti.add(chiave);
    out.push({ etichetta, genere, dettaglio, inserisci, ordine: `${rango(genere)}${etichetta}` });
  };
  for (const p of TUTTE_LE_PAROLE) aggiungi(p, "parola", "parola chiave");
  for (const f of FRASI) aggiungi(f, "frase", "parola chiave");
  for (const a of AZIONI) aggiungi(a, "azione", "azione");
  for (const f of FATTI) aggiungi(f, "fatto", "fatto");
  for (const [campo, valori] of Object.entries(VALORI)) for (const v of valori) aggiungi(v, "valore", `valore di ${campo}`);
  for (const v of [...SCADENZE, ...VOCI, ...EFFETTI]) aggiungi(v, "valore", "nome del contratto");
  for (const n of nomiRegole(sorgente)) aggiungi(n, "regola", "regola di questo file");
  for (const b of basi) for (const r of b.regole) aggiungi(r.nome, "regola", `regola di ${b.id} (${r.cita})`, ctx === "regola" ? `${r.nome} di ${b.id}` : r.nome);
  for (const a of indiceArticoli(sorgente).filter((v) => v.livello === "articolo")) {
    aggiungi(`articolo ${a.numero.replace("-", " ")}`, "articolo", a.titolo ? `art. ${a.numero} — ${a.titolo}` : `art. ${a.numero} (riga ${a.riga})`);
  }
  return out;
}
