// Highlighting and completion must know every word the parser reserves, and no word it does not.
import { describe, expect, it } from "vitest";
import { PAROLE_CHIAVE } from "../../dsl/index.ts";
import { CLAUSOLE, DICHIARAZIONI, STRUTTURA } from "./parole-chiave.ts";

describe("the editor's keywords", () => {
  it("are exactly the parser's", () => {
    const editor = new Set<string>([...STRUTTURA, ...DICHIARAZIONI, ...CLAUSOLE]);
    const mancanti = [...PAROLE_CHIAVE].filter((w) => !editor.has(w) && !["visibilità", "quantità"].includes(w));
    expect(mancanti).toEqual([]);
    expect([...editor].filter((w) => !PAROLE_CHIAVE.has(w))).toEqual([]);
  });
});
