// Issue 12: 900 KB of garbage gave 300,000 diagnostics (a 35 MB answer). At most 100, then one line.
import { describe, expect, it } from "vitest";
import { check, format, parse } from "./index.ts";
import { MASSIMO_DIAGNOSTICHE } from "./diagnostica.ts";

const spazzatura = (n: number) => Array.from({ length: n }, (_, i) => "ab§#&(\n\"x"[i % 10]).join("");

describe("diagnostica limitata", () => {
  it("errori del lexer e del parser: al più 100, poi «altri N errori omessi»", () => {
    const g = spazzatura(300_000);
    for (const ds of [parse(g).diagnostics, check(g), format(g).diagnostics]) {
      expect(ds.length).toBe(MASSIMO_DIAGNOSTICHE + 1);
      expect(ds[ds.length - 1]!.message).toMatch(/^altri \d+ errori omessi/);
      expect(JSON.stringify(ds).length).toBeLessThan(40_000);
    }
    const n = Number(/altri (\d+)/.exec(parse(g).diagnostics.at(-1)!.message)![1]);
    expect(n).toBeGreaterThan(10_000); // the lexer's errors are counted, not listed
  });

  it("sotto il limite nulla cambia", () => {
    const ds = check('regolamento x "X" versione 1 in vigore dal 2024-01-01\n§\n');
    expect(ds.some((d) => /omessi/.test(d.message))).toBe(false);
    expect(ds.length).toBeGreaterThan(0);
  });
});
