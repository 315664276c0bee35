// `indeterminato basso|medio|alto: importo` rows (D.M. 150/2023 art. 28 c. 5): compiled, checked, formatted.
import { describe, expect, it } from "vitest";
import { compile, format } from "./index.ts";
import { conTesta, senzaRighe } from "./test-utils.ts";

const TARIFFA = `articolo 28
  comma 5
    tariffa primo_incontro iva 22%:
      fino a 1.000 €: 60 €
      oltre: 170 €
      indeterminato: da determinare
      indeterminato basso: 60 €
      indeterminato alto: come valore 50.000,01 €
`;

describe("indeterminato by degree", () => {
  it("compiles each degree's row beside the plain one", () => {
    const r = compile(conTesta(TARIFFA));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const t = r.regolamento!.regole[0]!;
    expect(t).toMatchObject({
      indeterminato: { tipo: "da_determinare" },
      indeterminabile: { basso: { tipo: "fisso", centesimi: 6000 }, alto: { tipo: "come_valore", centesimi: 5000001 } },
    });
  });
  it("formats and compiles to the same form", () => {
    const src = conTesta(TARIFFA);
    const f = format(src).text!;
    expect(f).toContain("indeterminato basso: 60 €");
    expect(f).toContain("indeterminato alto: come valore 50.000,01 €");
    expect(senzaRighe(compile(f).regolamento)).toEqual(senzaRighe(compile(src).regolamento));
  });
  it("another word than basso, medio, alto is E033 with a suggestion; a degree twice is E004", () => {
    const e = compile(conTesta(TARIFFA.replace("indeterminato basso", "indeterminato media"))).diagnostics.filter((d) => d.severity === "error");
    expect(e.map((d) => d.code)).toEqual(["E033"]);
    expect(e[0]!.message).toMatch(/forse intendevi 'medio'/);
    const d = compile(conTesta(TARIFFA.replace("indeterminato alto: come valore 50.000,01 €", "indeterminato basso: 50 €"))).diagnostics;
    expect(d.map((x) => x.code)).toContain("E004");
  });
});
