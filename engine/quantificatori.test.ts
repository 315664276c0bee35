// A quantified condition end to end: written in the DSL, compiled by dsl/index.ts compile() to
// json-logic `all`, prepared over a national baseline and evaluated by the engine.
// Velletri art. 1-bis c. 3 lett. a: "le parti devono partecipare con l'assistenza dell'avvocato al
// primo incontro" → `richiede ogni p in parti (p.avvocato)`.
import { describe, expect, it } from "vitest";
import { compile } from "../dsl/index.ts";
import { evaluate, prepare } from "./index.ts";
import { baseline } from "./test-support/build.ts";
import type { Domanda, Parte } from "./contract.ts";
import type { Vincolo } from "./ir.ts";

const SORGENTE = `regolamento velletri "Organismo di mediazione di Velletri"
  versione 1 in vigore dal 2026-01-01
  applica dlgs-28-2010

articolo 1 bis
  comma 3
    lettera a "le parti devono partecipare con l'assistenza dell'avvocato al primo incontro"
      vincolo primo_incontro_con_avvocato:
        per primo_incontro
        richiede ogni p in parti (p.avvocato)
        motivo "Al primo incontro ogni parte deve essere assistita da un avvocato"
      vincolo nessuna_parte_esclusa:
        per primo_incontro
        richiede nessuna p in azione.presenti (p = esclusa)
`;

const base = baseline();
const compilato = compile(SORGENTE, { bases: [base] });

const domanda = (parti: Parte[], azione: Record<string, unknown> = {}): Domanda => ({
  data: "2026-03-25",
  procedimento: {
    materia: "condominio", valore: 5000, parti,
    eventi: [
      { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
      { azione: "fissazione_primo_incontro", data: "2026-03-03", ruolo: "organismo", data_incontro: "2026-03-25" },
    ],
  },
  azione: { azione: "primo_incontro", data: "2026-03-25", ruolo: "organismo", esito: "prosecuzione", ...azione },
});

describe("ogni p in parti (p.avvocato), compiled by the DSL and evaluated by the engine", () => {
  it("compiles without diagnostics to json-logic all", () => {
    expect(compilato.diagnostics).toEqual([]);
    const v = compilato.regolamento!.regole.find((r) => r.nome === "primo_incontro_con_avvocato") as Vincolo;
    expect(v.richiede).toEqual({ all: [{ var: "parti" }, { "!!": [{ var: "avvocato" }] }] });
    expect(v.cita).toBe("art. 1-bis c. 3 lett. a");
  });

  const p = prepare(compilato.regolamento!, [base]);

  it("denies the primo incontro when one party has no lawyer, citing art. 1-bis c. 3 lett. a", () => {
    for (const b of [{ id: "B", ruolo: "invitata" as const, avvocato: false }, { id: "B", ruolo: "invitata" as const }]) {
      const r = evaluate(p, domanda([{ id: "A", ruolo: "istante", avvocato: true }, b]));
      expect(r.esito).toBe("negato");
      expect(r.motivi).toEqual([
        expect.objectContaining({
          regola: "primo_incontro_con_avvocato", fonte: "velletri", cita: "art. 1-bis c. 3 lett. a",
          testo: "le parti devono partecipare con l'assistenza dell'avvocato al primo incontro",
          messaggio: "Al primo incontro ogni parte deve essere assistita da un avvocato",
        }),
      ]);
    }
  });

  it("allows it when every party has one", () => {
    const r = evaluate(p, domanda([{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }]));
    expect(r.esito).toBe("consentito");
    expect(r.motivi.filter((m) => m.regola === "primo_incontro_con_avvocato")).toEqual([]);
  });

  it("the body's fields are the element's, never missing facts of the procedure", () => {
    const src = SORGENTE.replace("richiede ogni p in parti (p.avvocato)", "richiede almeno una p in parti (p.ruolo = invitata e p.avvocato)");
    const q = prepare(compile(src, { bases: [base] }).regolamento!, [base]);
    const r = evaluate(q, domanda([{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata" }]));
    expect(r.esito).toBe("negato");
    expect(r.motivi).toEqual([expect.objectContaining({ regola: "primo_incontro_con_avvocato", cita: "art. 1-bis c. 3 lett. a" })]);
    expect(r.fatti_mancanti).toBeUndefined(); // not ["ruolo"]: `ruolo` is a field of each party
    expect(evaluate(q, domanda([{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata", avvocato: true }])).esito).toBe("consentito");
  });

  it("nessuna p in azione.presenti (p = esclusa): the element itself is compared", () => {
    const parti: Parte[] = [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }];
    expect(evaluate(p, domanda(parti, { presenti: ["A", "B"] })).esito).toBe("consentito");
    const r = evaluate(p, domanda(parti, { presenti: ["A", "esclusa"] }));
    expect(r.esito).toBe("negato");
    expect(r.motivi).toEqual([expect.objectContaining({ regola: "nessuna_parte_esclusa", cita: "art. 1-bis c. 3 lett. a" })]);
  });
});
