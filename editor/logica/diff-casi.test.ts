import { describe, expect, it } from "vitest";
import { formatDifferenza, riassuntoCasi, righeCambio, titoloProcedimento } from "./diff-casi.ts";
import type { EsitoDiffCasi } from "../api/tipi.ts";

const sp = (s: string) => s.replace(/\u00a0|\u202f/g, " ");

describe("diff dei casi (editor)", () => {
  it("an act the draft would deny, a term that moves, a fee that rises: each with its article", () => {
    const righe = righeCambio({
      caso: "p1",
      esito: { prima: "consentito", dopo: "negato", motivi_prima: [], motivi_dopo: ["praticanti_fino_a_25000 (art. 5 c. 4)"], evento: { indice: 1, azione: "designazione_mediatore", data: "2026-03-03" } },
      scadenze: [{ nome: "primo_incontro", prima: { dal: "2026-03-22", entro: "2026-04-11" }, dopo: { entro: "2026-04-16" }, cita: "art. 8 c. 1" }],
      indennita: [{ parte: "A", voce: "spese_avvio", prima: 40, dopo: 60, differenza: 20, cita: "art. 16 c. 5" }],
    });
    expect(righe.map((r) => ({ ...r, testo: sp(r.testo) }))).toEqual([
      { tipo: "esito", testo: "designazione mediatore del 03/03/2026: consentito → negato (praticanti fino a 25000)", cita: "art. 5 c. 4" },
      { tipo: "termine", testo: "termine primo incontro: dal 22/03/2026 entro il 11/04/2026 → entro il 16/04/2026", cita: "art. 8 c. 1" },
      { tipo: "indennita", testo: "spese avvio (A): 40,00 € → 60,00 € (+20,00 €)", cita: "art. 16 c. 5", verso: "su" },
    ]);
  });

  it("a voce that appears or goes away, and signed amounts", () => {
    const [r] = righeCambio({ caso: "p", scadenze: [], indennita: [{ parte: "B", voce: "spese_mediazione", prima: 450, dopo: null, differenza: -450 }] });
    expect(sp(r!.testo)).toBe("spese mediazione (B): 450,00 € → — (−450,00 €)");
    expect(r!.verso).toBe("giu");
    expect(sp(formatDifferenza(-1234.5))).toBe("−1.234,50 €");
  });

  it("says how many procedures were read, of how many", () => {
    const d = { casi: 500, invariati: 498, cambiati: [{}, {}], procedimenti_totali: 700 } as unknown as EsitoDiffCasi;
    expect(riassuntoCasi(d)).toBe("gli ultimi 500 di 700 procedimenti: 2 cambiano, 498 invariati");
    expect(riassuntoCasi({ ...d, procedimenti_totali: 500 })).toBe("500 procedimenti: 2 cambiano, 498 invariati");
    expect(riassuntoCasi({ ...d, limitato_dal_lavoro: true })).toBe("gli ultimi 500 di 700 procedimenti: 2 cambiano, 498 invariati (i più vecchi esclusi: troppi eventi da riesaminare in una volta)");
    expect(sp(titoloProcedimento("a1b2c3d4-0000", { id: "a1b2c3d4-0000", materia: "condominio", valore: 20000, depositato_il: "2026-03-02" }))).toBe("a1b2c3d4 · condominio · 20.000,00 € · depositato il 02/03/2026");
  });
});
