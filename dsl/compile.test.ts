import { describe, expect, it } from "vitest";
import { compile, parse } from "./index.ts";
import type { Regola } from "../engine/ir.ts";
import { TESTA_BASI, conTesta } from "./test-utils.ts";

function regole(corpo: string, testa = TESTA_BASI): Regola[] {
  const r = compile(conTesta(corpo, testa));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.regolamento!.regole;
}
const una = (corpo: string): Regola => {
  const rs = regole(corpo);
  expect(rs).toHaveLength(1);
  return rs[0]!;
};
const quando = (cond: string): unknown => (una(`vincolo v: per adesione quando ${cond} richiede vero`) as { quando: unknown }).quando;

describe("intestazione", () => {
  it("reads id, nome, registro, versione, date, applica, parametri", () => {
    const r = compile(`regolamento 645 "645 s.r.l." registro "1021" versione 2024.1 in vigore dal 2024-01-01
      applica dlgs-28-2010, dm-150-2023
      parametro sabato_lavorativo = vero "nota"
      parametro materie_obbligatorie = [condominio, diritti_reali]
      parametro soglia = 25.000 €`).regolamento!;
    expect(r).toMatchObject({ id: "645", nome: "645 s.r.l.", registro: "1021", versione: "2024.1", inVigoreDal: "2024-01-01", applica: ["dlgs-28-2010", "dm-150-2023"] });
    // with the values a question may set (engine/nomi.ts): vero/falso for a flag, materie for the list, any number
    expect(r.parametri).toEqual({
      sabato_lavorativo: { nome: "sabato_lavorativo", valore: true, nota: "nota", valori: [true, false] },
      materie_obbligatorie: { nome: "materie_obbligatorie", valore: ["condominio", "diritti_reali"], elementi: expect.arrayContaining(["condominio", "locazione"]) },
      soglia: { nome: "soglia", valore: 25000 },
    });
  });
  it("a parametro inside a comma cites it", () => {
    const r = compile(conTesta(`articolo 5 comma 1 parametro materie_obbligatorie = [condominio]`)).regolamento!;
    expect(r.parametri["materie_obbligatorie"]).toMatchObject({ nome: "materie_obbligatorie", valore: ["condominio"], cita: "art. 5 c. 1" });
  });
});

describe("conditions → json-logic (SPEC § Conditions)", () => {
  it("keywords as path segments and literals", () => {
    expect(quando("verbale.tipo = accordo")).toEqual({ "==": [{ var: "verbale.tipo" }, "accordo"] });
    expect(quando("valore <= 25.000 €")).toEqual({ "<=": [{ var: "valore" }, 25000] });
    expect(quando("parte.ruolo = istante")).toEqual({ "==": [{ var: "parte.ruolo" }, "istante"] });
    expect(quando("azione.parte = documento.parte")).toEqual({ "==": [{ var: "azione.parte" }, { var: "documento.parte" }] });
    expect(quando("tabella.nome = prima")).toEqual({ "==": [{ var: "tabella.nome" }, "prima"] });
    expect(quando("fase = mediazione_in_corso")).toEqual({ "==": [{ var: "fase" }, "mediazione_in_corso"] });
    expect(quando("tipo != volontaria")).toEqual({ "!=": [{ var: "tipo" }, "volontaria"] });
  });
  it("numbers in Italian notation, € before or after, %", () => {
    expect(quando("valore > 25.000,01 €")).toEqual({ ">": [{ var: "valore" }, 25000.01] });
    expect(quando("valore >= € 1.000")).toEqual({ ">=": [{ var: "valore" }, 1000] });
    expect(quando("parametri.aliquota = 22%")).toEqual({ "==": [{ var: "parametri.aliquota" }, 22] });
  });
  it("and, or, not, parentheses, esiste, non esiste, truthy, in, non in, in a fact list, constants", () => {
    expect(quando("materia = responsabilita_medica e (deposito_domanda.richiesta_proposta o adesione.richiesta_proposta)")).toEqual({
      and: [
        { "==": [{ var: "materia" }, "responsabilita_medica"] },
        { or: [{ "!!": [{ var: "deposito_domanda.richiesta_proposta" }] }, { "!!": [{ var: "adesione.richiesta_proposta" }] }] },
      ],
    });
    expect(quando("parte.aderito o adesione.richiesta_proposta e deposito_domanda.completa")).toEqual({
      or: [{ "!!": [{ var: "parte.aderito" }] }, { and: [{ "!!": [{ var: "adesione.richiesta_proposta" }] }, { "!!": [{ var: "deposito_domanda.completa" }] }] }],
    });
    expect(quando("esiste formulazione_proposta")).toEqual({ "!!": [{ var: "formulazione_proposta" }] });
    expect(quando("non esiste adesione")).toEqual({ "!": [{ var: "adesione" }] });
    expect(quando("non parte.aderito")).toEqual({ "!": [{ "!!": [{ var: "parte.aderito" }] }] });
    expect(quando("tipo in [obbligatoria, demandata]")).toEqual({ in: [{ var: "tipo" }, ["obbligatoria", "demandata"]] });
    expect(quando("materia non in [condominio]")).toEqual({ "!": { in: [{ var: "materia" }, ["condominio"]] } });
    expect(quando("azione.parte in primo_incontro.presenti")).toEqual({ in: [{ var: "azione.parte" }, { var: "primo_incontro.presenti" }] });
    expect(quando("vero")).toBe(true);
    expect(quando("data >= 2025-01-25")).toEqual({ ">=": [{ var: "data" }, "2025-01-25"] });
    expect(quando('azione.motivazione = "grave"')).toEqual({ "==": [{ var: "azione.motivazione" }, "grave"] });
    expect(quando("parte.avvocato = falso")).toEqual({ "==": [{ var: "parte.avvocato" }, false] });
    expect(quando("conteggio.incontro >= 2")).toEqual({ ">=": [{ var: "conteggio.incontro" }, 2] });
  });
});

describe("statements (SPEC examples)", () => {
  it("vincolo", () => {
    expect(
      una(`articolo 5 comma 4 "…solo per le procedure di valore non superiore ad € 25.000,00."
        vincolo praticanti_fino_a_25000:
          per designazione_mediatore
          quando azione.mediatore.categoria = praticante_abilitato
          richiede valore <= 25.000 €
          motivo "I praticanti abilitati possono essere designati solo fino a € 25.000"`),
    ).toEqual({
      tipo: "vincolo", nome: "praticanti_fino_a_25000", fonte: "prova", cita: "art. 5 c. 4",
      testo: "…solo per le procedure di valore non superiore ad € 25.000,00.",
      quando: { "==": [{ var: "azione.mediatore.categoria" }, "praticante_abilitato"] },
      riga: 5, azioni: ["designazione_mediatore"], richiede: { "<=": [{ var: "valore" }, 25000] },
      motivo: "I praticanti abilitati possono essere designati solo fino a € 25.000",
    });
    expect(una(`vincolo v: per adesione, conferma_presenza da invitata in fase domanda_depositata vieta`)).toMatchObject({
      azioni: ["adesione", "conferma_presenza"], da: ["invitata"], inFase: ["domanda_depositata"], richiede: false, cita: "",
    });
  });
  it("termine: windows, anchors, per, salvo accordo, ciascuna parte, in mancanza, senza sospensione, scadenza", () => {
    const [a, b, c, d, e, f] = regole(`articolo 8
      comma 1
        termine primo_incontro:
          non prima di 20 giorni e non oltre 40 giorni da deposito_domanda
          per fissazione_primo_incontro.data_incontro, primo_incontro
          salvo accordo delle parti
        termine risposta_proposta:
          entro 7 giorni da formulazione_proposta.data_ricezione
          per risposta_proposta
          ciascuna parte
          in mancanza proposta_rifiutata
        termine richiesta_rinvio: non meno di 2 giorni lavorativi prima di fissazione_primo_incontro.data_incontro
          per richiesta_rinvio
        termine preferenze_candidati: entro 5 giorni da comunicazione_lista_candidati
        termine nomina: entro 3 giorni dalla scadenza di preferenze_candidati
        termine durata_procedimento: entro 3 mesi da deposito_domanda senza sospensione scadenza durata`);
    expect(a).toMatchObject({
      tipo: "termine", scadenza: "primo_incontro", cita: "art. 8 c. 1", ancora: { evento: "deposito_domanda", verso: "da" },
      nonPrimaDi: { quantita: 20, unita: "giorni" }, entro: { quantita: 40, unita: "giorni" },
      per: [{ azione: "fissazione_primo_incontro", campo: "data_incontro" }, { azione: "primo_incontro" }],
      salvoAccordo: true, ciascunaParte: false, sospesoDaChiusure: true,
    });
    expect(b).toMatchObject({ ancora: { evento: "formulazione_proposta", campo: "data_ricezione", verso: "da" }, ciascunaParte: true, inMancanza: "proposta_rifiutata" });
    expect(c).toMatchObject({ ancora: { evento: "fissazione_primo_incontro", campo: "data_incontro", verso: "prima" }, entro: { quantita: 2, unita: "giorni_lavorativi" } });
    expect(d).toMatchObject({ per: [], ancora: { evento: "comunicazione_lista_candidati", verso: "da" } });
    expect(e).toMatchObject({ ancora: { termine: "preferenze_candidati", verso: "da" }, entro: { quantita: 3, unita: "giorni" } });
    expect(f).toMatchObject({ scadenza: "durata", sospesoDaChiusure: false, entro: { quantita: 3, unita: "mesi" } });
  });
  it("tariffa: brackets in cents, fixed fee, percent of value, indeterminato, tabella, voce", () => {
    const [a, b, c] = regole(`tariffa spese_avvio iva 22%:
        quando parte.ruolo = istante o parte.aderito
        fino a 1.000 €: 40 €
        fino a 50.000 €: 75 €
        oltre: 110 €
        indeterminato: 110 €
      tariffa spese_notifica iva 22%:
        quando parte.ruolo = invitata
        10 €
      tariffa spese_mediazione_2 tabella seconda iva 22%:
        voce spese_mediazione
        fino a 1.000 €: 86,66 €
        oltre 1.000 €: 0,20 % del valore
        indeterminato: come valore 50.000 €`);
    expect(a).toMatchObject({
      tipo: "tariffa", voce: "spese_avvio", ivaPercento: 22,
      quando: { or: [{ "==": [{ var: "parte.ruolo" }, "istante"] }, { "!!": [{ var: "parte.aderito" }] }] },
      scaglioni: [
        { fino: 100000, importo: { tipo: "fisso", centesimi: 4000 } },
        { fino: 5000000, importo: { tipo: "fisso", centesimi: 7500 } },
        { importo: { tipo: "fisso", centesimi: 11000 } },
      ],
      indeterminato: { tipo: "fisso", centesimi: 11000 },
    });
    expect(b).toMatchObject({ scaglioni: [{ importo: { tipo: "fisso", centesimi: 1000 } }] });
    expect(c).toMatchObject({
      nome: "spese_mediazione_2", voce: "spese_mediazione", tabella: "seconda",
      scaglioni: [{ fino: 100000, importo: { tipo: "fisso", centesimi: 8666 } }, { importo: { tipo: "percentuale_valore", percentuale: 0.2 } }],
      indeterminato: { tipo: "come_valore", centesimi: 5000000 },
    });
    expect(una(`tariffa copia_verbale iva 22%: da determinare`)).toMatchObject({ scaglioni: [{ importo: { tipo: "da_determinare" } }] });
  });
  it("riduzione / aumento / esenzione", () => {
    const [a, b, c, d, e] = regole(`tariffa spese_mediazione iva 22%: fino a 1.000 €: 60 € fino a 5.000 €: 100 € fino a 10.000 €: 150 € fino a 20.000 €: 200 € fino a 30.000 €: 300 € fino a 40.000 €: 400 € oltre: 500 €
      tariffa spese_avvio iva 22%: 40 €
      tariffa spese_mediazione_primo_incontro iva 22%: 60 €
      riduzione riduzione_materia_obbligatoria:
        di un terzo su spese_mediazione scaglioni 1-6
        quando tipo in [obbligatoria, demandata]
      aumento aumento_successo: fino a un quarto su spese_mediazione quando verbale.tipo = accordo
      aumento aumento_proposta: di un quinto sul totale di spese_mediazione quando esiste formulazione_proposta
      esenzione patrocinio: su spese_avvio, spese_mediazione quando parte.requisiti_patrocinio_stato
      riduzione detrazione_primo_incontro: di spese_mediazione_primo_incontro su spese_mediazione`).slice(3);
    expect(a).toMatchObject({ tipo: "variazione", voce: "riduzione_materia_obbligatoria", segno: -1, misura: { tipo: "frazione", num: 1, den: 3 }, finoA: false, su: ["spese_mediazione"], base: "tabella", scaglioni: { da: 1, a: 6 } });
    expect(b).toMatchObject({ segno: 1, misura: { tipo: "frazione", num: 1, den: 4 }, finoA: true });
    expect(c).toMatchObject({ segno: 1, misura: { tipo: "frazione", num: 1, den: 5 }, base: "totale" });
    expect(d).toMatchObject({ segno: -1, misura: { tipo: "frazione", num: 1, den: 1 }, su: ["spese_avvio", "spese_mediazione"] });
    expect(e).toMatchObject({ misura: { tipo: "voce", voce: "spese_mediazione_primo_incontro" } });
  });
  it("fractions, percent and euro measures", () => {
    const misure = regole(`tariffa t iva 0%: 10 €
      riduzione r1: di la metà su t
      riduzione r2: di due terzi su t
      riduzione r3: di tre quarti su t
      riduzione r4: di 10% su t
      riduzione r5: di 50 € su t
      riduzione r6: di un decimo su t
      riduzione r7: di per intero su t`).slice(1).map((r) => (r as { misura: unknown }).misura);
    expect(misure).toEqual([
      { tipo: "frazione", num: 1, den: 2 }, { tipo: "frazione", num: 2, den: 3 }, { tipo: "frazione", num: 3, den: 4 },
      { tipo: "percentuale", percentuale: 10 }, { tipo: "importo", centesimi: 5000 }, { tipo: "frazione", num: 1, den: 10 },
      { tipo: "frazione", num: 1, den: 1 },
    ]);
  });
  it("insieme, effetto, visibilita, azione", () => {
    const [a, b, c, d, e, f] = regole(`insieme richiedenti_proposta:
        parti di richiesta_proposta, deposito_domanda se evento.richiesta_proposta, adesione se evento.richiesta_proposta
      effetto tentativo_fallito: quando primo_incontro.esito = mancato_accordo
      effetto non_pervenuta: ciascuna parte effetto domanda_non_pervenuta quando non esiste adesione
      visibilita documenti_riservati: documenti sessione_separata visibili a depositante, mediatore
      azione adesione: da invitata in fase domanda_depositata, primo_incontro_fissato
      azione primo_incontro:
        da organismo in fase primo_incontro_fissato, domanda_depositata
        porta a mediazione_in_corso quando azione.esito = prosecuzione
        porta a conclusa`);
    expect(a).toMatchObject({
      tipo: "insieme",
      da: [{ azione: "richiesta_proposta" }, { azione: "deposito_domanda", quando: { "!!": [{ var: "evento.richiesta_proposta" }] } }, { azione: "adesione", quando: { "!!": [{ var: "evento.richiesta_proposta" }] } }],
    });
    expect(b).toMatchObject({ tipo: "effetto", effetto: "tentativo_fallito", perParte: false });
    expect(c).toMatchObject({ tipo: "effetto", nome: "non_pervenuta", effetto: "domanda_non_pervenuta", perParte: true, quando: { "!": [{ var: "adesione" }] } });
    expect(d).toMatchObject({ tipo: "visibilita", documenti: "sessione_separata", visibileA: ["depositante", "mediatore"] });
    expect(e).toEqual(expect.objectContaining({ tipo: "azione", nome: "azione_adesione", azione: "adesione", da: ["invitata"], inFase: ["domanda_depositata", "primo_incontro_fissato"], transizioni: [] }));
    expect(f).toMatchObject({
      nome: "azione_primo_incontro", da: ["organismo"],
      transizioni: [{ fase: "mediazione_in_corso", quando: { "==": [{ var: "azione.esito" }, "prosecuzione"] } }, { fase: "conclusa" }],
    });
  });
  it("eccezione: target with or without base, modifica read with the target's kind", () => {
    const rs = regole(`termine risposta_proposta: entro 7 giorni da formulazione_proposta per risposta_proposta
      vincolo v: per richiesta_proposta richiede richiedenti.numero = richiedenti.tutte
      insieme richiedenti: parti di richiesta_proposta
      eccezione risposta_telematica a risposta_proposta:
        quando modalita = telematica
        entro 10 giorni da formulazione_proposta.data_ricezione
      eccezione una_parte a v:
        quando materia = responsabilita_medica
        richiede richiedenti.numero >= 1`);
    expect(rs[3]).toMatchObject({
      tipo: "eccezione", a: { nome: "risposta_proposta" }, quando: { "==": [{ var: "modalita" }, "telematica"] },
      modifica: { entro: { quantita: 10, unita: "giorni" }, ancora: { evento: "formulazione_proposta", campo: "data_ricezione", verso: "da" } },
    });
    expect(rs[4]).toMatchObject({ a: { nome: "v" }, modifica: { richiede: { ">=": [{ var: "richiedenti.numero" }, 1] } } });
    const base = compile(conTesta(`eccezione e1 a proposta_su_richiesta_congiunta di dlgs-28-2010: quando materia = responsabilita_medica`, `regolamento prova "P" versione 1 in vigore dal 2026-01-01 applica dlgs-28-2010\n`));
    expect(base.regolamento?.regole[0]).toMatchObject({ a: { nome: "proposta_su_richiesta_congiunta", fonte: "dlgs-28-2010" } });
  });
  it("sostituisce", () => {
    const r = compile(`regolamento prova "P" versione 1 in vigore dal 2026-01-01 applica dlgs-28-2010
      termine risposta_proposta_10 sostituisce risposta_proposta di dlgs-28-2010: entro 10 giorni da formulazione_proposta`);
    expect(r.regolamento?.regole[0]).toMatchObject({ sostituisce: { nome: "risposta_proposta", fonte: "dlgs-28-2010" } });
  });
});

describe("citations, texts and structure", () => {
  const src = conTesta(`lettera a "prima lettera"
  vincolo l1: per adesione vieta
articolo 2 bis "Titolo" testo "testo dell'articolo"
  vincolo r0: per adesione vieta
  comma 1 "testo del comma"
    vincolo r1: per adesione vieta
    lettera b "testo della lettera"
      vincolo r2: per adesione vieta testo "testo proprio"
      vincolo r3: per adesione vieta
  comma 4 bis
    vincolo r4: per adesione vieta
calendario
  festivo 06-29 "patrono"
  chiusura dal 2026-08-10 al 2026-08-20
procedura
  fase aperta iniziale
  fase chiusa finale
`);
  const r = compile(src).regolamento!;
  it("cita, testo and riga from the scope", () => {
    const by = Object.fromEntries(r.regole.map((g) => [g.nome, g]));
    expect(by["l1"]).toMatchObject({ cita: "lett. a", testo: "prima lettera", riga: 4 });
    expect(by["r0"]).toMatchObject({ cita: "art. 2-bis", testo: "testo dell'articolo" });
    expect(by["r1"]).toMatchObject({ cita: "art. 2-bis c. 1", testo: "testo del comma" });
    expect(by["r2"]).toMatchObject({ cita: "art. 2-bis c. 1 lett. b", testo: "testo proprio" });
    expect(by["r3"]).toMatchObject({ cita: "art. 2-bis c. 1 lett. b", testo: "testo della lettera" });
    expect(by["r4"]).toMatchObject({ cita: "art. 2-bis c. 4-bis" });
    expect(by["r4"]!.testo).toBe("testo dell'articolo"); // no quote of its own: the innermost one
  });
  it("struttura lists every unit with its text and rules", () => {
    expect(r.struttura).toEqual([
      { numero: "", commi: [], lettere: [{ lettera: "a", testo: "prima lettera", regole: ["l1"], riga: 3 }], regole: [] },
      {
        numero: "2-bis", titolo: "Titolo", testo: "testo dell'articolo", riga: 5, regole: ["r0"], lettere: [],
        commi: [
          { numero: "1", testo: "testo del comma", riga: 7, regole: ["r1"], lettere: [{ lettera: "b", testo: "testo della lettera", regole: ["r2", "r3"], riga: 9 }] },
          { numero: "4-bis", riga: 12, regole: ["r4"], lettere: [] },
        ],
      },
    ]);
  });
  it("calendario and procedura inside an articolo cite it", () => {
    expect(r.calendario).toEqual({
      festivi: [{ data: "06-29", nome: "patrono", cita: "art. 2-bis c. 4-bis" }],
      chiusure: [{ dal: "2026-08-10", al: "2026-08-20", cita: "art. 2-bis c. 4-bis" }],
    });
    expect(r.fasi).toEqual([
      { nome: "aperta", iniziale: true, finale: false, cita: "art. 2-bis c. 4-bis" },
      { nome: "chiusa", iniziale: false, finale: true, cita: "art. 2-bis c. 4-bis" },
    ]);
  });
  it("parse returns an AST with source ranges", () => {
    const { ast } = parse(src);
    expect(ast?.intestazione?.id).toMatchObject({ testo: "prova", span: { line: 1, col: 13 } });
  });
});
