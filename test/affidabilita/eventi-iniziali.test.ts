// Issue 12, item 9: a procedure created with many initial events. The server's and the engine's
// work per event is bounded (server/procedimenti/eventi-iniziali.test.ts and engine/sequenza.test.ts
// count it); here, against a real server:
// the cap (at most 500, with a message), and 500 events are accepted and stored in order.
import { afterAll, describe, expect, it } from "vitest";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { chiama } from "../../server/test-support/processo.ts";
import { chiaveDi, pulisci, serverDiProva, suPostgres } from "./aiuti/server.ts";

afterAll(pulisci);

function conEventi(n: number) {
  const b = procedimentoDiProva() as ReturnType<typeof procedimentoDiProva> & { eventi: Record<string, unknown>[] };
  for (let i = 1; i < n; i++) b.eventi.push({ azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: `d${i}`, tipo: "sessione_comune" });
  return b;
}

describe(`eventi iniziali (${suPostgres ? "Postgres" : "PGlite"})`, () => {
  it("501 eventi: 400 con il limite detto; 500: creato, ogni evento registrato in ordine", async () => {
    const p = await serverDiProva();
    const chiave = await chiaveDi(p, "alfa", "segreteria");
    const troppi = await chiama(p.url, "POST", "/v1/organismi/alfa/procedimenti", { chiave, corpo: conEventi(501) });
    expect(troppi.status).toBe(400);
    expect(troppi.json.errore.messaggio).toMatch(/eventi: al più 500 eventi iniziali: registra gli altri come azioni/);

    const creato = await chiama(p.url, "POST", "/v1/organismi/alfa/procedimenti", { chiave, corpo: conEventi(500) });
    expect(creato.status, creato.testo.slice(0, 300)).toBe(201);
    expect(creato.json.revisione).toBe(500);
    const eventi = await chiama(p.url, "GET", `/v1/organismi/alfa/procedimenti/${creato.json.id}/eventi`, { chiave });
    expect(eventi.json.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(eventi.json[499].azione.documento).toBe("d499");
    // The next action is judged on all 500.
    const dopo = await chiama(p.url, "POST", `/v1/organismi/alfa/procedimenti/${creato.json.id}/azioni`, {
      chiave, corpo: { azione: "deposito_documento", data: "2026-03-05", parte: "A", documento: "d500", tipo: "sessione_comune" },
    });
    expect(dopo.status, dopo.testo.slice(0, 300)).toBe(201);
    expect(dopo.json.revisione).toBe(501);
  }, 120_000);
});
