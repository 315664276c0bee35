import { describe, expect, it } from "vitest";
import { generaChiave, impronta, leggiChiave, stessaImpronta } from "./chiave.ts";

describe("chiavi", () => {
  it("una chiave generata porta il tenant e l'id, e se ne conserva solo l'impronta", () => {
    const k = generaChiave("velletri");
    expect(leggiChiave(k.chiave)).toEqual({ organismo: "velletri", id: k.id });
    expect(k.hash).toBe(impronta(k.chiave));
    expect(k.hash).not.toContain(k.chiave.split(".")[2]);
    expect(generaChiave("velletri").chiave).not.toBe(k.chiave);
  });

  it("rifiuta forme che non possono essere nostre", () => {
    for (const x of ["", "velletri", "velletri.abc.def", "Velletri.0123456789ab." + "a".repeat(43), "v.0123456789ab." + "a".repeat(42), "v.0123456789ab." + "a".repeat(43) + "."])
      expect(leggiChiave(x)).toBeUndefined();
    expect(leggiChiave("645.0123456789ab." + "a".repeat(43))).toEqual({ organismo: "645", id: "0123456789ab" });
  });

  it("confronta le impronte a tempo costante e senza eccezioni su lunghezze diverse", () => {
    expect(stessaImpronta(impronta("a"), impronta("a"))).toBe(true);
    expect(stessaImpronta(impronta("a"), impronta("b"))).toBe(false);
    expect(stessaImpronta(impronta("a"), "00")).toBe(false);
  });
});
