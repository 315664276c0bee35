// Dates as integer day numbers (days since 1970-01-01, UTC): arithmetic is integer addition, and
// ISO strings are converted only at the edges of the engine.

const MS_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-02" → day number; undefined when it is not a real calendar date. */
export function toDay(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d) / MS_DAY;
}

export function fromDay(n: number): string {
  return new Date(n * MS_DAY).toISOString().slice(0, 10);
}

export function ymd(n: number): { y: number; m: number; d: number } {
  const dt = new Date(n * MS_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_DAY;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
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
  const { y, m, d } = ymd(n);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12), nm = (total % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
