import { describe, expect, it } from "vitest";
import { lexer } from "./lexer.ts";
import { parolaChiave } from "./tokens.ts";

const tipi = (s: string): string[] => lexer.tokenize(s).tokens.map((t) => parolaChiave(t.tokenType) ?? t.tokenType.name);

describe("lexer", () => {
  it("everyday keywords never split identifiers", () => {
    expect(tipi("data esito incontro parte_a dati eventi oltre_soglia ambito ditta perizia lavoro nonna")).toEqual(
      Array(12).fill("Identifier"),
    );
  });
  it("keywords alone are keywords", () => {
    expect(tipi("da dal dalla di e o in a per la non")).toEqual(["da", "dal", "dalla", "di", "e", "o", "in", "a", "per", "la", "non"]);
  });
  it("accented letters belong to identifiers; metà and visibilità are keywords", () => {
    expect(tipi("responsabilità società metà visibilità")).toEqual(["Identifier", "Identifier", "metà", "visibilità"]);
  });
  it("numbers in Italian notation, dates, baseline ids, day-month", () => {
    const ts = lexer.tokenize("25.000,01 0,20 2026-03-02 dlgs-28-2010 06-29 1-6 2024.1").tokens;
    expect(ts.map((t) => [t.tokenType.name, t.image])).toEqual([
      ["Numero", "25.000,01"], ["Numero", "0,20"], ["Data", "2026-03-02"], ["IdFonte", "dlgs-28-2010"], ["GiornoMese", "06-29"],
      ["Numero", "1"], ["Meno", "-"], ["Numero", "6"], ["Numero", "2024"], ["Punto", "."], ["Numero", "1"],
    ]);
  });
  it("strings span lines and keep escapes; comments go to their own group", () => {
    const r = lexer.tokenize('"a\n\\"b\\"" # nota\n€ %');
    expect(r.tokens.map((t) => t.tokenType.name)).toEqual(["Stringa", "Euro", "Percento"]);
    expect(r.groups["commenti"]?.[0]?.image).toBe("# nota");
  });
});
