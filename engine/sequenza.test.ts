// Issue 12, item 9: judging n actions in order on a growing history (a new procedure's initial
// events) must cost the engine linear work, and answer exactly as `evaluate` on each prefix.
// Work is counted (reads of the events' fields, events visited by the engine's passes), not timed.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadAll } from "../regolamenti/load.ts";
import { findScenarioFiles, readScenarioFile } from "../regolamenti/load.ts";
import { evaluate } from "./evaluate.ts";
import { Sequenza, valutaSequenza } from "./sequenza.ts";
import { LAVORO } from "./storia.ts";
import { prepare } from "./prepare.ts";
import { azione, baseline, effetto, g, insieme, reg, termine, v } from "./test-support/build.ts";
import type { Azione, Domanda, Procedimento } from "./contract.ts";
import type { Caso } from "./scenari.ts";

const { catalog } = await loadAll();

const FATTI: Procedimento = { materia: "condominio", valore: 10000, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }] };

/** An event whose every field read is counted. */
function contato<T extends object>(o: T, n: { letture: number }): T {
  return new Proxy(o, { get: (t, k, r) => (n.letture++, Reflect.get(t, k, r)) });
}

/** The initial events of a procedure: the filing, then `n - 1` documents and adhesions. */
function iniziali(n: number, conta: { letture: number }): Azione[] {
  const out: Azione[] = [{ azione: "deposito_domanda", data: "2026-03-04", parte: "A" }];
  for (let i = 1; i < n; i++) {
    out.push(i % 50 === 0 ? { azione: "adesione", data: "2026-03-05", parte: "B" }
      : { azione: "deposito_documento", data: "2026-03-05", parte: i % 2 ? "A" : "B", documento: `d${i}`, tipo: "sessione_comune" });
  }
  return out.map((e) => contato(e, conta));
}

function lavoro(n: number) {
  const conta = { letture: 0 };
  const azioni = iniziali(n, conta);
  const p = catalog.perDomanda("napoli", { data: "2026-03-05", procedimento: { ...FATTI, eventi: azioni.slice(0, 1) } });
  const prima = LAVORO.eventi;
  const risposte = valutaSequenza(p, FATTI, azioni);
  expect(risposte).toHaveLength(n);
  expect(risposte.every((r) => r.esito === "consentito"), JSON.stringify(risposte.find((r) => r.esito !== "consentito")?.motivi)).toBe(true);
  return { letture: conta.letture, visite: LAVORO.eventi - prima };
}

describe("valutaSequenza: lavoro lineare nel numero di eventi", () => {
  it("raddoppiando gli eventi il lavoro del motore (campi letti, eventi visitati) al più raddoppia", () => {
    const piccolo = lavoro(100);
    const grande = lavoro(200);
    // Quadratic work would be ×4; linear is ×2 plus what does not grow.
    expect(grande.letture).toBeLessThanOrEqual(2.2 * piccolo.letture + 200);
    expect(grande.visite).toBeLessThanOrEqual(2.2 * piccolo.visite + 50);
    // Each event is visited a bounded number of times (the history's fold, the phase's, the names', each set's).
    expect(grande.visite).toBeLessThanOrEqual(10 * 200);
  });
});

/** `evaluate` on each prefix vs the sequence, for the case's question and for the next event as the action. */
function confrontaPrefissi(p: Parameters<typeof evaluate>[0], q: Domanda) {
  const { eventi = [], ...fatti } = q.procedimento;
  const { procedimento: _, ...domanda } = q;
  const seq = new Sequenza(fatti);
  for (let i = 0; i <= eventi.length; i++) {
    const prefisso = { ...fatti, eventi: eventi.slice(0, i) };
    expect(seq.valuta(p, domanda), `prefisso ${i}`).toEqual(evaluate(p, { ...domanda, procedimento: prefisso }));
    const e = eventi[i];
    if (e) {
      const giudica = { data: typeof e.data === "string" ? e.data.slice(0, 10) : q.data, azione: e, ...(q.parametri ? { parametri: q.parametri } : {}) };
      expect(seq.valuta(p, giudica), `evento ${i}`).toEqual(evaluate(p, { ...giudica, procedimento: prefisso }));
      seq.aggiungi(e);
    }
  }
}

describe("la sequenza risponde come evaluate su ogni prefisso", () => {
  it("ogni caso degli scenari dei regolamenti, a ogni prefisso della sua storia", async () => {
    let confronti = 0;
    for (const file of await findScenarioFiles()) {
      let casi: Caso[];
      try { casi = await readScenarioFile(file); } catch { continue; }
      for (const c of casi) {
        if (!c?.procedimento || typeof c.procedimento !== "object") continue;
        const q: Domanda = { procedimento: c.procedimento, ...(c.data !== undefined ? { data: String(c.data) } : {}), ...(c.azione ? { azione: c.azione } : {}),
          ...(c.versione !== undefined ? { versione: String(c.versione) } : {}), ...(c.parametri ? { parametri: c.parametri } : {}) };
        let p;
        try { p = catalog.perDomanda(String(c.organismo), q); } catch { continue; }
        if (!Array.isArray(q.procedimento.eventi)) continue;
        confrontaPrefissi(p, q);
        confronti++;
      }
    }
    expect(confronti).toBeGreaterThan(300);
  });

  // A regolamento whose transitions read facts of the whole history and of the question (a set,
  // the value fixed later, the date, the ranking) and a set whose source reads another fact: the
  // sequence must fold again when they change, and answer as evaluate.
  const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
    insieme("aderenti", { da: [{ azione: "adesione" }] }),
    insieme("depositanti_grandi", { da: [{ azione: "deposito_documento", quando: { ">": [v("valore"), 5000] } }] }),
    azione("deposito_documento", { da: ["istante", "invitata"], transizioni: [
      { fase: "mediazione_in_corso", quando: v("aderenti.tutte") },
      { fase: "primo_incontro_fissato", quando: { ">": [v("data"), "2026-03-20"] } },
      { fase: "proposta_formulata", quando: { "<": [v("valore"), 1000] } },
      { fase: "domanda_depositata", quando: v("graduatoria_candidati.migliori") },
      { fase: "domanda_depositata", quando: v("depositanti_grandi.tutte") },
    ] }),
    azione("adesione", { da: ["invitata", "istante"] }),
    effetto("assente", { perParte: true, quando: { "!": v("parte.presente_primo_incontro") } }),
    effetto("richiedente", { perParte: true, quando: { and: [v("parte.ha_richiesto_proposta"), v("parte.aderito")] } }),
    azione("richiesta_proposta", { da: ["istante", "invitata"] }),
    azione("comunicazione_lista_candidati", { da: ["organismo"] }),
    azione("preferenze_candidati", { da: ["istante", "invitata"] }),
    azione("determinazione_valore", { da: ["organismo"] }),
    azione("accesso_documento", { da: ["istante", "invitata", "mediatore"] }),
    termine("risposta", { ancora: { evento: "deposito_documento", verso: "da" }, entro: g(10), per: [{ azione: "adesione" }], ciascunaParte: true }),
    termine("vista", { ancora: { evento: "adesione", verso: "da" }, entro: g(5), per: [{ azione: "accesso_documento" }] }),
  ] }), [baseline()]);

  const parte = fc.constantFrom("A", "B", "C");
  const giorno = fc.integer({ min: 4, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
  const evento: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    fc.record({ azione: fc.constant("deposito_documento"), parte, documento: fc.constantFrom("d1", "d2", "d3"), tipo: fc.constant("sessione_comune") }),
    fc.record({ azione: fc.constant("adesione"), parte, richiesta_proposta: fc.boolean() }),
    fc.record({ azione: fc.constant("adesione"), parti: fc.subarray(["A", "B", "C"]) }),
    fc.record({ azione: fc.constant("richiesta_proposta"), parte }),
    fc.record({ azione: fc.constant("accesso_documento"), parte, documento: fc.constantFrom("d1", "d2", "d9"), ruolo: fc.constantFrom("istante", "mediatore") }),
    fc.record({ azione: fc.constant("primo_incontro"), presenti: fc.subarray(["A", "B"]), esito: fc.constantFrom("prosecuzione", "mancata_partecipazione") }),
    fc.record({ azione: fc.constant("primo_incontro"), esito: fc.constant("mancata_partecipazione") }),
    fc.record({ azione: fc.constant("determinazione_valore"), valore_riferimento: fc.constantFrom(500, 8000, -1, "x") }),
    fc.record({ azione: fc.constant("comunicazione_lista_candidati"), candidati: fc.constant([{ id: "m1", eta: 50 }, { id: "m2", eta: 60 }]) }),
    fc.record({ azione: fc.constant("preferenze_candidati"), parte, ordine: fc.shuffledSubarray(["m1", "m2"]) }),
    fc.record({ azione: fc.constant("verbale"), tipo: fc.constantFrom("prosecuzione", "conclusivo") }),
    fc.record({ azione: fc.constant("fissazione_primo_incontro"), ignoto: fc.constant(1) }),
    fc.record({ azione: fc.constant("annullamento_evento"), evento: fc.constant(1) }),
    fc.constant({ nome: "senza azione" }),
  );

  it("proprietà: storie casuali su un regolamento che legge fatti di tutta la storia", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(evento, giorno, fc.boolean()), { maxLength: 30, size: "max" }), fc.constantFrom(3000, 10000), giorno,
      (xs, valore, data) => {
        const eventi = xs.map(([e, d, annullato]) => ({ ...e, data: d, ...(annullato && e.azione === "adesione" ? { annullato: { da: 9 } } : {}) })) as unknown as Azione[];
        eventi.sort((a, b) => String(a.data).localeCompare(String(b.data)));
        const parti = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
        confrontaPrefissi(p, { data, procedimento: { materia: "condominio", valore, parti, eventi }, azione: { azione: "accesso_documento", parte: "A", documento: "d1" } });
      },
    ), { numRuns: 150, seed: 12_09 });
  });
});
