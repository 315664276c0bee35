import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toDay, fromDay, addMonths, weekday, romeDay } from "./calendar.ts";
import { easter, nationalHolidays, FestiviOrganismo } from "./holidays.ts";
import { shift, nonLavorativo, type Calendar } from "./count.ts";

const cal: Calendar = { sabatoLavorativo: false, festivi: new FestiviOrganismo([]) };
const d = (s: string) => toDay(s)!;

describe("calendar", () => {
  it("round-trips ISO dates and rejects impossible ones", () => {
    expect(fromDay(d("2026-03-02"))).toBe("2026-03-02");
    expect(toDay("2026-02-30")).toBeUndefined();
    expect(toDay("2026-13-01")).toBeUndefined();
    expect(toDay("ieri")).toBeUndefined();
    expect(weekday(d("2026-03-02"))).toBe(1); // a Monday
  });
  it("reads any YYYY-MM-DD as Date.UTC does, and nothing else", () => {
    const due = (n: number) => String(n).padStart(2, "0");
    fc.assert(fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, g) => {
      const iso = `${String(y).padStart(4, "0")}-${due(m)}-${due(g)}`;
      const utc = new Date(Date.UTC(y, m - 1, g));
      const reale = m >= 1 && m <= 12 && g >= 1 && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === g;
      expect(toDay(iso)).toBe(reale ? utc.getTime() / 86_400_000 : undefined);
    }), { numRuns: 2000 });
    for (const s of ["", "2026-3-02", "2026/03/02", "2026-03-02 ", "+026-03-02", "2026-0a-02", "２026-03-02"]) expect(toDay(s)).toBeUndefined();
    expect(Number.isInteger(toDay("1969-12-31")) && toDay("1969-12-31")).toBe(-1);
  });
  it("months from 31 January end on the last day of February", () => {
    expect(fromDay(addMonths(d("2026-01-31"), 1))).toBe("2026-02-28");
    expect(fromDay(addMonths(d("2024-01-31"), 1))).toBe("2024-02-29");
    expect(fromDay(addMonths(d("2025-11-30"), 3))).toBe("2026-02-28");
    expect(fromDay(addMonths(d("2026-03-31"), -1))).toBe("2026-02-28");
  });
  it("reads a date-time in Europe/Rome", () => {
    expect(fromDay(romeDay("2026-03-10T23:30:00Z")!)).toBe("2026-03-11"); // 00:30 in Rome
    expect(fromDay(romeDay("2026-07-10T21:59:00Z")!)).toBe("2026-07-10"); // 23:59 CEST
    expect(fromDay(romeDay("2026-03-10T10:00")!)).toBe("2026-03-10");
    expect(romeDay("2026-03-10Tgarbage")).toBeUndefined();
    expect(romeDay(42)).toBeUndefined();
  });
});

describe("holidays", () => {
  it("computes Easter and Easter Monday", () => {
    expect(fromDay(easter(2026))).toBe("2026-04-05");
    expect(fromDay(easter(2025))).toBe("2025-04-20");
    expect(fromDay(easter(2024))).toBe("2024-03-31");
    expect(nationalHolidays(2026).get(d("2026-04-06"))).toMatch(/Angelo/);
    expect(nationalHolidays(2026).has(d("2026-10-04"))).toBe(true);
    expect(nationalHolidays(2025).has(d("2025-10-04"))).toBe(false);
  });
  it("knows an organismo's holidays, yearly and once", () => {
    const c: Calendar = { sabatoLavorativo: false, festivi: new FestiviOrganismo([{ data: "06-29", nome: "Santi Pietro e Paolo" }, { data: "2026-03-20" }]) };
    expect(nonLavorativo(d("2027-06-29"), c)).toBe("Santi Pietro e Paolo");
    expect(nonLavorativo(d("2026-03-20"), c)).toBeDefined();
    expect(nonLavorativo(d("2027-03-19"), c)).toBeUndefined(); // a Friday, not a holiday
  });
});

describe("counting", () => {
  it("does not count the day of the event", () => {
    expect(fromDay(shift(d("2026-03-02"), { quantita: 7, unita: "giorni" }, 1, cal))).toBe("2026-03-09");
  });
  it("working days skip weekends and holidays", () => {
    // Thu 2 Apr 2026 + 3 working days: Fri 3, (Easter Mon 6 skipped) Tue 7, Wed 8
    expect(fromDay(shift(d("2026-04-02"), { quantita: 3, unita: "giorni_lavorativi" }, 1, cal))).toBe("2026-04-08");
  });
  it("counts working days backwards before a Monday", () => {
    // 2 working days before Monday 16 March 2026: Fri 13, Thu 12
    expect(fromDay(shift(d("2026-03-16"), { quantita: 2, unita: "giorni_lavorativi" }, -1, cal))).toBe("2026-03-12");
    // with Saturday a working day: Sat 14, Fri 13
    expect(fromDay(shift(d("2026-03-16"), { quantita: 2, unita: "giorni_lavorativi" }, -1, { ...cal, sabatoLavorativo: true }))).toBe("2026-03-13");
  });
});
