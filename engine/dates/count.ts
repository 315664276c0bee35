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

// The national holidays of the year last asked and its first and last day: the days a term
// counts are consecutive, they seldom change year.
let annoDal = 1, annoAl = 0;
let festiviAnno = new Map<number, string>();
function nazionale(n: number): string | undefined {
  if (n < annoDal || n > annoAl) {
    const y = yearOf(n);
    festiviAnno = nationalHolidays(y);
    // (years 0–99 are not kept: dayOf reads them as 1900–1999, as Date.UTC does)
    annoDal = y > 99 ? dayOf(y, 1, 1) : 1;
    annoAl = y > 99 ? dayOf(y, 12, 31) : 0;
  }
  return festiviAnno.get(n);
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
