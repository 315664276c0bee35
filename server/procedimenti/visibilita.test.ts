import { describe, expect, it } from "vitest";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Visibilita } from "../../engine/ir.ts";
import { oscurato, puoVedereDocumento } from "./visibilita.ts";

const regola: Visibilita = { tipo: "visibilita", nome: "riservati", fonte: "alfa", cita: "art. 3 c. 1", documenti: "sessione_separata", visibileA: ["depositante", "mediatore"] };
const k = (ruolo: CredenzialeChiave["ruolo"], parte?: string): CredenzialeChiave => ({ tipo: "chiave", organismo: "alfa", id: "x", ruolo, ...(parte ? { parte } : {}) });
const deposito = { azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: "d", tipo: "sessione_separata" };

describe("visibilità dei documenti", () => {
  it("segue la regola: il depositante e il mediatore, nessun altro", () => {
    expect(puoVedereDocumento(k("parte", "A"), deposito, [regola])).toBe(true);
    expect(puoVedereDocumento(k("mediatore", "m1"), deposito, [regola])).toBe(true);
    expect(puoVedereDocumento(k("parte", "B"), deposito, [regola])).toBe(false);
    expect(puoVedereDocumento(k("segreteria"), deposito, [regola])).toBe(false);
  });
  it("senza regola per quel tipo, o per altre azioni, tutto è visibile", () => {
    expect(puoVedereDocumento(k("parte", "B"), { ...deposito, tipo: "sessione_comune" }, [regola])).toBe(true);
    expect(puoVedereDocumento(k("parte", "B"), { azione: "adesione", parte: "A" }, [regola])).toBe(true);
    expect(puoVedereDocumento(k("parte", "B"), deposito, [])).toBe(true);
  });
  it("l'evento oscurato dice che c'è stato, non cosa", () => {
    expect(oscurato(deposito)).toEqual({ azione: "deposito_documento", data: "2026-03-04", tipo: "sessione_separata", riservato: true });
  });
});
