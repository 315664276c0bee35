import { describe, expect, it } from "vitest";
import { prepare } from "./prepare.ts";
import { compare, matrix } from "./compare.ts";
import { baseline, tariffeBase, reg, vincolo, termine, v, eq, g } from "./test-support/build.ts";

const velletri = prepare(reg({ id: "velletri", nome: "Velletri", applica: ["dlgs-28-2010", "dm-150-2023"], regole: [
  vincolo("praticanti_fino_a_25000", { fonte: "velletri", cita: "art. 5 c. 4", azioni: ["designazione_mediatore"], quando: eq("azione.mediatore.categoria", "praticante_abilitato"), richiede: { "<=": [v("valore"), 25000] } }),
  termine("risposta_proposta_10", { fonte: "velletri", cita: "art. 8 c. 9", scadenza: "risposta_proposta", sostituisce: { nome: "risposta_proposta", fonte: "dlgs-28-2010" },
    ancora: { evento: "formulazione_proposta", verso: "da" }, entro: g(10), per: [{ azione: "risposta_proposta" }], ciascunaParte: true }),
], calendario: { festivi: [], chiusure: [{ dal: "2026-08-01", al: "2026-08-31", nome: "ferie", cita: "art. 2" }] } }), [baseline(), tariffeBase()]);
const altro = prepare(reg({ id: "altro", nome: "Altro", applica: ["dlgs-28-2010"] }), [baseline()]);

describe("compare", () => {
  it("answers one question per organismo", () => {
    const q = { data: "2026-03-03", procedimento: { materia: "altro", valore: 30000, parti: [{ id: "A", ruolo: "istante" as const }], eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }] },
      azione: { azione: "designazione_mediatore", ruolo: "responsabile", mediatore: { categoria: "praticante_abilitato" } } };
    const r = compare([velletri, altro], q);
    expect(r.map((x) => [x.organismo, x.risposta.esito])).toEqual([["velletri", "negato"], ["altro", "consentito"]]);
  });
});

describe("matrix", () => {
  const m = matrix([velletri, altro]);
  it("has topics × organismi, each cell with its citation", () => {
    expect(m.organismi).toEqual([{ id: "velletri", nome: "Velletri" }, { id: "altro", nome: "Altro" }]);
    expect(m.celle["velletri"]!["primo_incontro"]).toMatchObject({ valore: expect.stringMatching(/non prima di 20 giorni e non oltre 40 giorni da deposito_domanda/), cita: "art. 8 c. 1", fonte: "dlgs-28-2010" });
    expect(m.celle["velletri"]!["risposta_proposta"]).toMatchObject({ valore: expect.stringMatching(/^entro 10 giorni/), cita: "art. 8 c. 9", fonte: "velletri" });
    expect(m.celle["altro"]!["risposta_proposta"]).toMatchObject({ valore: expect.stringMatching(/^entro 7 giorni/), fonte: "dlgs-28-2010" });
    expect(m.celle["velletri"]!["praticanti"]).toMatchObject({ valore: "ammessi se valore ≤ 25.000", cita: "art. 5 c. 4" });
    expect(m.celle["altro"]!["praticanti"]!.valore).toMatch(/nessun limite/);
    expect(m.celle["velletri"]!["chiusure"]).toMatchObject({ valore: "2026-08-01 – 2026-08-31 (ferie)", cita: "art. 2" });
    expect(m.celle["altro"]!["integrazione_domanda"]!.valore).toBe("non previsto");
  });
  it("gives each party's fee at filing at the values asked", () => {
    expect(m.celle["velletri"]!["indennita_1000"]).toMatchObject({ valore: "istante € 122,00 · invitata € 0,00 (IVA inclusa)", cita: "art. 28 c. 4", fonte: "dm-150-2023" });
    expect(m.celle["velletri"]!["indennita_25000"]!.valore).toMatch(/istante € 237,90/);
    expect(m.celle["altro"]!["indennita_1000"]!.valore).toMatch(/nessuna tariffa/);
    const m2 = matrix([velletri], { valori: [60000] });
    expect(m2.argomenti.map((a) => a.chiave)).toContain("indennita_60000");
    expect(m2.celle["velletri"]!["indennita_60000"]!.valore).toMatch(/istante € 341,60/);
  });
});

describe("matrix: an organismo's own variant of a topic's term", () => {
  it("is shown first, with the law's term beside it", () => {
    const trenta = prepare(reg({ id: "trenta", applica: ["dlgs-28-2010"], regole: [
      termine("primo_incontro_entro_trenta_giorni", { fonte: "trenta", cita: "art. 3 c. 4", scadenza: "primo_incontro_entro_30_giorni",
        ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(30), per: [{ azione: "fissazione_primo_incontro", campo: "data_incontro" }] }),
    ] }), [baseline()]);
    const cella = matrix([trenta]).celle["trenta"]!["primo_incontro"]!;
    expect(cella).toMatchObject({ cita: "art. 3 c. 4", fonte: "trenta" });
    expect(cella.valore).toMatch(/^entro 30 giorni.*anche: non prima di 20 giorni e non oltre 40 giorni/);
  });
});
