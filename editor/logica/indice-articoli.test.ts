import { describe, expect, it } from "vitest";
import { indiceArticoli, nomiRegole, quotaCodificata } from "./indice-articoli.ts";

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

describe("lo stato di ogni comma", () => {
  const SORGENTE = `regolamento x "X"
  versione 1 in vigore dal 2026-01-01
articolo 1 "Uno"
  comma 1 "Un testo che dice
  termine di qualcosa su più righe"
    # da codificare
  comma 2 "Codificato"
    termine t: entro 3 giorni da deposito_domanda
  comma 3 "Ambiguo"
    # AMBIGUO: due letture, il parametro p sceglie
    parametro p = vero
  comma 4 "Solo testo"
articolo 2 "Due"
  comma 1 "Ancora"
    vincolo v:
      per adesione
      richiede valore <= 1.000 €
`;
  it("codificato, ambiguo, da codificare, non operativo; la quota codificata", () => {
    const i = indiceArticoli(SORGENTE);
    expect(i.filter((v) => v.livello === "comma").map((v) => `${v.numero}:${v.stato}`)).toEqual(["1:da codificare", "2:codificato", "3:ambiguo", "4:non operativo", "1:codificato"]);
    expect(i.find((v) => v.livello === "articolo")?.stato).toBeUndefined();
    expect(quotaCodificata(i)).toBe(3 / 5);
  });
  it("lo scheletro di `importa`: tutto da codificare, quota 0", () => {
    const i = indiceArticoli(`regolamento x "X"\n  versione 1 in vigore dal 2026-01-01\n\narticolo 1 "A"\n  comma 1 "a"\n    # da codificare\n  comma 2 "b"\n    # da codificare\n`);
    expect(quotaCodificata(i)).toBe(0);
  });
});
