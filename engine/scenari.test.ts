import { describe, expect, it } from "vitest";
import { confronta, eseguiCaso, verificaCaso } from "./scenari.ts";
import { Catalog } from "./catalog.ts";
import { baseline } from "./test-support/build.ts";
import type { Risposta } from "./contract.ts";

const r: Risposta = {
  esito: "negato",
  motivi: [{ regola: "praticanti", cita: "art. 5 c. 4", fonte: "velletri" }],
  fase: "domanda_depositata",
  scadenze: [{ nome: "primo_incontro", dal: "2026-03-22", entro: "2026-04-11", cita: "art. 8 c. 1", fonte: "x" }, { nome: "risposta_proposta", parte: "B", entro: "2026-04-07", cita: "a", fonte: "x" }],
  indennita: { per_parte: [{ parte: "A", voci: [{ voce: "spese_avvio", imponibile: 40, iva: 8.8, cita: "c" }], totale: 48.8 }], totale: 48.8 },
  azioni_consentite: ["adesione", "designazione_mediatore"],
  traccia: [{ regola: "t", cita: "art. 9", fonte: "x", esito: "consente" }],
  effetti: [{ effetto: "proposta_rifiutata", parte: "B", cita: "a", fonte: "x" }],
};

describe("confronta (atteso ⊆ risposta)", () => {
  it("passes a matching subset", () => {
    expect(confronta({ esito: "negato", cita: "art. 5  c. 4", fase: "domanda_depositata", scadenze: [{ nome: "primo_incontro", entro: "2026-04-11" }],
      indennita: { per_parte: [{ parte: "A", totale: 48.8, voci: ["spese_avvio"] }], totale: 48.8 }, effetti: [{ effetto: "proposta_rifiutata", parte: "B" }],
      azioni_consentite: ["adesione"] }, r)).toEqual([]);
  });
  it("reports each difference with expected and actual", () => {
    const d = confronta({ esito: "consentito", cita: "art. 9", scadenze: [{ nome: "primo_incontro", dal: "2026-03-21" }, { nome: "adesione" }],
      indennita: { per_parte: [{ parte: "A", totale: 48.81, voci: ["spese_notifica"] }, { parte: "Z" }], totale: 1 }, effetti: ["tentativo_fallito"],
      azioni_consentite: ["verbale"], fase: "conclusa" }, r);
    expect(d.join("\n")).toMatch(/esito: atteso consentito, ottenuto negato/);
    expect(d.join("\n")).toMatch(/cita: attesa "art. 9"/); // for a denial the trace does not count
    expect(d.join("\n")).toMatch(/scadenza primo_incontro.*2026-03-21.*2026-03-22/);
    expect(d.join("\n")).toMatch(/scadenza adesione.*nessuna/);
    expect(d.join("\n")).toMatch(/totale atteso 48.81, ottenuto 48.8/);
    expect(d.join("\n")).toMatch(/manca la voce spese_notifica/);
    expect(d.join("\n")).toMatch(/parte Z: assente/);
    expect(d.join("\n")).toMatch(/effetto tentativo_fallito/);
    expect(d.join("\n")).toMatch(/mancano verbale/);
    expect(d.join("\n")).toMatch(/fase: attesa conclusa/);
    expect(d).toHaveLength(11);
  });
  it("checks absent terms, quantities, solidarity and the mediator's fee", () => {
    const con = { ...r, indennita: { ...r.indennita, obbligazione_solidale: true, compenso_mediatore: 72,
      per_parte: [{ parte: "A", voci: [{ voce: "spese_notifica", imponibile: 20, iva: 4.4, cita: "c", quantita: 2 }], totale: 24.4 }] } };
    expect(confronta({ scadenze: [{ nome: "durata_procedimento", assente: true }],
      indennita: { obbligazione_solidale: true, compenso_mediatore: 72, per_parte: [{ parte: "A", voci: [{ voce: "spese_notifica", quantita: 2 }] }] } }, con)).toEqual([]);
    const d = confronta({ scadenze: [{ nome: "primo_incontro", assente: true }],
      indennita: { obbligazione_solidale: false, compenso_mediatore: null, per_parte: [{ parte: "A", voci: [{ voce: "spese_notifica", quantita: 3 }] }] } }, con);
    expect(d.join("\n")).toMatch(/primo_incontro: attesa assente/);
    expect(d.join("\n")).toMatch(/obbligazione_solidale: attesa false, ottenuta true/);
    expect(d.join("\n")).toMatch(/compenso_mediatore: atteso non determinato, ottenuto 72/);
    expect(d.join("\n")).toMatch(/quantità attesa 3, ottenuta 2/);
    expect(confronta({ indennita: { obbligazione_solidale: false } }, r)).toEqual(["obbligazione_solidale: attesa false, ottenuta assente"]);
  });
  it("for an allowed action the citation may be in the trace", () => {
    expect(confronta({ esito: "consentito", cita: "art. 9" }, { ...r, esito: "consentito" })).toEqual([]);
  });
});

describe("eseguiCaso", () => {
  const cat = new Catalog();
  cat.add(baseline());
  it("runs a case on the version in force at deposito_domanda", () => {
    const e = eseguiCaso(cat, { nome: "x", organismo: "dlgs-28-2010", data: "2026-03-03",
      procedimento: { materia: "altro", parti: [{ id: "A", ruolo: "istante" }], eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }] },
      atteso: { scadenze: [{ nome: "primo_incontro", dal: "2026-03-22", entro: "2026-04-11" }] } });
    expect(e.differenze).toEqual([]);
  });
  it("an unknown organismo or a malformed case is a failure, not a crash", () => {
    expect(eseguiCaso(cat, { nome: "x", organismo: "nessuno", procedimento: {}, atteso: {} }).differenze[0]).toMatch(/sconosciuto: nessuno/);
    expect(verificaCaso({ nome: 1 })).toHaveLength(4);
    expect(eseguiCaso(cat, 42 as never).differenze[0]).toMatch(/non valido/);
  });
});
