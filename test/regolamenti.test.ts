// The project's regolamenti as a whole: every file compiles against its baselines with no diagnostic
// at all (warnings included), and is in the formatter's canonical layout, so diffs between versions
// show meaning, not whitespace.
import { describe, expect, it } from "vitest";
import { check, format } from "../dsl/index.ts";
import { loadAll } from "../regolamenti/load.ts";

const { sources, catalog } = await loadAll();

describe("regolamenti/", () => {
  it("holds the national baseline and the five organismi", () => {
    expect(new Set(sources.map((s) => s.id))).toEqual(new Set(["dlgs-28-2010", "dm-150-2023", "dm-180-2010", "sondrio", "napoli", "maremma", "velletri", "645"]));
  });

  for (const s of sources) {
    const rel = s.file.slice(s.file.indexOf("regolamenti/"));
    it(`${rel}: no diagnostic against its baselines`, () => {
      const r = catalog.versions(s.id).find((x) => x.versione === s.versione)!;
      const bases = catalog.bases(r, r.inVigoreDal);
      expect(check(s.source, { bases }).map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`)).toEqual([]);
    });
    it(`${rel}: canonical layout (regolamento fmt)`, () => {
      expect(format(s.source).text).toBe(s.source);
    });
  }
});
