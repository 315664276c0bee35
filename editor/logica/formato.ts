// Italian formatting of amounts, dates and durations for the interface.
import type { Centesimi, Limite } from "../../engine/ir.ts";

// "always": Italian CLDR leaves 4-digit numbers ungrouped (1000), while the texts write 1.000.
// (ES2023 option, missing from the ES2022 lib types.)
const sempre = { useGrouping: "always" } as unknown as Intl.NumberFormatOptions;
const euro = new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR", ...sempre });
const numero = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2, ...sempre });

export function formatEuro(importo: number | null | undefined): string {
  return importo === null || importo === undefined ? "da determinare" : euro.format(importo);
}

export function formatCentesimi(c: Centesimi): string {
  return euro.format(c / 100);
}

export function formatNumero(n: number): string {
  return numero.format(n);
}

/** "2026-03-10" → "10/03/2026" (dates are ISO strings; no time zone arithmetic needed). */
export function formatData(iso: string | undefined): string {
  if (!iso) return "—";
  const [a, m, g] = iso.slice(0, 10).split("-");
  return a && m && g ? `${g}/${m}/${a}` : iso;
}

export function formatLimite(l: Limite): string {
  const unita = { giorni: ["giorno", "giorni"], giorni_lavorativi: ["giorno lavorativo", "giorni lavorativi"], mesi: ["mese", "mesi"] }[l.unita];
  const n = `${l.quantita} ${l.quantita === 1 ? unita[0] : unita[1]}`;
  return l.quantitaDa ? `${n} (o quanti ne indica ${parole(l.quantitaDa)})` : n;
}

/** rule and fact names are snake_case: show them as words. */
export function parole(nome: string): string {
  return nome.replace(/_/g, " ");
}
