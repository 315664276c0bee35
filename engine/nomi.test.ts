// Issue 11 §5: the names a question may use are listed in the compiled form, and a name the
// regolamento does not know is said in `errori`, never swallowed.
import { describe, expect, it } from "vitest";
import { loadAll } from "../regolamenti/load.ts";
import { evaluate } from "./evaluate.ts";
import type { Domanda } from "./contract.ts";

const { catalog } = await loadAll();
const domanda = (extra: Partial<Domanda> = {}, proc: Record<string, unknown> = {}): Domanda => ({
  data: "2026-04-10",
  procedimento: {
    materia: "altro", tipo: "volontaria", valore: 10000, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
    eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }], ...proc,
  },
  ...extra,
});

describe("the compiled form lists the names a question may use", () => {
  it("645: its two tables, its parametri with values and default", () => {
    const ir = catalog.inForce("645", "2026-03-02")!;
    expect(ir.tabelle).toEqual(["dm180", "libera"]);
    expect(ir.parametri["valore_indeterminato_666"]).toMatchObject({ valore: "spese_mediazione", valori: ["spese_mediazione", "voce_autonoma"] });
    expect(ir.parametri["copia_verbale_voce_autonoma"]?.valori).toEqual([true, false]);
  });
  it("the law: materie_obbligatorie is a list of materie", () => {
    const law = catalog.prepared("velletri", { date: "2026-03-02" }).basi.find((b) => b.id === "dlgs-28-2010")!;
    expect(law.parametri["materie_obbligatorie"]?.elementi).toContain("condominio");
  });
});

describe("a name the regolamento does not know is said", () => {
  const p645 = catalog.prepared("645", { date: "2026-03-02" });
  it("an unknown table: errori names it and the tables; the fee is not dropped", () => {
    const r = evaluate(p645, domanda({}, { tabella: { nome: "DM180" } }));
    expect(r.errori?.join("\n")).toMatch(/tabella sconosciuta 'DM180' \(forse intendevi 'dm180'\?\); tabelle del regolamento: dm180, libera/);
  });
  it("a table name where the regolamento has none", () => {
    const r = evaluate(catalog.prepared("napoli", { date: "2026-03-02" }), domanda({}, { tabella: { nome: "A" } }));
    expect(r.errori?.join("\n")).toMatch(/una sola tabella, senza nome/);
  });
  it("an unknown parametro, a value out of its values, a materia that is not one", () => {
    const vel = catalog.prepared("velletri", { date: "2026-03-02" });
    expect(evaluate(vel, domanda({ parametri: { combinazione_variazione: "progressiva" } })).errori?.join("\n"))
      .toMatch(/parametri\.combinazione_variazione: parametro sconosciuto \(forse intendevi 'combinazione_variazioni'\?\)/);
    const r = evaluate(vel, domanda({ parametri: { combinazione_variazioni: "progresiva" } }));
    expect(r.errori?.join("\n")).toMatch(/non previsto \(forse intendevi 'progressiva'\?\); valori: tabella, progressiva; predefinito "tabella"/);
    // not applied: the trace does not say it was set
    expect(r.traccia.some((t) => t.esito === "parametro posto dalla domanda")).toBe(false);
    expect(evaluate(vel, domanda({ parametri: { materie_obbligatorie: ["condominio", "locazioni"] } })).errori?.join("\n"))
      .toMatch(/valore 'locazioni' non previsto \(forse intendevi 'locazione'\?\)/);
    expect(evaluate(vel, domanda({ parametri: { sabato_lavorativo: "si" } })).errori?.join("\n")).toMatch(/sabato_lavorativo: valore "si" non previsto; valori: true, false/);
  });
  it("known names give no errori", () => {
    const r = evaluate(p645, domanda({ parametri: { valore_indeterminato_666: "voce_autonoma", sabato_lavorativo: true } }, { tabella: { nome: "libera" } }));
    expect(r.errori).toBeUndefined();
  });
  it("an unknown field of a known action, in an event and in the action asked", () => {
    const r = evaluate(p645, domanda({ azione: { azione: "adesione", data: "2026-03-05", parte: "B", mezo: "pec" } }));
    expect(r.errori).toEqual([expect.stringMatching(/^azione \(adesione\): campo sconosciuto 'mezo' \(forse intendevi 'mezzo'\?\)/)]);
    // an action the vocabulary does not know is not checked field by field (it is denied as unknown)
    expect(evaluate(p645, domanda({ azione: { azione: "boh", xyz: 1 } })).errori).toBeUndefined();
  });
});
