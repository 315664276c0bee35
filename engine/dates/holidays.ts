// Italian national holidays (L. 260/1949 and later), Easter Monday computed, plus an organismo's
// own `festivi`. One Set of day numbers per year, cached: a lookup is a hash probe.
import { dayOf } from "./calendar.ts";

/** Easter Sunday (Gregorian, anonymous algorithm) as a day number. */
export function easter(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

const FISSE: [number, number, string][] = [
  [1, 1, "Capodanno"], [1, 6, "Epifania"], [4, 25, "Festa della Liberazione"], [5, 1, "Festa del lavoro"],
  [6, 2, "Festa della Repubblica"], [8, 15, "Ferragosto"], [11, 1, "Ognissanti"], [12, 8, "Immacolata"],
  [12, 25, "Natale"], [12, 26, "Santo Stefano"],
];

const cache = new Map<number, Map<number, string>>();

/** National holidays of a year: day number → name. */
export function nationalHolidays(y: number): Map<number, string> {
  let h = cache.get(y);
  if (h) return h;
  h = new Map();
  for (const [m, d, nome] of FISSE) {
    // L. 54/1977 moved the Festa della Repubblica to the first Sunday of June; L. 336/2000 gave
    // 2 June back from 2001. Between 1977 and 2000 it fell on a Sunday, a day not worked anyway.
    if (m === 6 && d === 2 && y >= 1977 && y <= 2000) continue;
    h.set(dayOf(y, m, d), nome);
  }
  h.set(easter(y) + 1, "Lunedì dell'Angelo");
  // D.L. 5/2011 (L. 47/2011): 17 March 2011, 150th anniversary of the Unità d'Italia, one year only.
  if (y === 2011) h.set(dayOf(y, 3, 17), "Anniversario dell'Unità d'Italia (150°)");
  // L. 151/2025: San Francesco (4 ottobre) is a national holiday again from 2026.
  if (y >= 2026) h.set(dayOf(y, 10, 4), "San Francesco d'Assisi");
  cache.set(y, h);
  return h;
}

export interface Festivo { data: string; nome?: string }

/** An organismo's holidays ("MM-DD" every year or "YYYY-MM-DD" once), resolved for lookups. */
export class FestiviOrganismo {
  private readonly annuali = new Map<string, string>();
  private readonly singoli = new Map<string, string>();
  constructor(festivi: Festivo[]) {
    for (const f of festivi) {
      if (/^\d{2}-\d{2}$/.test(f.data)) this.annuali.set(f.data, f.nome ?? "festivo dell'organismo");
      else this.singoli.set(f.data, f.nome ?? "festivo dell'organismo");
    }
    this.vuoto = this.annuali.size === 0 && this.singoli.size === 0;
  }
  /** No holiday of its own (most organismi): read for every day a term counts, so a field, not a getter. */
  readonly vuoto: boolean;
  /** The holiday's name, or undefined. `iso` is the day's ISO string. */
  nome(iso: string): string | undefined {
    return this.singoli.get(iso) ?? this.annuali.get(iso.slice(5));
  }
}
