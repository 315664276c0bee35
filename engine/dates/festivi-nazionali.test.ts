// The national holidays checked against an independent, well-kept calendar (date-holidays 3.37.0,
// pinned as a devDependency) for every year a regolamento can meet.
import { describe, expect, it } from "vitest";
import Holidays from "date-holidays";
import { fromDay, toDay } from "./calendar.ts";
import { nationalHolidays } from "./holidays.ts";

/**
 * Where we differ on purpose, with the reason. Only days that are not Sundays matter to counting
 * (a Sunday is never a working day), so Easter Sunday is left out of both sides.
 */
const DIFFERENZE_VOLUTE: { data: (y: number) => string | undefined; perche: string }[] = [
  {
    data: (y) => (y >= 1977 && y <= 2000 ? `${y}-06-02` : undefined),
    perche: "L. 54/1977: la Festa della Repubblica si celebrava la prima domenica di giugno; il 2 giugno è tornato festivo dal 2001 (L. 336/2000). date-holidays lo elenca anche per 1977–2000.",
  },
];

function attese(y: number): Set<string> {
  const hd = new Holidays("IT");
  const out = new Set<string>();
  for (const h of hd.getHolidays(y)) {
    if (h.type !== "public") continue;
    const iso = h.date.slice(0, 10);
    if (new Date(`${iso}T00:00:00Z`).getUTCDay() === 0) continue; // a Sunday (Easter, or a fixed day that falls on one)
    out.add(iso);
  }
  for (const d of DIFFERENZE_VOLUTE) { const iso = d.data(y); if (iso) out.delete(iso); }
  return out;
}

function nostre(y: number): Set<string> {
  const out = new Set<string>();
  for (const g of nationalHolidays(y).keys()) {
    const iso = fromDay(g);
    if (new Date(`${iso}T00:00:00Z`).getUTCDay() !== 0) out.add(iso);
  }
  return out;
}

describe("national holidays against date-holidays", () => {
  it("agree on every day but a Sunday for 1990–2100, save the listed differences", () => {
    for (let y = 1990; y <= 2100; y++) expect([...nostre(y)].sort(), String(y)).toEqual([...attese(y)].sort());
  });
  it("2 June: not a holiday 1977–2000, a holiday from 2001; 17 March 2011 once; 4 October from 2026", () => {
    const festivo = (iso: string) => nationalHolidays(Number(iso.slice(0, 4))).has(toDay(iso)!);
    expect(festivo("1999-06-02")).toBe(false);
    expect(festivo("2000-06-02")).toBe(false);
    expect(festivo("2001-06-02")).toBe(true);
    expect(festivo("2011-03-17")).toBe(true);
    expect(festivo("2012-03-17")).toBe(false);
    expect(festivo("2025-10-04")).toBe(false);
    expect(festivo("2026-10-04")).toBe(true);
  });
});
