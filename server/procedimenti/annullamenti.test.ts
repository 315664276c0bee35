import { describe, expect, it } from "vitest";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Azione } from "../engine-adapter.ts";
import { ErroreApi } from "../errori/errore.ts";
import { annullamento, annullati, controllaData, dataMassima, storiaEfficace } from "./annullamenti.ts";

const k = (ruolo: CredenzialeChiave["ruolo"]): CredenzialeChiave => ({ tipo: "chiave", organismo: "alfa", id: "0123456789ab", ruolo });
const storia: Azione[] = [
  { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
  { azione: "adesione", data: "2026-03-05", parte: "B" },
  { azione: "deposito_documento", data: "9999-12-31", parte: "A" },
];
const codice = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ErroreApi).code;
  }
  return "nessun errore";
};

describe("date e annullamenti", () => {
  it("al più domani (Europe/Rome), mai prima del deposito", () => {
    expect(dataMassima("2026-12-31")).toBe("2027-01-01");
    expect(codice(() => controllaData("2027-01-01", "2026-12-31", "2026-03-02"))).toBe("nessun errore");
    expect(codice(() => controllaData("2027-01-02T00:00:00+01:00", "2026-12-31", "2026-03-02"))).toBe("action_in_future");
    expect(codice(() => controllaData("2026-03-01", "2026-12-31", "2026-03-02"))).toBe("action_before_filing");
  });

  it("un annullamento toglie al motore l'evento e se stesso; la storia registrata resta intera", () => {
    const a = annullamento(k("segreteria"), storia, { azione: "annullamento_evento", evento: 3, motivazione: "data sbagliata" }, "2026-12-06");
    expect(a).toEqual({ azione: "annullamento_evento", data: "2026-12-06", evento: 3, motivazione: "data sbagliata", ruolo: "segreteria" });
    const dopo = [...storia, a];
    expect(storiaEfficace(dopo)).toEqual(storia.slice(0, 2));
    expect(annullati(dopo).get(3)).toEqual({ seq: 4, data: "2026-12-06", motivazione: "data sbagliata" });
    expect(storiaEfficace(storia)).toBe(storia);
  });

  it("chi annulla, cosa, e perché", () => {
    const chiede = (ruolo: CredenzialeChiave["ruolo"], evento: unknown, motivazione?: string, s: Azione[] = storia) =>
      codice(() => annullamento(k(ruolo), s, { azione: "annullamento_evento", evento, ...(motivazione ? { motivazione } : {}) } as never, "2026-12-06"));
    expect(chiede("parte", 3, "x")).toBe("forbidden");
    expect(chiede("mediatore", 3, "x")).toBe("forbidden");
    expect(chiede("responsabile", 3, "x")).toBe("nessun errore");
    expect(chiede("segreteria", 3)).toBe("void_needs_reason");
    expect(chiede("segreteria", 1, "x")).toBe("cannot_void_filing");
    expect(chiede("segreteria", 4, "x")).toBe("invalid_void_target");
    expect(chiede("segreteria", "3", "x")).toBe("invalid_void_target");
    const dopo: Azione[] = [...storia, { azione: "annullamento_evento", evento: 3, motivazione: "x", data: "2026-12-06" }];
    expect(chiede("segreteria", 3, "di nuovo", dopo)).toBe("event_already_voided");
    expect(chiede("segreteria", 4, "x", dopo)).toBe("cannot_void_void");
  });
});
