// Every scenario case of the project (regolamenti/**/scenari/, test/scenari/) as one test each.
import { describe, expect, it } from "vitest";
import { suite } from "./scenari/suite.ts";

const s = await suite();

describe("scenari", () => {
  it("the regolamenti compile", () => {
    expect(s.errore ?? "").toBe("");
  });
  it("there are scenario cases to run", () => {
    expect(s.casi.length).toBeGreaterThan(0);
  });
  for (const f of s.erroriFile) it(`${f.file}: leggibile`, () => { throw new Error(f.errore); });
  for (const { file, caso, esito } of s.casi) {
    it(`${file} › ${String(caso?.nome ?? "?")}`, () => {
      expect(esito.differenze, esito.differenze.join("\n")).toEqual([]);
    });
  }
});
