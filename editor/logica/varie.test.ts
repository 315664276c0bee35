import { describe, expect, it } from "vitest";
import type { Regolamento } from "../../engine/ir.ts";
import { disponi } from "./linea-temporale.ts";
import { marcatore } from "./marcatori.ts";
import { leggiRotta, scriviRotta } from "./rotta.ts";
import { righeModifica } from "./righe-modifica.ts";
import { condizioneTesto } from "./condizione-testo.ts";

describe("disponi (timeline)", () => {
  const eventi = [
    { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
    { azione: "adesione", data: "2026-03-03", parte: "B" },
  ];
  const scadenze = [
    { nome: "primo_incontro", dal: "2026-03-22", entro: "2026-04-11", cita: "art. 8 c. 1", fonte: "dlgs-28-2010" },
    { nome: "adesione", dal: "2026-03-02", entro: "2026-03-20", cita: "art. 4", fonte: "x" },
  ];
  const l = disponi(eventi, scadenze, "2026-04-01", { azione: "richiesta_proposta", data: "2026-04-01" }, 0, 600);

  it("puts events in date order inside the drawing, the asked action marked", () => {
    expect(l.eventi.map((e) => e.etichetta)).toEqual(["deposito domanda", "adesione", "richiesta proposta"]);
    expect(l.eventi.every((e) => e.x > 0 && e.x < 600)).toBe(true);
    expect(l.eventi.map((e) => e.chiesta)).toEqual([false, false, true]);
  });

  it("staggers labels of events too close to share a row", () => {
    expect(l.eventi[0]?.riga).toBe(0);
    expect(l.eventi[1]?.riga).toBe(1);
  });

  it("draws terms from dal to entro, one lane each, and marks those run out", () => {
    const [pi, ad] = l.termini;
    expect(pi!.x0).toBeLessThan(pi!.x1);
    expect(pi!.corsia).toBe(0);
    expect(pi!.scaduta).toBe(false);
    expect(ad!.scaduta).toBe(true);
    expect(l.oggi).toBeCloseTo(l.eventi[2]!.x);
  });

  it("a term without `dal` starts at the procedure's first event", () => {
    const l2 = disponi(eventi, [{ nome: "durata_procedimento", entro: "2026-07-02", cita: "art. 6", fonte: "x" }], "2026-04-01", undefined, 0, 600);
    expect(l2.termini[0]!.x0).toBeCloseTo(l2.eventi[0]!.x);
  });

  it("empty without dates", () => {
    expect(disponi([], [], undefined, undefined, 0, 100)).toEqual({ eventi: [], termini: [], tacche: [] });
  });
});

describe("marcatore", () => {
  it("maps severity and gives a point diagnostic one character", () => {
    expect(marcatore({ code: "E001", severity: "error", message: "atteso ':'", line: 3, col: 5, endLine: 3, endCol: 5 })).toMatchObject({
      severity: 8, startLineNumber: 3, startColumn: 5, endLineNumber: 3, endColumn: 6, code: "E001",
    });
    expect(marcatore({ code: "E032", severity: "warning", message: "iva", line: 1, col: 1, endLine: 2, endCol: 3 }).severity).toBe(4);
  });
});

describe("rotta", () => {
  it("round-trips views through the hash", () => {
    for (const r of [
      { vista: "editor", organismo: "645", versione: "2024.1" },
      { vista: "diff", organismo: "velletri", a: "1", b: "2", altro: undefined },
      { vista: "confronto" },
    ] as const) {
      expect(leggiRotta(scriviRotta(r))).toMatchObject(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    }
    expect(scriviRotta({ vista: "editor", organismo: "velletri" })).toBe("#/editor/velletri");
    expect(leggiRotta("")).toEqual({ vista: "editor", organismo: undefined, versione: undefined });
  });
});

describe("righeModifica", () => {
  const reg = (righe: Record<string, number>): Regolamento => ({
    id: "x", nome: "x", versione: "1", inVigoreDal: "2024-01-01", applica: [], parametri: {}, calendario: { festivi: [], chiusure: [] }, fasi: [], struttura: [],
    regole: Object.entries(righe).map(([nome, riga]) => ({ tipo: "effetto", nome, fonte: "x", cita: "art. 1", effetto: nome, perParte: false, riga })),
  });
  it("finds the rule's line on each side; added rules have no 'before'", () => {
    const c = { kind: "modificata", regola: "r", tipo: "effetto", descrizione: "", fonte: "x" } as const;
    expect(righeModifica(c, { regolamento: reg({ r: 5 }) }, { regolamento: reg({ r: 9 }) })).toEqual({ prima: 5, dopo: 9 });
    expect(righeModifica({ ...c, kind: "aggiunta" }, { regolamento: reg({}) }, { regolamento: reg({ r: 9 }) })).toEqual({ prima: undefined, dopo: 9 });
  });
  it("falls back to the declaration in the text (azione_x is declared as `azione x`)", () => {
    const c = { kind: "modificata", regola: "azione_adesione", tipo: "azione", descrizione: "", fonte: "x" } as const;
    expect(righeModifica(c, { testo: "a\n  azione adesione: da invitata" }, { testo: "\n\n azione adesione:" })).toEqual({ prima: 2, dopo: 3 });
  });
});

describe("condizioneTesto", () => {
  it("reads json-logic back", () => {
    expect(condizioneTesto({ "!": { in: [{ var: "materia" }, ["a", "b"]] } })).toBe("materia non in [a, b]");
    expect(condizioneTesto({ "!!": [{ var: "adesione" }] })).toBe("esiste adesione");
    expect(condizioneTesto(undefined)).toBe("sempre");
    expect(condizioneTesto({ foo: [1] })).toBe('{"foo":[1]}');
  });
  it("reads quantified conditions (ogni / almeno una / nessuna) with the element named", () => {
    expect(condizioneTesto({ all: [{ var: "parti" }, { "!!": [{ var: "avvocato" }] }] })).toBe("ogni elemento di parti (esiste elemento.avvocato)");
    expect(condizioneTesto({ none: [{ var: "azione.presenti" }, { "==": [{ var: "" }, "B"] }] })).toBe("nessun elemento di azione.presenti (elemento = B)");
    expect(condizioneTesto({ some: [{ var: "parti" }, { some: [{ var: "documenti" }, { "==": [{ var: "tipo" }, "accordo"] }] }] }))
      .toBe("almeno un elemento di parti (almeno un elemento2 di elemento.documenti (elemento2.tipo = accordo))");
    // a body that reads beyond its element (accanto): the outside reference in place
    expect(condizioneTesto({ all: [{ accanto: [{ var: "parti" }, { var: "azione.parte" }] }, { "==": [{ var: "el.parte" }, { var: "fuori.0" }] }] }))
      .toBe("ogni elemento di parti (elemento.parte = azione.parte)");
  });
});

describe("basiApplicate", async () => {
  const { basiApplicate } = await import("./intestazione.ts");
  it("reads the applied baselines from the header", () => {
    expect(basiApplicate('regolamento x "X"\n  versione 1 in vigore dal 2024-01-01\n  applica dlgs-28-2010, dm-150-2023\n')).toEqual(["dlgs-28-2010", "dm-150-2023"]);
    expect(basiApplicate('regolamento x "X"\n# applica niente\n')).toEqual([]);
  });
});
