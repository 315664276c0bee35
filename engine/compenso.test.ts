import { describe, expect, it } from "vitest";
import { prepare } from "./prepare.ts";
import { evaluate } from "./evaluate.ts";
import { baseline, tariffeBase, reg, eq } from "./test-support/build.ts";
import type { Compenso, Regola, Solidarieta } from "./ir.ts";
import type { Domanda } from "./contract.ts";

const parti = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
const q = (eventi: Domanda["procedimento"]["eventi"] = []): Domanda => ({
  data: "2026-03-10",
  procedimento: { materia: "altro", tipo: "volontaria", valore: 1000, parti, eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, ...(eventi ?? [])] },
});
const solidale: Solidarieta = { tipo: "solidarieta", nome: "in_solido", fonte: "org", cita: "art. 11 c. 12", voci: ["spese_mediazione_primo_incontro"], quando: { "!!": [{ var: "adesione" }] } };
const compenso = (over: Partial<Compenso> = {}): Compenso => ({ tipo: "compenso", nome: "compenso_60", fonte: "org", cita: "art. 11 c. 2", misura: { tipo: "percentuale", percentuale: 60 }, su: ["spese_mediazione_primo_incontro"], ...over });
const org = (regole: Regola[]) => prepare(reg({ id: "org", applica: ["dlgs-28-2010", "dm-150-2023"], regole }), [baseline(), tariffeBase()]);

describe("obbligazione solidale and compenso del mediatore", () => {
  it("are absent when the regolamento says nothing of them", () => {
    const r = evaluate(org([]), q());
    expect(r.indennita.obbligazione_solidale).toBeUndefined();
    expect(r.indennita.compenso_mediatore).toBeUndefined();
  });
  it("solidarity holds only when its condition does, and is cited", () => {
    expect(evaluate(org([solidale]), q()).indennita.obbligazione_solidale).toBe(false);
    const r = evaluate(org([solidale]), q([{ azione: "adesione", data: "2026-03-05", parte: "B" }]));
    expect(r.indennita.obbligazione_solidale).toBe(true);
    expect(r.traccia).toContainEqual(expect.objectContaining({ regola: "in_solido", cita: "art. 11 c. 12" }));
  });
  it("the mediator's fee is the measure of the named voci over every party, without IVA, and changes no total", () => {
    // Both parties: 60 € of first-meeting mediation fees each (D.M. 150/2023 art. 28 c. 5, ≤ 1.000 €): 60% of 120 = 72.
    const con = evaluate(org([compenso()]), q([{ azione: "adesione", data: "2026-03-05", parte: "B" }]));
    const senza = evaluate(org([]), q([{ azione: "adesione", data: "2026-03-05", parte: "B" }]));
    expect(con.indennita.compenso_mediatore).toBe(72);
    expect(con.indennita.totale).toBe(senza.indennita.totale);
    expect(con.traccia).toContainEqual(expect.objectContaining({ regola: "compenso_60", cita: "art. 11 c. 2" }));
  });
  it("two applicable fee rules for the mediator are a conflict, never a pick", () => {
    const r = evaluate(org([compenso(), compenso({ nome: "compenso_50", misura: { tipo: "percentuale", percentuale: 50 }, quando: eq("materia", "altro") })]), q());
    expect(r.indennita.compenso_mediatore).toBeUndefined();
    expect(r.conflitti?.[0]?.regole.map((x) => x.regola).sort()).toEqual(["compenso_50", "compenso_60"]);
  });
});

describe("a fee per convened party", () => {
  it("multiplies the amount by the count the facts give, and the voce says how many", () => {
    const notifica = { tipo: "tariffa" as const, nome: "spese_notifica", voce: "spese_notifica", fonte: "org", cita: "art. 2 c. 1", ivaPercento: 22,
      quando: eq("parte.ruolo", "istante"), scaglioni: [{ importo: { tipo: "fisso" as const, centesimi: 1000 } }], quantita: "numero_invitate" };
    const tre = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }, { id: "C", ruolo: "invitata" as const }];
    const r = evaluate(org([notifica]), { ...q(), procedimento: { ...q().procedimento, parti: tre } });
    const v = r.indennita.per_parte.find((x) => x.parte === "A")!.voci.find((x) => x.voce === "spese_notifica");
    expect(v).toMatchObject({ imponibile: 20, iva: 4.4, quantita: 2, cita: "art. 2 c. 1" });
  });
});
