import { describe, expect, it } from "vitest";
import type { Risposta } from "../../engine/contract.ts";
import { aggiungiRisposte, percorsoAGradini, scalaLineare, scalaLog, tacche, taccheLog, valoriLog, type Serie } from "./grafico.ts";

function risposta(totA: number, senzaImporto?: string): Risposta {
  const voci = senzaImporto ? [{ voce: senzaImporto, imponibile: null, iva: null, cita: "art. 1" }] : [];
  return {
    motivi: [], fase: "x", scadenze: [], azioni_consentite: [], traccia: [], effetti: [],
    indennita: { per_parte: [{ parte: "A", voci, totale: totA }, { parte: "B", voci: [], totale: 1 }], totale: totA + 1 },
  };
}

describe("chart geometry", () => {
  it("spaces values on a log scale from end to end, increasing", () => {
    const v = valoriLog(1000, 1_000_000, 13);
    expect(v[0]).toBe(1000);
    expect(v.at(-1)).toBe(1_000_000);
    expect(v).toEqual([...v].sort((a, b) => a - b));
    expect(new Set(v).size).toBe(v.length);
  });

  it("nice ticks cover the maximum", () => {
    expect(tacche(970)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(tacche(0)).toEqual([0]);
    expect(taccheLog(1000, 100_000)).toEqual([1000, 2000, 5000, 10000, 20000, 50000, 100000]);
  });

  it("scales map the ends to the ends", () => {
    const x = scalaLog(1000, 1_000_000, 0, 300);
    expect(x(1000)).toBe(0);
    expect(x(1_000_000)).toBeCloseTo(300);
    expect(x(31622.7766)).toBeCloseTo(150, 3);
    const y = scalaLineare(0, 100, 200, 0);
    expect(y(25)).toBe(150);
  });

  it("collects one party's totals per organismo, in value order", () => {
    const m = new Map<string, Serie>();
    aggiungiRisposte(m, 5000, [{ organismo: "velletri", risposta: risposta(200) }, { organismo: "645", risposta: risposta(150) }], "A");
    aggiungiRisposte(m, 1000, [{ organismo: "velletri", risposta: risposta(100, "spese_mediazione") }], "A");
    expect(m.get("velletri")?.punti).toEqual([{ valore: 1000, importo: 100 }, { valore: 5000, importo: 200 }]);
    expect(m.get("645")?.punti).toEqual([{ valore: 5000, importo: 150 }]);
    expect(m.get("velletri")?.vociMancanti).toEqual(["spese_mediazione"]);
    expect(m.get("645")?.vociMancanti).toEqual([]);
  });

  it("draws steps", () => {
    const id = (v: number) => v;
    expect(percorsoAGradini([{ valore: 1, importo: 10 }, { valore: 2, importo: 20 }], id, id)).toBe("M1.0,10.0H2.0V20.0");
  });
});
