import { describe, expect, it } from "vitest";
import { graduatoriaCandidati } from "./graduatoria.ts";
import type { Evento } from "./shape.ts";
import type { Azione } from "./contract.ts";

const ev = (a: Record<string, unknown>, indice: number): Evento => ({ a: { data: "2026-03-05", ...a } as unknown as Azione, giorno: undefined, indice });
const lista = (candidati: unknown[]) => ev({ azione: "comunicazione_lista_candidati", candidati }, 0);
const pref = (parte: string, ordine: string[], i: number) => ev({ azione: "preferenze_candidati", parte, ordine }, i);
const C = [{ id: "c1", eta: 50, anno_iscrizione: 2010 }, { id: "c2", eta: 62, anno_iscrizione: 2016 }, { id: "c3", eta: 45, anno_iscrizione: 2012 }];

describe("graduatoria_candidati (645 art. 3 c. 4)", () => {
  it("is absent without a list or without preferences", () => {
    expect(graduatoriaCandidati([])).toBeUndefined();
    expect(graduatoriaCandidati([lista(C)])).toBeUndefined();
    expect(graduatoriaCandidati([pref("A", ["c1"], 1)])).toBeUndefined();
  });
  it("ranks by the sum of positions; the single best is also the eldest of the best", () => {
    const g = graduatoriaCandidati([lista(C), pref("A", ["c3", "c1", "c2"], 1), pref("B", ["c3", "c2", "c1"], 2)]);
    expect(g).toEqual({ migliori: ["c3"], piu_anziano: "c3", iscritto_da_prima: "c3" });
  });
  it("on a tie gives the eldest by age and by enrolment, each when unique", () => {
    const g = graduatoriaCandidati([lista(C), pref("A", ["c1", "c2", "c3"], 1), pref("B", ["c2", "c1", "c3"], 2)]);
    expect(g).toEqual({ migliori: ["c1", "c2"], piu_anziano: "c2", iscritto_da_prima: "c1" });
  });
  it("a party's last order counts; a candidate it left out comes after its last", () => {
    const g = graduatoriaCandidati([lista(C), pref("A", ["c1", "c2", "c3"], 1), pref("A", ["c2"], 2), pref("B", ["c2", "c1", "c3"], 3)]);
    // c1: 2 + 2 = 4, c2: 1 + 1 = 2, c3: 2 + 3 = 5
    expect(g?.migliori).toEqual(["c2"]);
  });
  it("names no eldest when the ages tie or one is missing", () => {
    const pari = [{ id: "c1", eta: 60 }, { id: "c2", eta: 60 }];
    expect(graduatoriaCandidati([lista(pari), pref("A", ["c1", "c2"], 1), pref("B", ["c2", "c1"], 2)])?.piu_anziano).toBeUndefined();
    const senza = [{ id: "c1" }, { id: "c2", eta: 60 }];
    expect(graduatoriaCandidati([lista(senza), pref("A", ["c1", "c2"], 1), pref("B", ["c2", "c1"], 2)])?.piu_anziano).toBeUndefined();
  });
});
