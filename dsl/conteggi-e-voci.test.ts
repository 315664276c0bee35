// Issue 11 §6: counting events filtered by a field (`quanti c in azione (…) [oltre N]`), quantifiers
// over the entries of a map (`ogni voce r di mappa (…)`) and the parties taken out of a set
// (`insieme …: parti di … tranne parti di …`): parsed, checked, compiled, formatted, evaluated.
import { describe, expect, it } from "vitest";
import { check, compile, format } from "./index.ts";
import { evaluate, prepare } from "../engine/index.ts";
import { baseline } from "../engine/test-support/build.ts";
import type { Domanda } from "../engine/contract.ts";
import type { Insieme, JsonLogic, Tariffa, Vincolo } from "../engine/ir.ts";
import { TESTA_BASI, senzaRighe } from "./test-utils.ts";

const richiede = (cond: string): JsonLogic => {
  const r = compile(`${TESTA_BASI}vincolo v: per adesione richiede ${cond}\n`);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return (r.regolamento!.regole[0] as Vincolo).richiede;
};
const codici = (cond: string): string[] => check(`${TESTA_BASI}vincolo v: per adesione richiede ${cond}\n`).map((d) => d.code);

const CONTA = (lista: JsonLogic, corpo: JsonLogic): JsonLogic => ({ reduce: [{ filter: [lista, corpo] }, { "+": [{ var: "accumulator" }, 1] }, 0] });

describe("quanti X in lista (…)", () => {
  it("an action's name is its events; the body reads each event", () => {
    expect(richiede("quanti t in ammissione_tirocinante (t.tirocinante.iscritto_altro_organismo) < 2")).toEqual({
      "<": [CONTA({ var: "eventi.ammissione_tirocinante" }, { "!!": [{ var: "tirocinante.iscritto_altro_organismo" }] }), 2],
    });
  });
  it("a fact stays a fact; oltre N is max(0, count − N)", () => {
    expect(richiede("quanti p in parti (p.avvocato) >= 1")).toEqual({ ">=": [CONTA({ var: "parti" }, { "!!": [{ var: "avvocato" }] }), 1] });
    expect(richiede("quanti c in comunicazione_domanda (c.mezzo = raccomandata) oltre 5 > 0")).toEqual({
      ">": [{ max: [0, { "-": [CONTA({ var: "eventi.comunicazione_domanda" }, { "==": [{ var: "mezzo" }, "raccomandata"] }), 5] }] }, 0],
    });
  });
  it("checks: unknown list (E011), a fact in the body (E015), a keyword or fact as the name (E016)", () => {
    expect(codici("quanti c in comunicazione_domand (c.mezzo = pec) > 0")).toEqual(["E011"]);
    expect(codici("quanti c in comunicazione_domanda (valore > 1) > 0")).toEqual(["E015"]);
    expect(codici("quanti materia in comunicazione_domanda (materia.mezzo = pec) > 0")).toEqual(["E016"]);
  });
  it("a tariffa's quantita, formatted back as written", () => {
    const src = `${TESTA_BASI}tariffa raccomandate iva 22%: quando quanti c in comunicazione_domanda (c.mezzo = raccomandata) > 5 quantita quanti c in comunicazione_domanda (c.mezzo = raccomandata) oltre 5 10 €\n`;
    const r = compile(src);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect((r.regolamento!.regole[0] as Tariffa).quantita).toEqual({ conta: { max: [0, { "-": [CONTA({ var: "eventi.comunicazione_domanda" }, { "==": [{ var: "mezzo" }, "raccomandata"] }), 5] }] } });
    const f = format(src).text!;
    expect(f).toContain("quantita quanti c in comunicazione_domanda (c.mezzo = raccomandata) oltre 5");
    expect(senzaRighe(compile(f).regolamento)).toEqual(senzaRighe(r.regolamento));
  });
});

describe("ogni voce X di mappa (…)", () => {
  it("compiles to all/some/none over our `voci` of the map", () => {
    expect(richiede("ogni voce r di azione.rappresentati (r.procura = notarile)")).toEqual({
      all: [{ voci: [{ var: "azione.rappresentati" }] }, { "==": [{ var: "procura" }, "notarile"] }],
    });
    expect(richiede("almeno una voce r di azione.partecipazione (r.valore = videoconferenza e r.chiave = A)")).toMatchObject({ some: [{ voci: [{ var: "azione.partecipazione" }] }, {}] });
  });
  it("formats back as written", () => {
    const src = `${TESTA_BASI}vincolo v: per primo_incontro richiede nessuna voce r di azione.rappresentati (non esiste r.procura)\n`;
    expect(format(src).text).toContain("richiede nessuna voce r di azione.rappresentati (non esiste r.procura)");
  });
});

describe("insieme … tranne parti di …", () => {
  it("compiles the parties taken out", () => {
    const r = compile(`${TESTA_BASI}insieme debitori: parti di deposito_domanda, adesione tranne parti di pagamento se evento.saldo\n`);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect((r.regolamento!.regole[0] as Insieme).tranne).toEqual([{ azione: "pagamento", quando: { "!!": [{ var: "evento.saldo" }] } }]);
  });
});

describe("evaluated by the engine", () => {
  const SORGENTE = `${TESTA_BASI}articolo 1
  comma 1
    vincolo procure:
      per primo_incontro
      richiede ogni voce r di azione.rappresentati (r.procura = notarile)
      motivo "procura notarile"
    vincolo tirocinanti:
      per ammissione_tirocinante
      quando azione.tirocinante.iscritto_altro_organismo
      richiede quanti t in ammissione_tirocinante (t.tirocinante.iscritto_altro_organismo) < 2
      motivo "non più di due esterni"
    insieme insoluti:
      parti di deposito_domanda, adesione tranne parti di pagamento se evento.saldo
    vincolo consegna:
      per consegna_verbale
      richiede insoluti.numero = 0
      motivo "saldo"
    tariffa raccomandate iva 22%:
      quando parte.ruolo = istante
      quantita quanti c in comunicazione_domanda (c.mezzo = raccomandata) oltre 1
      10 €
`;
  const base = baseline();
  const c = compile(SORGENTE, { bases: [base] });
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const p = prepare(c.regolamento!, [base]);
  const parti = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
  const q = (eventi: Record<string, unknown>[], azione?: Record<string, unknown>): Domanda => ({
    data: "2026-03-20", procedimento: { materia: "altro", valore: 1000, parti, eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, ...eventi] as never },
    ...(azione ? { azione: { data: "2026-03-20", ...azione } as never } : {}),
  });
  it("every entry of the map", () => {
    expect(evaluate(p, q([], { azione: "primo_incontro", ruolo: "mediatore", rappresentati: { A: { procura: "notarile" }, B: { procura: "scrittura_privata" } } })).motivi.map((m) => m.regola)).toContain("procure");
    expect(evaluate(p, q([], { azione: "primo_incontro", ruolo: "mediatore", rappresentati: { A: { procura: "notarile" } } })).motivi.map((m) => m.regola)).not.toContain("procure");
  });
  it("counts only the events the body keeps (an internal trainee does not count)", () => {
    const amm = (id: string, est: boolean) => ({ azione: "ammissione_tirocinante", data: "2026-03-05", ruolo: "responsabile", tirocinante: { id, iscritto_altro_organismo: est } });
    const chiedi = { azione: "ammissione_tirocinante", ruolo: "responsabile", tirocinante: { id: "z", iscritto_altro_organismo: true } };
    expect(evaluate(p, q([amm("i", false), amm("e", true)], chiedi)).motivi.map((m) => m.regola)).not.toContain("tirocinanti");
    expect(evaluate(p, q([amm("e1", true), amm("e2", true)], chiedi)).motivi.map((m) => m.regola)).toContain("tirocinanti");
  });
  it("a set minus the parties of other events: each party that owes has paid the balance (a joint payment counts for each)", () => {
    const adesione = { azione: "adesione", data: "2026-03-06", parte: "B" };
    const consegna = { azione: "consegna_verbale", ruolo: "segreteria", parte: "A" };
    const neg = (ev: Record<string, unknown>[]) => evaluate(p, q([adesione, ...ev], consegna)).motivi.map((m) => m.regola);
    expect(neg([{ azione: "pagamento", data: "2026-03-10", parte: "A", saldo: true }])).toContain("consegna");
    expect(neg([{ azione: "pagamento", data: "2026-03-10", parte: "A", saldo: true }, { azione: "pagamento", data: "2026-03-11", parte: "B", saldo: true }])).not.toContain("consegna");
    expect(neg([{ azione: "pagamento", data: "2026-03-10", parti: ["A", "B"], saldo: true }])).not.toContain("consegna");
  });
  it("a fee due per event beyond the first N", () => {
    const com = (parte: string, mezzo: string) => ({ azione: "comunicazione_domanda", data: "2026-03-03", ruolo: "segreteria", parte, mezzo });
    const voce = (ev: Record<string, unknown>[]) => evaluate(p, q(ev)).indennita.per_parte.find((x) => x.parte === "A")!.voci.find((v) => v.voce === "raccomandate");
    expect(voce([com("B", "raccomandata"), com("C", "raccomandata"), com("D", "pec"), com("E", "raccomandata")])).toMatchObject({ quantita: 2, imponibile: 20 });
    expect(voce([com("B", "raccomandata")])).toMatchObject({ quantita: 0, imponibile: 0 });
  });
});
