// Issue 12, item 6: no 500 on bad input. 2,000 generated bad requests (fast-check, fixed seed)
// against a real server on the suite's database: NUL characters, lone surrogates, JSON nested
// 5,000 levels deep, NaN/Infinity/negative amounts, impossible dates (in bodies and query strings),
// wrong types, huge strings. None may answer 5xx; every answer is the API's JSON error or a success.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CHIAVE_ADMIN } from "../../server/test-support/ambiente.ts";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { chiama } from "../../server/test-support/processo.ts";
import { chiaveDi, pulisci, serverDiProva, suPostgres } from "./aiuti/server.ts";

afterAll(pulisci);

const profondo = (n: number) => "[".repeat(n) + "]".repeat(n);

/** Values that are wrong somewhere, as JSON text (so NaN, deep nesting and broken JSON are possible). */
const valoreCattivo = fc.oneof(
  fc.constantFrom(
    '"a\\u0000b"', '"\\u0000"', '"\\ud800"', '"x\\udfff\\ud800y"', "NaN", "-1", "-0.0001", "1e309", "-1e309", "Infinity", "null", "true", "[]", "{}",
    '"2026-02-30"', '"2026-13-01"', '"9999-99-99"', '"2026-02-29"', '"2026-03-02T25:99:99Z"', '"0000-00-00"', '"-2026-01-01"',
    '"NaN"', '"-5"', '"1e400"', '"  "', '""', profondo(5000), profondo(100), `{"a":${profondo(6000)}}`, '"' + "x".repeat(100_000) + '"',
    '[{"azione":"deposito_domanda","data":"2026-02-30"}]', '{"id":"A\\u0000","ruolo":"istante"}', '"\\u0000deposito_domanda"',
  ),
  fc.string({ maxLength: 30 }).map((s) => JSON.stringify(s)),
  fc.double().map((d) => (Number.isFinite(d) ? String(d) : "NaN")),
  fc.integer({ min: -1e12, max: -1 }).map(String),
);

function sostituisci(base: Record<string, unknown>, percorso: string[], valore: string): string {
  // Put a placeholder where the bad value goes, then splice its raw text in.
  const segnaposto = "@@CATTIVO@@";
  const copia = structuredClone(base);
  let o: Record<string, unknown> = copia;
  for (const k of percorso.slice(0, -1)) {
    if (typeof o[k] !== "object" || o[k] === null) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[percorso[percorso.length - 1]!] = segnaposto;
  return JSON.stringify(copia).replace(`"${segnaposto}"`, valore);
}

interface Richiesta {
  metodo: string;
  percorso: string;
  chiave?: string;
  tipo?: string;
  corpo?: string;
}

describe(`input cattivo: nessun 5xx (${suPostgres ? "Postgres" : "PGlite"})`, () => {
  it("2.000 richieste generate: tutte 2xx o 4xx con un errore JSON", async () => {
    const p = await serverDiProva({ REGOLAMENTO_ANONIMI_AL_MINUTO: "0", REGOLAMENTO_ANALISI_ANONIME_AL_MINUTO: "0", REGOLAMENTO_ANALISI_SECONDI: "20" });
    const segreteria = await chiaveDi(p, "alfa", "segreteria");
    const responsabile = await chiaveDi(p, "alfa", "responsabile");
    const parte = await chiaveDi(p, "alfa", "parte", "A");
    const creato = await chiama(p.url, "POST", "/v1/organismi/alfa/procedimenti", { chiave: segreteria, corpo: procedimentoDiProva() });
    expect(creato.status).toBe(201);
    const pid = creato.json.id as string;

    const procedimento = procedimentoDiProva() as unknown as Record<string, unknown>;
    const azione = { azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: "d", tipo: "sessione_comune" };
    const domanda = { data: "2026-03-10", procedimento, azione };
    const bersagli: { base: Record<string, unknown>; metodo: string; percorso: string; chiave?: string; campi: string[][] }[] = [
      { base: procedimento, metodo: "POST", percorso: "/v1/organismi/alfa/procedimenti", chiave: segreteria,
        campi: [["materia"], ["valore"], ["tipo"], ["parti"], ["parti", "0"], ["mediatore"], ["eventi"], ["eventi", "0"], ["eventi", "0", "data"], ["eventi", "0", "parte"], ["extra"], ["chiusure"]] },
      { base: procedimento, metodo: "POST", percorso: "/v1/organismi/alfa/procedimenti", chiave: parte, campi: [["valore"], ["eventi", "0", "data"], ["nota"]] },
      { base: azione, metodo: "POST", percorso: `/v1/organismi/alfa/procedimenti/${pid}/azioni`, chiave: segreteria,
        campi: [["azione"], ["data"], ["parte"], ["documento"], ["importo"], ["versione_attesa"], ["motivazione"], ["presenti"], ["x"]] },
      { base: domanda, metodo: "POST", percorso: "/v1/organismi/alfa/evaluate",
        campi: [["data"], ["procedimento"], ["procedimento", "valore"], ["procedimento", "eventi"], ["azione"], ["azione", "data"], ["parametri"], ["versione"]] },
      { base: { organismi: ["alfa"], domanda }, metodo: "POST", percorso: "/v1/compare", campi: [["organismi"], ["domanda"], ["domanda", "data"]] },
      { base: { sorgente: "regolamento alfa \"A\"\n" }, metodo: "POST", percorso: "/v1/check", campi: [["sorgente"]] },
      { base: { sorgente: "regolamento alfa \"A\"\n" }, metodo: "POST", percorso: "/v1/format", campi: [["sorgente"]] },
      { base: { sorgente: "regolamento alfa \"A\"\n" }, metodo: "POST", percorso: "/v1/organismi/alfa/regolamenti", chiave: responsabile, campi: [["sorgente"]] },
      { base: { organismo: "alfa", ruolo: "parte", parte: "B" }, metodo: "POST", percorso: "/v1/chiavi", chiave: CHIAVE_ADMIN, campi: [["organismo"], ["ruolo"], ["parte"], ["procedimento"]] },
      { base: { id: "gamma", nome: "G" }, metodo: "POST", percorso: "/v1/organismi", chiave: CHIAVE_ADMIN, campi: [["id"], ["nome"], ["registro"]] },
    ];
    const corpoCattivo: fc.Arbitrary<Richiesta> = fc
      .tuple(fc.nat({ max: bersagli.length - 1 }), fc.nat(), valoreCattivo)
      .map(([b, c, v]) => {
        const t = bersagli[b]!;
        return { metodo: t.metodo, percorso: t.percorso, ...(t.chiave ? { chiave: t.chiave } : {}), tipo: "application/json", corpo: sostituisci(t.base, t.campi[c % t.campi.length]!, v) };
      });
    const testoCattivo = fc.constantFrom("a\u0000b", "regolamento alfa \"\u0000\"", "\ud800", "§".repeat(1000), "").chain((testo) =>
      fc.constantFrom("/v1/check", "/v1/format", "/v1/organismi/alfa/regolamenti").map((percorso): Richiesta => ({
        metodo: "POST", percorso, tipo: "text/plain", corpo: testo, ...(percorso.includes("regolamenti") ? { chiave: responsabile } : {}),
      })),
    );
    const dataCattiva = fc.constantFrom("2026-02-30", "2026-13-01", "NaN", "-1", "2026-1-1", "9999-99-99", "%00", "2026-03-02%00", "", "0000-00-00", "2026-02-29");
    const queryCattiva = fc.tuple(dataCattiva, fc.constantFrom("alfa", "alfa,beta", "nessuno", "%00", "a".repeat(3000), ",,,", "ALFA")).chain(([data, org]) =>
      fc.constantFrom<Richiesta>(
        { metodo: "GET", percorso: `/v1/organismi/alfa/procedimenti/${pid}?data=${data}`, chiave: segreteria },
        { metodo: "GET", percorso: `/v1/matrice?data=${data}` },
        { metodo: "GET", percorso: `/v1/matrice?organismi=${org}&data=${data}` },
        { metodo: "GET", percorso: `/v1/organismi/alfa/procedimenti/${encodeURIComponent(org)}`, chiave: parte },
        { metodo: "GET", percorso: `/v1/organismi/${encodeURIComponent(org)}/regolamenti/${encodeURIComponent(data)}` },
      ),
    );
    const richieste = fc.sample(fc.oneof({ weight: 6, arbitrary: corpoCattivo }, { weight: 1, arbitrary: testoCattivo }, { weight: 2, arbitrary: queryCattiva }), { numRuns: 2000, seed: 12 });
    expect(richieste).toHaveLength(2000);

    const cinquecento: string[] = [];
    const nonJson: string[] = [];
    let i = 0;
    const lavoratore = async () => {
      while (i < richieste.length) {
        const r = richieste[i++]!;
        const risposta = await fetch(p.url + r.percorso, {
          method: r.metodo,
          headers: { ...(r.tipo ? { "content-type": r.tipo } : {}), ...(r.chiave ? { authorization: `Bearer ${r.chiave}` } : {}) },
          ...(r.corpo !== undefined ? { body: r.corpo } : {}),
        });
        const testo = await risposta.text();
        const descrizione = `${risposta.status} ${r.metodo} ${r.percorso} ${(r.corpo ?? "").slice(0, 200)} → ${testo.slice(0, 200)}`;
        if (risposta.status >= 500) cinquecento.push(descrizione);
        else if (risposta.status >= 400) {
          try {
            const j = JSON.parse(testo) as { errore?: { messaggio?: unknown } };
            if (typeof j.errore?.messaggio !== "string") nonJson.push(descrizione);
          } catch {
            nonJson.push(descrizione);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, lavoratore));
    expect(cinquecento, cinquecento.slice(0, 10).join("\n")).toEqual([]);
    expect(nonJson, nonJson.slice(0, 10).join("\n")).toEqual([]);
    // The procedure is still readable and unchanged by the refusals' attempts at storing.
    const dopo = await chiama(p.url, "GET", `/v1/organismi/alfa/procedimenti/${pid}`, { chiave: segreteria });
    expect(dopo.status).toBe(200);
  }, 240_000);
});
