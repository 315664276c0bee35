// The four constructs added after the encoders' reports (dsl/SPEC.md § "Added constructs"): a term
// on a date fact, a length a fact may set, a count on a tariffa, solidale and compenso. Good input
// → the IR of engine/ir.ts; bad input → a diagnostic at line:col; format keeps the meaning.
import { describe, expect, it } from "vitest";
import { check, compile, format } from "./index.ts";
import type { Regola } from "../engine/ir.ts";
import { TESTA, conTesta, senzaRighe } from "./test-utils.ts";

function regole(corpo: string): Regola[] {
  const r = compile(conTesta(corpo));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return senzaRighe(r.regolamento!.regole);
}
const una = (corpo: string): Regola => {
  const rs = regole(corpo);
  expect(rs).toHaveLength(1);
  return rs[0]!;
};
/** code:severity:line:col of each diagnostic (the snippet starts on line 3, after TESTA). */
const diag = (corpo: string): string[] => check(conTesta(corpo)).map((d) => `${d.code}:${d.severity}:${d.line}:${d.col}`);
const messaggi = (corpo: string): string[] => check(conTesta(corpo)).map((d) => d.message);

describe("1. a term anchored on a date fact of the procedure", () => {
  it("da / prima di <fatto> → Ancora { fatto, verso }", () => {
    expect(una("termine durata_demandata: entro 3 mesi da termine_deposito_giudice senza sospensione")).toEqual({
      tipo: "termine", nome: "durata_demandata", fonte: "prova", cita: "", scadenza: "durata_demandata",
      ancora: { fatto: "termine_deposito_giudice", verso: "da" }, entro: { quantita: 3, unita: "mesi" },
      per: [], salvoAccordo: false, ciascunaParte: false, sospesoDaChiusure: false,
    });
    expect((una("termine t: non meno di 5 giorni prima di termine_deposito_giudice") as { ancora: unknown }).ancora).toEqual({ fatto: "termine_deposito_giudice", verso: "prima" });
    // `dal` is accepted as `da`; a deeper path into an object fact is a path
    expect((una("termine t: entro 10 giorni dal clausola_mediazione.data_invito") as { ancora: unknown }).ancora).toEqual({ fatto: "clausola_mediazione.data_invito", verso: "da" });
    // an action stays an event anchor
    expect((una("termine t: entro 10 giorni da deposito_domanda.data") as { ancora: unknown }).ancora).toEqual({ evento: "deposito_domanda", campo: "data", verso: "da" });
  });
  it("an eccezione may move a term onto the judge's deadline (645 art. 3 c. 7)", () => {
    const [, e] = regole(`termine durata: entro 3 mesi da deposito_domanda
eccezione durata_demandata a durata:
  quando tipo = demandata
  entro 3 mesi da termine_deposito_giudice`);
    expect(e).toMatchObject({ tipo: "eccezione", a: { nome: "durata" }, modifica: { ancora: { fatto: "termine_deposito_giudice", verso: "da" }, entro: { quantita: 3, unita: "mesi" } } });
  });
  it("an unknown root: did you mean, E011 towards a fact, E010 towards an action", () => {
    expect(diag("termine t: entro 6 mesi da termine_deposito_giudic")).toEqual(["E011:error:3:28"]);
    expect(messaggi("termine t: entro 6 mesi da termine_deposito_giudic")[0]).toContain("forse intendevi 'termine_deposito_giudice'?");
    expect(diag("termine t: entro 6 mesi da deposito_domandaa")).toEqual(["E010:error:3:28"]);
    expect(messaggi("termine t: entro 6 mesi da deposito_domandaa")[0]).toBe("azione sconosciuta 'deposito_domandaa': forse intendevi 'deposito_domanda'?");
  });
  it("facts that are no date: an error for the roots of an action or a party, a warning for the others", () => {
    expect(diag("termine t: entro 6 mesi da parte.data")).toEqual(["E011:error:3:28"]);
    expect(diag("termine t: entro 6 mesi da azione.data")).toEqual(["E011:error:3:28"]);
    expect(diag("termine t: entro 6 mesi da materia")).toEqual(["E011:warning:3:28"]);
  });
  it("an event anchor with more than one field is a syntax error at the extra field", () => {
    expect(diag("termine t: entro 6 mesi da deposito_domanda.a.b")).toEqual(["E001:error:3:47"]);
  });
  it("format keeps it", () => {
    const src = conTesta("termine t: entro 6 mesi dal termine_deposito_giudice\ntermine u: non meno di 2 giorni prima di termine_deposito_giudice\n");
    expect(format(src).text).toContain("  entro 6 mesi dal termine_deposito_giudice\n");
    expect(format(src).text).toContain("  non meno di 2 giorni prima di termine_deposito_giudice\n");
  });
});

describe("2. a term whose length a fact may set", () => {
  it("entro N unita o <percorso> → Limite.quantitaDa (Napoli art. 7 c. 3)", () => {
    const r = una(`termine risposta_proposta:
  entro 7 giorni o formulazione_proposta.termine_giorni da formulazione_proposta.data_ricezione
  per risposta_proposta
  ciascuna parte
  in mancanza proposta_rifiutata`);
    expect(r).toMatchObject({ entro: { quantita: 7, unita: "giorni", quantitaDa: "formulazione_proposta.termine_giorni" } });
  });
  it("wherever a limit is: non prima di, non oltre, non meno di", () => {
    expect(una("termine t: non prima di 20 giorni o parametri.minimo e non oltre 40 giorni o parametri.massimo da deposito_domanda")).toMatchObject({
      nonPrimaDi: { quantita: 20, unita: "giorni", quantitaDa: "parametri.minimo" },
      entro: { quantita: 40, unita: "giorni", quantitaDa: "parametri.massimo" },
    });
    expect(una("termine t: non meno di 2 giorni lavorativi o parametri.preavviso prima di fissazione_primo_incontro.data_incontro")).toMatchObject({
      entro: { quantita: 2, unita: "giorni_lavorativi", quantitaDa: "parametri.preavviso" },
    });
    // without `o` nothing changes
    expect(una("termine t: entro 7 giorni da adesione")).toMatchObject({ entro: { quantita: 7, unita: "giorni" } });
    expect("quantitaDa" in (una("termine t: entro 7 giorni da adesione") as { entro: object }).entro).toBe(false);
  });
  it("the path is checked like a condition's; a missing path is a syntax error", () => {
    expect(diag("termine t: entro 7 giorni o formulazione_propost.termine_giorni da adesione")).toEqual(["E011:error:3:29"]);
    expect(messaggi("termine t: entro 7 giorni o formulazione_propost.termine_giorni da adesione")[0]).toContain("forse intendevi 'formulazione_proposta'?");
    expect(diag("termine t: entro 7 giorni o 10 da adesione")).toEqual(["E001:error:3:29"]);
    expect(messaggi("termine t: entro 7 giorni o 10 da adesione")[0]).toContain("il fatto che può dare la durata");
  });
  it("format keeps it", () => {
    const src = conTesta("termine t: entro 7 giorni o formulazione_proposta.termine_giorni da formulazione_proposta.data_ricezione\n");
    expect(format(src).text).toContain("  entro 7 giorni o formulazione_proposta.termine_giorni da formulazione_proposta.data_ricezione\n");
  });
});

describe("3. fixed extra costs per convened party", () => {
  it("per ciascuna parte invitata → Tariffa.quantita numero_invitate (645 art. 2 c. 1)", () => {
    expect(una(`tariffa spese_notifica iva 22%:
  quando parte.ruolo = istante
  per ciascuna parte invitata
  10 €`)).toEqual({
      tipo: "tariffa", nome: "spese_notifica", fonte: "prova", cita: "", quando: { "==": [{ var: "parte.ruolo" }, "istante"] },
      voce: "spese_notifica", ivaPercento: 22, scaglioni: [{ importo: { tipo: "fisso", centesimi: 1000 } }], quantita: "numero_invitate",
    });
  });
  it("quantita <percorso> (also spelt quantità), with brackets too", () => {
    expect(una("tariffa copie iva 22%: quantita parte.copie_richieste 5 €")).toMatchObject({ quantita: "parte.copie_richieste" });
    expect(una("tariffa copie iva 22%: quantità numero_parti fino a 1.000 €: 5 € oltre: 10 €")).toMatchObject({ quantita: "numero_parti", scaglioni: [{ fino: 100000 }, {}] });
    // absent: no field
    expect("quantita" in una("tariffa x iva 22%: 10 €")).toBe(false);
  });
  it("diagnostics: another role, an unknown fact, outside a tariffa, twice", () => {
    expect(diag("tariffa x iva 22%: per ciascuna parte istante 10 €")).toEqual(["E001:error:3:39"]);
    expect(messaggi("tariffa x iva 22%: per ciascuna parte istante 10 €")[0]).toContain("'per ciascuna parte invitata'");
    expect(diag("tariffa x iva 22%: quantita numero_invitat 10 €")).toEqual(["E011:error:3:29"]);
    expect(messaggi("tariffa x iva 22%: quantita numero_invitat 10 €")[0]).toBe("fatto sconosciuto 'numero_invitat': forse intendevi 'numero_invitate'?");
    expect(diag("termine t: entro 3 giorni da adesione per ciascuna parte invitata")).toEqual(["E003:error:3:39"]);
    expect(diag("tariffa x iva 22%: per ciascuna parte invitata quantita numero_parti 10 €")).toEqual(["E004:error:3:48"]);
  });
  it("`per <azione>` and its messages are unchanged", () => {
    expect(diag("vincolo v: per adesione vieta")).toEqual([]);
    expect(messaggi("vincolo v: per")[0]).toContain("atteso il nome di un'azione");
  });
  it("format keeps it", () => {
    const t = format(conTesta("tariffa x iva 22%: quando parte.ruolo = istante per ciascuna parte invitata 10 €\ntariffa y iva 22%: quantità numero_parti 5 €\n")).text!;
    expect(t).toContain("  per ciascuna parte invitata\n");
    expect(t).toContain("  quantita numero_parti\n");
  });
});

describe("4. solidale and compenso", () => {
  const TARIFFA = "tariffa spese_mediazione iva 22%: fino a 1.000 €: 60 € oltre: 100 €\n";
  it("solidale NOME: su VOCI [quando …] → Solidarieta (Velletri art. 11 c. 12)", () => {
    const [, s] = regole(`${TARIFFA}solidale spese_in_solido:
  su spese_mediazione
  quando esiste adesione
  testo "Le spese di mediazione indicate sono dovute in solido da ciascuna parte che ha aderito al procedimento."`);
    expect(s).toEqual({
      tipo: "solidarieta", nome: "spese_in_solido", fonte: "prova", cita: "",
      testo: "Le spese di mediazione indicate sono dovute in solido da ciascuna parte che ha aderito al procedimento.",
      quando: { "!!": [{ var: "adesione" }] }, voci: ["spese_mediazione"],
    });
  });
  it("compenso NOME: di MISURA su VOCI → Compenso (Velletri art. 11 c. 2)", () => {
    const [, c] = regole(`${TARIFFA}compenso compenso_mediatore: di 60% su spese_mediazione`);
    expect(c).toEqual({ tipo: "compenso", nome: "compenso_mediatore", fonte: "prova", cita: "", misura: { tipo: "percentuale", percentuale: 60 }, su: ["spese_mediazione"] });
    expect(regole(`${TARIFFA}compenso c: di un terzo su spese_mediazione`)[1]).toMatchObject({ misura: { tipo: "frazione", num: 1, den: 3 } });
    expect(regole(`${TARIFFA}compenso c: di 50 € su spese_mediazione`)[1]).toMatchObject({ misura: { tipo: "importo", centesimi: 5000 } });
  });
  it("they cite their comma, may be replaced and be the target of an eccezione", () => {
    const rs = regole(`articolo 11 comma 2 "Al mediatore … un compenso pari al 60% …"
  ${TARIFFA}  compenso c: di 60% su spese_mediazione
  compenso d sostituisce c: di 50% su spese_mediazione
  eccezione nessun_compenso a c: quando non primo_incontro.avvio_mediazione`);
    expect(rs[1]).toMatchObject({ tipo: "compenso", cita: "art. 11 c. 2", testo: "Al mediatore … un compenso pari al 60% …" });
    expect(rs[2]).toMatchObject({ tipo: "compenso", sostituisce: { nome: "c" } });
    expect(rs[3]).toMatchObject({ tipo: "eccezione", a: { nome: "c" } });
    const r = compile(conTesta(`articolo 11 comma 12 solidale s: su spese_mediazione\n${TARIFFA}`)).regolamento!;
    expect(r.struttura[0]!.commi[0]!.regole).toContain("s");
  });
  it("diagnostics: missing su or misura, an unknown voce, clauses of other kinds, parte in quando, kind of a sostituisce", () => {
    expect(diag(`${TARIFFA}solidale s: quando esiste adesione`)).toEqual(["E002:error:4:10"]);
    expect(diag(`${TARIFFA}compenso c: su spese_mediazione`)).toEqual(["E002:error:4:10"]);
    expect(diag(`${TARIFFA}compenso c: di 60%`)).toEqual(["E002:error:4:10"]);
    expect(diag(`${TARIFFA}compenso c: di 60% su spese_mediazion`)).toEqual(["E070:error:4:23"]);
    expect(messaggi(`${TARIFFA}compenso c: di 60% su spese_mediazion`)[0]).toContain("forse intendevi 'spese_mediazione'?");
    expect(diag(`${TARIFFA}solidale s: su spese_mediazione scaglioni 1-3`)).toEqual(["E003:error:4:33"]);
    expect(diag(`${TARIFFA}compenso c: fino a un quarto su spese_mediazione`)).toEqual(["E002:error:4:10", "E003:error:4:13"]);
    expect(diag(`${TARIFFA}compenso c: di 60% sul totale di spese_mediazione`)).toEqual(["E003:error:4:20"]);
    expect(diag(`${TARIFFA}compenso c: di 60% su spese_mediazione quando parte.aderito`)).toEqual(["E011:warning:4:47"]);
    expect(diag(`${TARIFFA}compenso c: di 60% su spese_mediazione\nsolidale s sostituisce c: su spese_mediazione`)).toEqual(["E023:error:5:24"]);
    expect(messaggi(`${TARIFFA}compenso c: di 60% su spese_mediazione\nsolidale s sostituisce c: su spese_mediazione`)[0]).toContain("'c' è un compenso: una solidarietà non può sostituirla");
  });
  it("keywords: not a rule name", () => {
    expect(diag("effetto compenso: quando vero")).toEqual(["E001:error:3:9"]);
  });
  it("format keeps them", () => {
    const src = `${TESTA}${TARIFFA}solidale s: su spese_mediazione quando esiste adesione\ncompenso c: di 60% su spese_mediazione\n`;
    const t = format(src).text!;
    expect(t).toContain("solidale s:\n  su spese_mediazione\n  quando esiste adesione\n");
    expect(t).toContain("compenso c:\n  di 60%\n  su spese_mediazione\n");
    expect(format(t).text).toBe(t);
    expect(senzaRighe(compile(t).regolamento)).toEqual(senzaRighe(compile(src).regolamento));
  });
});
