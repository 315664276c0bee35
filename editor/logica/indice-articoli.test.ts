import { describe, expect, it } from "vitest";
import { indiceArticoli, nomiRegole } from "./indice-articoli.ts";

const TESTO = `regolamento velletri "Camera"
  versione 2024.1 in vigore dal 2024-01-01
# articolo 99 in un commento non conta
articolo 2 bis "Ambito
  di applicazione"
  comma 1 "Si applica anche all'articolo 7 del codice"
articolo 5 "Funzioni e designazione del mediatore"
  comma 4 "…solo fino a € 25.000,00."
    vincolo praticanti_fino_a_25000:
      per designazione_mediatore
      quando azione.mediatore.categoria = praticante_abilitato
      richiede valore <= 25.000 €
  comma 10
    termine accettazione_incarico: entro 2 giorni da designazione_mediatore
`;

describe("indiceArticoli", () => {
  it("lists articoli and commi with their lines, suffixes and titles", () => {
    const i = indiceArticoli(TESTO);
    expect(i.map((v) => `${v.livello} ${v.numero} @${v.riga}`)).toEqual([
      "articolo 2-bis @4",
      "comma 1 @6",
      "articolo 5 @7",
      "comma 4 @8",
      "comma 10 @13",
    ]);
    expect(i[0]?.titolo).toBe("Ambito di applicazione");
    expect(i[2]?.titolo).toBe("Funzioni e designazione del mediatore");
  });

  it("ignores the words inside strings and comments", () => {
    expect(indiceArticoli(TESTO).some((v) => v.numero === "7" || v.numero === "99")).toBe(false);
  });

  it("handles escaped quotes inside strings", () => {
    const i = indiceArticoli(`articolo 1 "il \\"comma 3\\" citato"\narticolo 2`);
    expect(i.map((v) => v.numero)).toEqual(["1", "2"]);
    expect(i[1]?.riga).toBe(2);
  });
});

describe("nomiRegole", () => {
  it("finds declared rule names, not facts such as azione.mediatore", () => {
    expect(nomiRegole(TESTO).sort()).toEqual(["accettazione_incarico", "praticanti_fino_a_25000"]);
  });
});
