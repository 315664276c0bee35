// Counting days the Italian way: the day of the event is not counted; working days skip
// Saturdays (unless they are working days), Sundays, national and organismo holidays.
import { dayOf, fromDay, weekday, yearOf, addMonths } from "./calendar.ts";
import { nationalHolidays, type FestiviOrganismo } from "./holidays.ts";
import type { Limite } from "../ir.ts";

export interface Calendar {
  sabatoLavorativo: boolean;
  festivi: FestiviOrganismo;
}

/** Why a day is not a working day, or undefined when it is one. */
export function nonLavorativo(n: number, cal: Calendar): string | undefined {
  const f = festivo(n, cal);
  if (f) return f;
  if (weekday(n) === 6 && !cal.sabatoLavorativo) return "sabato";
  return undefined;
}

/** Sunday or holiday (not Saturday): what art. 155 c.p.c. c. 4 moves a deadline off. */
export function festivo(n: number, cal: Calendar): string | undefined {
  if (weekday(n) === 0) return "domenica";
  const naz = nazionale(n);
  if (naz) return naz;
  if (!cal.festivi.vuoto) { const f = cal.festivi.nome(fromDay(n)); if (f) return f; }
  return undefined;
}

// The national holidays of the year last asked, by day of that year (an array read, not a hash
// probe), and its first and last day: the days a term counts are consecutive, they seldom change year.
let annoDal = 1, annoAl = 0;
let festiviAnno: (string | undefined)[] = [];
function nazionale(n: number): string | undefined {
  if (n < annoDal || n > annoAl) {
    const y = yearOf(n);
    // Years 0–99 are not kept: dayOf reads them as 1900–1999, as Date.UTC does.
    if (y <= 99) return nationalHolidays(y).get(n);
    annoDal = dayOf(y, 1, 1);
    annoAl = dayOf(y, 12, 31);
    const perGiorno = new Array<string | undefined>(annoAl - annoDal + 1);
    for (let i = 0; i < perGiorno.length; i++) perGiorno[i] = undefined;
    for (const [g, nome] of nationalHolidays(y)) perGiorno[g - annoDal] = nome;
    festiviAnno = perGiorno;
  }
  return festiviAnno[n - annoDal];
}

/** anchor ± limit. `sign` −1 counts backwards ("prima di"). */
export function shift(anchor: number, limit: Limite, sign: 1 | -1, cal: Calendar): number {
  switch (limit.unita) {
    case "giorni":
      return anchor + sign * limit.quantita;
    case "mesi":
      return addMonths(anchor, sign * limit.quantita);
    case "giorni_lavorativi": {
      let n = anchor, left = limit.quantita;
      while (left > 0) { n += sign; if (nonLavorativo(n, cal) === undefined) left--; }
      return n;
    }
  }
}

/** Working days in [a, b] inclusive. */
export function workingDaysBetween(a: number, b: number, cal: Calendar): number {
  let c = 0;
  for (let n = a; n <= b; n++) if (nonLavorativo(n, cal) === undefined) c++;
  return c;
}
