// Dates as integer day numbers (days since 1970-01-01, UTC): arithmetic is integer addition, and
// ISO strings are converted only at the edges of the engine.

const MS_DAY = 86_400_000;

/** The digit at `i` of `s` (0–9), or -1. */
function cifra(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * "2026-03-02" → day number; undefined when it is not a real calendar date. Read digit by digit
 * and counted with integer arithmetic (dayOf): no regular expression, no Date, no cache to look up,
 * and the result is a small integer (a V8 Smi), so `%` and comparisons on it stay integer operations.
 */
export function toDay(iso: string): number | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined; // "-"
  const y0 = cifra(iso, 0), y1 = cifra(iso, 1), y2 = cifra(iso, 2), y3 = cifra(iso, 3);
  const m0 = cifra(iso, 5), m1 = cifra(iso, 6), d0 = cifra(iso, 8), d1 = cifra(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, mo = m0 * 10 + m1, d = d0 * 10 + d1;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayOf(y, mo, d);
}

// ISO strings of the days 1970–2109 (those of every procedure), by day number: an array read, not a
// Map lookup, on the way out of every answer; filled as days are asked.
const ISO_GIORNI = 51_000;
const isoCache: (string | undefined)[] = new Array<string | undefined>(ISO_GIORNI);

export function fromDay(n: number): string {
  const inCache = n >= 0 && n < ISO_GIORNI && Number.isInteger(n);
  let s = inCache ? isoCache[n] : undefined;
  if (s === undefined) {
    s = new Date(n * MS_DAY).toISOString().slice(0, 10);
    if (inCache) isoCache[n] = s;
  }
  return s;
}

// Civil date from day number (H. Hinnant's algorithm): integer arithmetic, no Date object. The parts
// land in module scratch so `yearOf` allocates nothing; `ymd` copies them out.
let cy = 0, cm = 0, cd = 0;
function civil(n: number): void {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  cd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  cm = mp < 10 ? mp + 3 : mp - 9;
  cy = yoe + era * 400 + (cm <= 2 ? 1 : 0);
}

export function ymd(n: number): { y: number; m: number; d: number } {
  civil(n);
  return { y: cy, m: cm, d: cd };
}

/** The year of a day number, without allocating. */
export function yearOf(n: number): number {
  civil(n);
  return cy;
}

/** Date.UTC reads years 0–99 as 1900–1999: kept, so that day numbers stay what they were. */
const anno = (y: number) => (y >= 0 && y <= 99 ? y + 1900 : y);

/** Day number of a civil date (H. Hinnant's days_from_civil): integer arithmetic, no Date object. */
export function dayOf(y0: number, m: number, d: number): number {
  const y = anno(y0);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const GIORNI_MESE = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y0: number, m: number): number {
  const y = anno(y0);
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return GIORNI_MESE[m - 1]!;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  // `| 0`: a day computed as a double would make `%` a call to fmod.
  const w = ((n | 0) + 4) % 7;
  return w < 0 ? w + 7 : w;
}

const romeFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * The day of an ISO date or date-time, in Europe/Rome. A date-time without an offset is already
 * Rome's local time. Undefined when it is not a date.
 */
export function romeDay(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  if (value.length === 10) return toDay(value);
  const local = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.exec(value);
  if (local) return toDay(local[1]!);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  return toDay(romeFormat.format(new Date(t)));
}

/** Same day N months later; a day the month lacks → its last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(n: number, months: number): number {
  civil(n); // into cy, cm, cd: no object per call
  const d = cd;
  const total = cy * 12 + (cm - 1) + months;
  const ny = Math.floor(total / 12), nm = (total % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
