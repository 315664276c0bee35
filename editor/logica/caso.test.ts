import { describe, expect, it } from "vitest";
import { casoEsempio, casoPraticante, domandaDa, leggiCampi } from "./caso.ts";

describe("leggiCampi", () => {
  it("reads pairs with JSON values, bare words, Italian booleans and lists", () => {
    expect(leggiCampi("esito: prosecuzione, richiesta_proposta: true, presenti: [A, B], importo: 40.5, firma: vero")).toEqual({
      esito: "prosecuzione", richiesta_proposta: true, presenti: ["A", "B"], importo: 40.5, firma: true,
    });
    expect(leggiCampi("")).toEqual({});
    expect(leggiCampi('presenti: ["A","B"]')).toEqual({ presenti: ["A", "B"] });
  });
});

describe("domandaDa", () => {
  it("builds the contract's question from the form", () => {
    const d = domandaDa(casoEsempio());
    expect(d).toEqual({
      data: "2026-04-01",
      procedimento: {
        materia: "responsabilita_medica", valore: 30000,
        parti: [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }],
        eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A", richiesta_proposta: true }],
      },
      azione: { azione: "richiesta_proposta", data: "2026-04-01", parte: "A" },
    });
  });

  it("reads an object field of an action (the designated mediator)", () => {
    expect(domandaDa(casoPraticante()).azione).toEqual({ azione: "designazione_mediatore", data: "2026-03-03", mediatore: { categoria: "praticante_abilitato" } });
  });

  it("an empty value is indeterminate; Italian notation is read; a given value overrides", () => {
    expect(domandaDa({ ...casoEsempio(), valore: "" }).procedimento.valore).toBeNull();
    expect(domandaDa({ ...casoEsempio(), valore: "25.000,50" }).procedimento.valore).toBe(25000.5);
    expect(domandaDa(casoEsempio(), 1234).procedimento.valore).toBe(1234);
    expect(domandaDa({ ...casoEsempio(), tipo: "volontaria" }).procedimento.tipo).toBe("volontaria");
    expect(domandaDa({ ...casoEsempio(), azione: undefined }).azione).toBeUndefined();
  });
});

describe("casoGrafico", async () => {
  const { casoGrafico } = await import("./caso-grafico.ts");
  it("takes the procedure as far as the chosen step", () => {
    expect(domandaDa(casoGrafico("condominio", "avvio"), 1000).procedimento.eventi?.map((e) => e.azione)).toEqual(["deposito_domanda", "adesione"]);
    const pi = domandaDa(casoGrafico("locazione", "primo_incontro"), 1000);
    expect(pi.procedimento.materia).toBe("locazione");
    expect(pi.procedimento.eventi?.at(-1)).toMatchObject({ azione: "primo_incontro", esito: "mancato_accordo", avvio_mediazione: false });
    const acc = domandaDa(casoGrafico(), 5000);
    expect(acc.procedimento.valore).toBe(5000);
    expect(acc.procedimento.eventi?.at(-1)).toMatchObject({ azione: "verbale", tipo: "accordo" });
  });
});
