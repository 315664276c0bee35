import { describe, expect, it } from "vitest";
import { check, compile } from "../index.ts";
import { TESTA, TESTA_BASI } from "../test-utils.ts";
import type { Regolamento } from "../../engine/ir.ts";

const codici = (src: string, bases?: Regolamento[]) => check(src, bases ? { bases } : {}).map((d) => `${d.code}:${d.severity}:${d.line}`);
const messaggi = (src: string, bases?: Regolamento[]) => check(src, bases ? { bases } : {}).map((d) => d.message);

const BASE = compile(`regolamento dlgs-28-2010 "Base"
  versione 1 in vigore dal 2023-01-01
procedura
  fase domanda_depositata iniziale
  fase conclusa finale
articolo 11 comma 2
  termine risposta_proposta: entro 7 giorni da formulazione_proposta ciascuna parte in mancanza proposta_rifiutata
  insieme richiedenti_proposta: parti di richiesta_proposta
  tariffa spese_mediazione iva 22%: fino a 1.000 €: 60 € fino a 5.000 €: 100 € oltre: 200 €
`).regolamento!;

describe("semantic checks (SPEC § Checks)", () => {
  it("a clean file has no diagnostics", () => {
    expect(check(`${TESTA_BASI}articolo 1 comma 1 vincolo v: per adesione quando materia = condominio richiede valore <= 1.000 €\n`, { bases: [BASE] })).toEqual([]);
  });
  it("E010 unknown action, with did-you-mean", () => {
    expect(codici(`${TESTA}vincolo v: per adesone vieta\n`)).toEqual(["E010:error:3"]);
    expect(messaggi(`${TESTA}vincolo v: per adesone vieta\n`)[0]).toBe("azione sconosciuta 'adesone': forse intendevi 'adesione'?");
    expect(codici(`${TESTA}termine t: entro 3 giorni da deposito_domandaa\n`)).toEqual(["E010:error:3"]);
    // a file may define a new action and then use it
    expect(codici(`${TESTA}azione sopralluogo: da mediatore\nvincolo v: per sopralluogo vieta\n`)).toEqual([]);
  });
  it("E011 unknown fact root; E012 unknown literal value (warning) with did-you-mean", () => {
    expect(messaggi(`${TESTA}vincolo v: per adesione richiede matreia = condominio\n`)).toEqual(["fatto sconosciuto 'matreia': forse intendevi 'materia'?"]);
    // a value outside the enumeration: E012, and the guard can never be met (E112)
    expect(codici(`${TESTA}vincolo v: per adesione richiede materia = condomino\n`)).toEqual(["E112:warning:3", "E012:warning:3"]);
    expect(messaggi(`${TESTA}vincolo v: per adesione richiede materia in [condominio, locazzione]\n`)[0]).toContain("forse intendevi 'locazione'?");
    // action names, insiemi and conteggio are facts
    expect(codici(`${TESTA}insieme chi: parti di adesione\nvincolo v: per adesione richiede chi.numero >= conteggio.incontro e esiste adesione\n`)).toEqual([]);
    expect(codici(`${TESTA}vincolo v: per adesione richiede conteggio.incontr > 1\n`)).toEqual(["E010:error:3"]);
  });
  it("E013 unknown phase: error when verifiable, silent for the baseline's guaranteed phases", () => {
    expect(codici(`${TESTA}procedura fase aperta iniziale\nvincolo v: per adesione in fase chiusa vieta\n`)).toEqual(["E013:error:4"]);
    expect(codici(`${TESTA_BASI}vincolo v: per adesione in fase domanda_depositata vieta\n`)).toEqual([]);
    expect(codici(`${TESTA_BASI}vincolo v: per adesione in fase domanda_depositat vieta\n`)).toEqual(["E013:warning:4"]);
    expect(codici(`${TESTA_BASI}vincolo v: per adesione in fase domanda_depositat vieta\n`, [BASE])).toEqual(["E013:error:4"]);
    expect(codici(`${TESTA_BASI}vincolo v: per adesione quando fase = conclusa vieta\n`, [BASE])).toEqual([]);
  });
  it("E014 unknown role", () => {
    expect(messaggi(`${TESTA}vincolo v: per adesione da invitato vieta\n`)[0]).toContain("forse intendevi 'invitata'?");
    expect(codici(`${TESTA}visibilita d: documenti sessione_separata visibili a tutti\n`)).toEqual(["E014:error:3"]);
  });
  it("E020 duplicate names (also two definitions of one action, two declarations of one phase)", () => {
    expect(codici(`${TESTA}vincolo v: per adesione vieta\nvincolo v: per adesione vieta\n`)).toEqual(["E020:error:4"]);
    expect(codici(`${TESTA}azione adesione: da invitata\nazione adesione: da istante\n`)).toEqual(["E020:error:4"]);
    expect(codici(`${TESTA}procedura fase a1 iniziale fase a1\n`)).toEqual(["E020:error:3"]);
  });
  it("E021 missing target of eccezione / sostituisce: error with the bases, warning without", () => {
    const src = `${TESTA_BASI}termine r sostituisce rispota_proposta di dlgs-28-2010: entro 10 giorni da formulazione_proposta\n`;
    expect(codici(src)).toEqual(["E021:warning:4"]);
    expect(codici(src, [BASE])).toEqual(["E021:error:4"]);
    expect(messaggi(src, [BASE])[0]).toContain("forse intendevi 'risposta_proposta'?");
    expect(codici(src.replace("rispota_", "risposta_"), [BASE])).toEqual([]);
    expect(codici(`${TESTA}eccezione ecc a nessuna: quando vero\n`)).toEqual(["E021:error:3"]);
    // bases given but not the applied one: still only a warning
    expect(codici(src, [])).toEqual(["E021:warning:4"]);
  });
  it("E023 sostituisce a rule of another kind; a rule never targets itself", () => {
    expect(codici(`${TESTA_BASI}vincolo risposta_proposta sostituisce risposta_proposta di dlgs-28-2010: per adesione vieta\n`, [BASE])).toEqual(["E023:error:4"]);
    // same name as the base's rule, no `di`: the target is the base's, not itself
    expect(codici(`${TESTA_BASI}termine risposta_proposta sostituisce risposta_proposta: entro 10 giorni da formulazione_proposta\n`, [BASE])).toEqual([]);
    expect(codici(`${TESTA}termine t sostituisce t: entro 10 giorni da formulazione_proposta\n`)).toEqual(["E021:error:3"]);
  });
  it("E022 reference to a baseline the file does not apply", () => {
    expect(codici(`${TESTA}eccezione ecc a risposta_proposta di dm-150-2023: quando vero\n`)).toEqual(["E022:error:3"]);
  });
  it("E030 / E031 / E032 fee tables", () => {
    expect(codici(`${TESTA}tariffa t iva 22%: fino a 1.000 €: 1 € fino a 500 €: 2 € oltre: 3 €\n`)).toEqual(["E030:error:3"]);
    expect(codici(`${TESTA}tariffa t iva 22%: fino a 1.000 €: 1 € oltre 2.000 €: 3 €\n`)).toEqual(["E031:error:3"]);
    expect(codici(`${TESTA}tariffa t iva 22%: fino a 1.000 €: 1 €\n`)).toEqual(["E031:error:3"]);
    expect(codici(`${TESTA}tariffa t iva 22%: oltre: 3 € fino a 1.000 €: 1 €\n`)).toEqual(["E031:error:3", "E031:error:3"]);
    expect(codici(`${TESTA}tariffa t: 10 €\n`)).toEqual(["E032:warning:3"]);
  });
  it("E040 incoherent window, E041 no window", () => {
    expect(codici(`${TESTA}termine t: non prima di 40 giorni e entro 20 giorni da deposito_domanda\n`)).toEqual(["E040:error:3"]);
    expect(codici(`${TESTA}termine t: non prima di 2 mesi e entro 40 giorni da deposito_domanda\n`)).toEqual(["E040:error:3"]);
    expect(codici(`${TESTA}termine t: per adesione\n`)).toEqual(["E041:error:3"]);
  });
  it("E050 invalid dates", () => {
    expect(codici(`regolamento p "P" versione 1 in vigore dal 2026-02-30\n`)).toEqual(["E050:error:1"]);
    expect(codici(`${TESTA}calendario festivo 13-01 chiusura dal 2026-08-20 al 2026-08-10\n`)).toEqual(["E050:error:3", "E050:error:3"]);
    expect(codici(`${TESTA}vincolo v: per adesione richiede data < 2026-04-31\n`)).toEqual(["E050:error:3"]);
  });
  it("E060 'dalla scadenza di' names no term", () => {
    expect(codici(`${TESTA}termine t1: entro 3 giorni dalla scadenza di b\n`)).toEqual(["E060:error:3"]);
    expect(codici(`${TESTA}insieme b: parti di adesione\ntermine t1: entro 3 giorni dalla scadenza di b\n`)).toEqual(["E060:error:4"]);
    expect(codici(`${TESTA}termine b: entro 1 giorno da adesione\ntermine t1: entro 3 giorni dalla scadenza di b\n`)).toEqual([]);
  });
  it("E070 variation on a voce no tariffa produces; E080 brackets out of the table", () => {
    expect(codici(`${TESTA}riduzione r: di un terzo su spese_mediazion\n`)).toEqual(["E070:error:3"]);
    expect(codici(`${TESTA_BASI}riduzione r: di un terzo su spese_mediazione scaglioni 1-2\n`, [BASE])).toEqual([]);
    expect(codici(`${TESTA_BASI}riduzione r: di un terzo su spese_mediazione scaglioni 1-9\n`, [BASE])).toEqual(["E080:error:4"]);
    expect(codici(`${TESTA_BASI}riduzione r: di un terzo su spese_mediazione scaglioni 3-2\n`, [BASE])).toEqual(["E080:error:4"]);
  });
  it("E002 missing clause, E003 clause of another kind, E004 repeated clause", () => {
    expect(codici(`${TESTA}vincolo v: vieta\n`)).toEqual(["E002:error:3"]);
    expect(codici(`${TESTA}vincolo v: per adesione\n`)).toEqual(["E002:error:3"]);
    expect(codici(`${TESTA}vincolo v: per adesione vieta ciascuna parte\n`)).toEqual(["E003:error:3"]);
    expect(codici(`${TESTA}vincolo v: per adesione vieta motivo "a" motivo "b"\n`)).toEqual(["E004:error:3"]);
    expect(codici(`${TESTA}eccezione ecc a x:\n`).sort()).toEqual(["E002:error:3", "E021:error:3"]);
  });
  it("compile returns no regolamento iff there is an error", () => {
    expect(compile(`${TESTA}tariffa t: 10 €\n`).regolamento).toBeDefined(); // a warning only
    expect(compile(`${TESTA}vincolo v: per adesone vieta\n`).regolamento).toBeUndefined();
  });
});
