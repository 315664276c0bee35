import { describe, expect, it } from "vitest";
import type { Regolamento } from "../../engine/ir.ts";
import { descriviRegola } from "./descrivi-regola.ts";
import { spiega, spiegazioneMarkdown } from "./spiegazione.ts";

const REG: Regolamento = {
  id: "velletri", nome: "Velletri", versione: "2024.1", inVigoreDal: "2024-01-01", applica: ["dlgs-28-2010"], parametri: {},
  calendario: { festivi: [], chiusure: [] }, fasi: [],
  struttura: [
    {
      numero: "5", titolo: "Funzioni", riga: 10, lettere: [],
      commi: [
        { numero: "4", testo: "…potranno essere nominati solo per le procedure di valore non superiore ad € 25.000,00.", lettere: [], regole: ["praticanti"], riga: 11 },
        { numero: "10", testo: "Il mediatore accetta entro due giorni.", lettere: [], regole: [], riga: 20 },
      ],
    },
    {
      numero: "8", riga: 30, lettere: [],
      commi: [{ numero: "9", testo: "…entro dieci giorni…", lettere: [], regole: ["risposta"], riga: 31 }],
    },
  ],
  regole: [
    {
      tipo: "vincolo", nome: "praticanti", fonte: "velletri", cita: "art. 5 c. 4", riga: 12, azioni: ["designazione_mediatore"],
      quando: { "==": [{ var: "azione.mediatore.categoria" }, "praticante_abilitato"] }, richiede: { "<=": [{ var: "valore" }, 25000] },
    },
    {
      tipo: "termine", nome: "risposta", fonte: "velletri", cita: "art. 8 c. 9", riga: 32, scadenza: "risposta_proposta",
      ancora: { evento: "formulazione_proposta", campo: "data_ricezione", verso: "da" }, entro: { quantita: 10, unita: "giorni" },
      per: [{ azione: "risposta_proposta" }], salvoAccordo: false, ciascunaParte: true, sospesoDaChiusure: true, inMancanza: "proposta_rifiutata",
    },
  ],
};

describe("spiega", () => {
  it("explains the rule stated at or above the line, with its comma's text", () => {
    const s = spiega(REG, 14);
    expect(s?.cita).toBe("art. 5 c. 4");
    expect(s?.testo).toContain("25.000,00");
    expect(s?.regola?.nome).toBe("praticanti");
    expect(s?.regola?.descrizione).toBe(
      "Vincolo: designazione mediatore quando azione.mediatore.categoria = praticante_abilitato richiede valore ≤ 25.000.",
    );
  });

  it("on a comma without rules gives the comma, not the rule of the previous comma", () => {
    const s = spiega(REG, 21);
    expect(s).toEqual({ cita: "art. 5 c. 10", testo: "Il mediatore accetta entro due giorni." });
  });

  it("a rule named under the cursor wins over the position", () => {
    expect(spiega(REG, 2, "risposta")?.cita).toBe("art. 8 c. 9");
  });

  it("nothing before the first unit", () => {
    expect(spiega(REG, 3)).toBeUndefined();
  });

  it("renders markdown with citation, quote and rule", () => {
    const md = spiegazioneMarkdown(spiega(REG, 33)!);
    expect(md).toContain("**art. 8 c. 9**");
    expect(md).toContain("> …entro dieci giorni…");
    expect(md).toContain("Termine risposta proposta: entro 10 giorni da formulazione proposta (data ricezione)");
    expect(md).toContain("in mancanza: proposta rifiutata");
  });
});

describe("descriviRegola", () => {
  it("describes a fee table with brackets in euro", () => {
    const d = descriviRegola({
      tipo: "tariffa", nome: "spese_avvio", fonte: "x", cita: "art. 11", voce: "spese_avvio", ivaPercento: 22,
      scaglioni: [{ fino: 100000, importo: { tipo: "fisso", centesimi: 4000 } }, { importo: { tipo: "fisso", centesimi: 8000 } }],
    }).replace(/\u00a0/g, " ");
    expect(d).toBe("Tariffa spese avvio, IVA 22%: fino a 1.000,00 €: 40,00 €; oltre: 80,00 €.");
  });

  it("describes a reduction with its fraction and brackets", () => {
    const d = descriviRegola({
      tipo: "variazione", nome: "rid", fonte: "x", cita: "art. 11", voce: "riduzione_materia_obbligatoria", segno: -1,
      misura: { tipo: "frazione", num: 1, den: 3 }, finoA: false, su: ["spese_mediazione"], base: "tabella", scaglioni: { da: 1, a: 6 },
      quando: { in: [{ var: "tipo" }, ["obbligatoria", "demandata"]] },
    });
    expect(d).toBe("Riduzione riduzione materia obbligatoria: un terzo su spese mediazione (scaglioni 1–6) quando tipo in [obbligatoria, demandata].");
  });

  it("describes the mediator's fee and a term counted from a date fact", () => {
    expect(descriviRegola({ tipo: "compenso", nome: "c", fonte: "x", cita: "art. 11 c. 2", misura: { tipo: "percentuale", percentuale: 60 }, su: ["spese_mediazione"] }))
      .toBe("Compenso del mediatore: 60% su spese mediazione.");
    expect(descriviRegola({
      tipo: "termine", nome: "t", fonte: "x", cita: "art. 3 c. 5", scadenza: "conclusione", ancora: { fatto: "termine_deposito_giudice", verso: "da" },
      entro: { quantita: 6, unita: "mesi" }, per: [], salvoAccordo: false, ciascunaParte: false, sospesoDaChiusure: true,
    })).toBe("Termine conclusione: entro 6 mesi dalla data termine deposito giudice.");
  });

  it("describes an exception and its target", () => {
    const d = descriviRegola({
      tipo: "eccezione", nome: "e", fonte: "velletri", cita: "art. 9", a: { nome: "proposta_congiunta", fonte: "dlgs-28-2010" },
      quando: { and: [{ "==": [{ var: "materia" }, "responsabilita_medica"] }, { or: [{ var: "a" }, { "!": [{ var: "b" }] }] }] },
    });
    expect(d).toBe("Eccezione a proposta congiunta di dlgs-28-2010: quando materia = responsabilita_medica e (a o non esiste b), che non si applica.");
  });
});

describe("spiega: the names a question may use", () => {
  const con: Regolamento = {
    ...REG, tabelle: ["dm180", "libera"],
    parametri: { combinazione_variazioni: { nome: "combinazione_variazioni", valore: "tabella", valori: ["tabella", "progressiva"], nota: "Art. 11 cc. 8-9" } },
  };
  it("a parametro: its default and its values", () => {
    const s = spiega(con, 1, "combinazione_variazioni");
    expect(s?.regola?.descrizione).toContain('"tabella" (predefinito)');
    expect(s?.regola?.descrizione).toContain('"progressiva"');
    expect(s?.testo).toBe("Art. 11 cc. 8-9");
  });
  it("a fee table: how a question chooses it", () => {
    expect(spiega(con, 1, "libera")?.regola?.descrizione).toContain("procedimento.tabella.nome` (tabelle: dm180, libera)");
  });
});
