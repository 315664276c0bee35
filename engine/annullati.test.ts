// A history read back from the server (GET …/eventi) carries voided events marked `annullato` and the
// `annullamento_evento` that voided them: the engine judges it as the server does, without both.
import { describe, expect, it } from "vitest";
import { loadAll } from "../regolamenti/load.ts";
import { evaluate } from "./evaluate.ts";
import type { Domanda } from "./contract.ts";

describe("eventi annullati", () => {
  it("un evento marcato annullato e l'annullamento non contano, come sul server", async () => {
    const { catalog } = await loadAll();
    const base = [
      { azione: "deposito_domanda", data: "2026-03-04", parte: "A" },
      { azione: "adesione", data: "2026-03-10", parte: "B" },
    ];
    const domanda = (eventi: object[]): Domanda => ({
      data: "2026-03-12",
      procedimento: { materia: "condominio", valore: 10000, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }], eventi: eventi as Domanda["procedimento"]["eventi"] },
      azione: { azione: "adesione", data: "2026-03-12", parte: "B" },
    });
    const p = catalog.perDomanda("napoli", domanda(base));
    const senza = evaluate(p, domanda(base.slice(0, 1)));
    const conAnnullato = evaluate(p, domanda([
      base[0]!,
      { ...base[1]!, annullato: { da: 3, data: "2026-03-11", motivazione: "registrata per errore" } },
      { azione: "annullamento_evento", data: "2026-03-11", evento: 2, motivazione: "registrata per errore", ruolo: "segreteria" },
    ]));
    const conAdesione = evaluate(p, domanda(base));
    expect(conAnnullato.fase).toBe(senza.fase);
    expect(conAnnullato.esito).toBe(senza.esito);
    expect(conAnnullato.indennita).toEqual(senza.indennita);
    expect(conAnnullato.errori ?? []).toEqual([]);
    // and the voided adhesion really mattered: counted, the answer differs
    expect(JSON.stringify(conAdesione.indennita)).not.toBe(JSON.stringify(senza.indennita));
  });
});
