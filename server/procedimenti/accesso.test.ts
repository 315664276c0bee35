import { describe, expect, it } from "vitest";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import { ErroreApi } from "../errori/errore.ts";
import { conAttore, puoVedere } from "./accesso.ts";

const chiave = (ruolo: CredenzialeChiave["ruolo"], parte?: string, procedimento?: string, concessi = ["p"]): CredenzialeChiave => ({
  tipo: "chiave", organismo: "alfa", id: "0123456789ab", ruolo, ...(parte ? { parte } : {}), ...(procedimento ? { procedimento } : {}),
  ...(ruolo === "parte" ? { procedimentiConcessi: new Set(concessi) } : {}),
});
const fatti = { parti: [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }], mediatore: { id: "m1" } };

describe("accesso ai procedimenti", () => {
  it("chi vede un procedimento", () => {
    expect(puoVedere(chiave("segreteria"), "p", fatti, [])).toBe(true);
    expect(puoVedere(chiave("responsabile"), "p", fatti, [])).toBe(false);
    expect(puoVedere(chiave("parte", "A"), "p", fatti, [])).toBe(true);
    expect(puoVedere(chiave("parte", "C"), "p", fatti, [])).toBe(false);
    expect(puoVedere(chiave("mediatore", "m1"), "p", fatti, [])).toBe(true);
    expect(puoVedere(chiave("mediatore", "m2"), "p", fatti, [])).toBe(false);
    // A mediator designated by an event sees it too.
    expect(puoVedere(chiave("mediatore", "m2"), "p", fatti, [{ azione: "designazione_mediatore", mediatore: { id: "m2" } }])).toBe(true);
    // A key bound to one procedure sees only that one.
    expect(puoVedere(chiave("parte", "A", "p"), "p", fatti, [])).toBe(true);
    expect(puoVedere(chiave("parte", "A", "q", ["q"]), "p", fatti, [])).toBe(false);
    expect(puoVedere(chiave("segreteria", undefined, "q"), "p", fatti, [])).toBe(false);
    // A party key sees only the procedures it is bound to: the same label in another dispute is not it.
    expect(puoVedere(chiave("parte", "A", undefined, ["q"]), "p", fatti, [])).toBe(false);
    expect(puoVedere(chiave("parte", "A", undefined, []), "p", fatti, [])).toBe(false);
  });

  it("come agisce ciascuno", () => {
    expect(conAttore(chiave("parte", "A"), { azione: "adesione" })).toEqual({ azione: "adesione", parte: "A" });
    expect(() => conAttore(chiave("parte", "A"), { azione: "adesione", parte: "B" })).toThrow(ErroreApi);
    expect(() => conAttore(chiave("parte", "A"), { azione: "adesione", ruolo: "mediatore" })).toThrow(ErroreApi);
    expect(conAttore(chiave("mediatore", "m1"), { azione: "incontro" })).toEqual({ azione: "incontro", ruolo: "mediatore" });
    expect(() => conAttore(chiave("mediatore", "m1"), { azione: "adesione", parte: "B" })).toThrow(ErroreApi);
    expect(conAttore(chiave("segreteria"), { azione: "adesione", parte: "B" })).toEqual({ azione: "adesione", parte: "B" });
    expect(conAttore(chiave("segreteria"), { azione: "fissazione_primo_incontro" })).toEqual({ azione: "fissazione_primo_incontro", ruolo: "segreteria" });
    expect(() => conAttore(chiave("responsabile"), { azione: "adesione" })).toThrow(ErroreApi);
  });
});
