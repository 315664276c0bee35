// `senza sanzione` (a term that times its actions but denies none of them: Napoli art. 5 c. 7, "sono
// invitate a confermare … non meno di 7 giorni prima"): parse, format, compile, and the engine's answer.
import { describe, expect, it } from "vitest";
import { check, compile, format } from "./index.ts";
import { conTesta, senzaRighe } from "./test-utils.ts";
import { prepare } from "../engine/prepare.ts";
import { evaluate } from "../engine/evaluate.ts";
import { baseline } from "../engine/test-support/build.ts";
import type { Domanda } from "../engine/contract.ts";
import type { Regolamento, Termine } from "../engine/ir.ts";

const TERMINE = `termine conferma_7_giorni:
  non meno di 7 giorni prima di fissazione_primo_incontro.data_incontro
  per conferma_presenza
  ciascuna parte
  senza sospensione
  senza sanzione
  scadenza conferma_presenza
`;

function compilato(corpo: string): Regolamento {
  const r = compile(conTesta(corpo));
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.regolamento!;
}

const domanda = (conferma?: string): Domanda => ({
  data: "2026-04-10",
  procedimento: {
    materia: "altro", valore: 1000,
    parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
    eventi: [
      { azione: "deposito_domanda", data: "2026-03-04", parte: "A" },
      { azione: "fissazione_primo_incontro", data: "2026-03-06", data_incontro: "2026-04-15" },
      ...(conferma ? [{ azione: "conferma_presenza", data: conferma, parte: "A" }] : []),
    ],
  },
});

describe("termine … senza sanzione", () => {
  it("compiles to senzaSanzione: true (absent otherwise) and formats back to itself", () => {
    const t = senzaRighe(compilato(TERMINE).regole[0]) as Termine;
    expect(t).toMatchObject({ tipo: "termine", scadenza: "conferma_presenza", sospesoDaChiusure: false, senzaSanzione: true });
    const senza = senzaRighe(compilato(TERMINE.replace("  senza sanzione\n", "")).regole[0]) as Termine;
    expect(senza.senzaSanzione).toBeUndefined();
    const f = format(conTesta(TERMINE)).text!;
    expect(f).toContain("senza sanzione");
    expect(senzaRighe(compile(f).regolamento!.regole)).toEqual(senzaRighe(compilato(TERMINE).regole));
  });

  it("'senza' followed by another word is a diagnostic, and 'sanzione' stays a name elsewhere", () => {
    const d = check(conTesta(TERMINE.replace("senza sanzione", "senza pena")));
    expect(d.some((x) => x.severity === "error" && /sospensione' o 'sanzione/.test(x.message))).toBe(true);
    expect(check(conTesta("vincolo sanzione:\n  per conferma_presenza\n  richiede vero\n")).filter((x) => x.severity === "error")).toEqual([]);
  });

  it("a late action is not denied, cites the term, and still closes it; the deadline is listed until then", () => {
    const p = prepare(compilato(TERMINE), [baseline()]);
    const tardiva = evaluate(p, { ...domanda(), azione: { azione: "conferma_presenza", data: "2026-04-10", parte: "A" } });
    expect(tardiva.esito).toBe("consentito");
    expect(tardiva.motivi.map((m) => m.regola)).toContain("conferma_7_giorni");
    expect(tardiva.traccia.some((x) => JSON.stringify(x).includes("senza sanzione"))).toBe(true);
    const prima = evaluate(p, domanda());
    expect(prima.scadenze.filter((s) => s.nome === "conferma_presenza").map((s) => [s.parte, s.entro])).toEqual([["A", "2026-04-08"], ["B", "2026-04-08"]]);
    const dopo = evaluate(p, domanda("2026-04-10"));
    expect(dopo.scadenze.filter((s) => s.nome === "conferma_presenza").map((s) => s.parte)).toEqual(["B"]);
  });

  it("without it the same late action is denied (the clause is what lifts the denial)", () => {
    const p = prepare(compilato(TERMINE.replace("  senza sanzione\n", "")), [baseline()]);
    const r = evaluate(p, { ...domanda(), azione: { azione: "conferma_presenza", data: "2026-04-10", parte: "A" } });
    expect(r.esito).toBe("negato");
  });
});
