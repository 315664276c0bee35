// Geometry of the fee chart: dispute values on a log axis, euro on a linear one, one polyline per
// organismo. Pure, so the drawing component only maps points to SVG.
import type { RispostaConfronto } from "../api/tipi.ts";

export interface Punto {
  valore: number;
  importo: number;
}

export interface Serie {
  organismo: string;
  punti: Punto[];
  /** Voci due but without an amount (`imponibile: null`): the line is a lower bound, and says so. */
  vociMancanti: string[];
}

/** Dispute values from `da` to `a`, `n` of them, evenly spaced on a log scale, rounded to 2 digits. */
export function valoriLog(da: number, a: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = Math.exp(Math.log(da) + ((Math.log(a) - Math.log(da)) * i) / (n - 1));
    const mag = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
    out.push(Math.round(v / mag) * mag);
  }
  return [...new Set(out)];
}

/** Adds to the series one compare answer per organismo for one value: the total of the party `parte`. */
export function aggiungiRisposte(serie: Map<string, Serie>, valore: number, risposte: RispostaConfronto[], parte: string): void {
  for (const r of risposte) {
    const pp = r.risposta?.indennita?.per_parte?.find((p) => p.parte === parte);
    if (!pp) continue;
    let s = serie.get(r.organismo);
    if (!s) serie.set(r.organismo, (s = { organismo: r.organismo, punti: [], vociMancanti: [] }));
    s.punti.push({ valore, importo: pp.totale });
    for (const v of pp.voci) if (v.imponibile === null && !s.vociMancanti.includes(v.voce)) s.vociMancanti.push(v.voce);
    s.punti.sort((x, y) => x.valore - y.valore);
  }
}

/** "Nice" ticks for a linear axis from 0 to max. */
export function tacche(max: number, quante = 5): number[] {
  if (!(max > 0)) return [0];
  const grezzo = max / quante;
  const mag = 10 ** Math.floor(Math.log10(grezzo));
  const passo = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((p) => p >= grezzo) ?? 10 * mag;
  const out: number[] = [];
  for (let v = 0; v <= max + passo * 0.001; v += passo) out.push(Math.round(v * 100) / 100);
  if ((out.at(-1) ?? 0) < max) out.push((out.at(-1) ?? 0) + passo);
  return out;
}

/** Powers of ten (and their halves' neighbours 2, 5) inside [da, a] for the log axis. */
export function taccheLog(da: number, a: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(da)); e <= Math.ceil(Math.log10(a)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= da && v <= a) out.push(v);
    }
  }
  return out;
}

export interface Scala {
  (v: number): number;
}

export function scalaLog(da: number, a: number, x0: number, x1: number): Scala {
  const l0 = Math.log(da);
  const l1 = Math.log(a);
  return (v) => x0 + ((Math.log(Math.max(v, da)) - l0) / (l1 - l0)) * (x1 - x0);
}

export function scalaLineare(da: number, a: number, y0: number, y1: number): Scala {
  return (v) => y0 + ((v - da) / (a - da || 1)) * (y1 - y0);
}

/** A step line: fees are flat inside a bracket and jump at its bound. */
export function percorsoAGradini(punti: Punto[], x: Scala, y: Scala): string {
  return punti
    .map((p, i) => {
      const px = x(p.valore).toFixed(1);
      const py = y(p.importo).toFixed(1);
      if (i === 0) return `M${px},${py}`;
      return `H${px}V${py}`;
    })
    .join("");
}
