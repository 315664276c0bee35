// Issue 12, item 8: publishing a version in force from a past date silently changed the answers for
// past dates. Now it is refused unless the request says `retroattiva`; every publication leaves an
// audit row (who, when, which version, whether retroactive) shown by GET …/regolamenti; a second
// version with the same `in vigore dal` is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { oggi } from "../../server/catalogo/registro.ts";
import { FIXTURE } from "../../server/test-support/ambiente.ts";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaServerReale, nomeDatabase, type ServerReale } from "./server-reale.ts";

let s: ServerReale;
let responsabile: string;
let segreteria: string;
const FISSO = readFileSync(FIXTURE("alfa-2.regolamento"), "utf8");
/** The fixture's second version of alfa (praticanti up to € 10.000), renamed, redated, with another limit. */
const sorgente = (versione: string, dal: string, limite = "10.000") =>
  FISSO.replace('versione "2" in vigore dal 2026-06-01', `versione "${versione}" in vigore dal ${dal}`).replace("richiede valore <= 10.000 €", `richiede valore <= ${limite} €`);
const giorniDaOggi = (n: number) => {
  const d = new Date(`${oggi()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  s = await avviaServerReale();
  responsabile = await s.chiave({ organismo: "alfa", ruolo: "responsabile" });
  segreteria = await s.chiave({ organismo: "alfa", ruolo: "segreteria" });
});
afterAll(async () => {
  await s?.ferma();
});

async function bozza(versione: string, dal: string, limite?: string) {
  const r = await s.chiama("POST", "/v1/organismi/alfa/regolamenti", { chiave: responsabile, testo: sorgente(versione, dal, limite) });
  expect(r.status, r.testo).toBe(201);
  expect(r.json.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
}

describe(`pubblicazione (${nomeDatabase})`, () => {
  it("una versione in vigore da una data passata è rifiutata senza `retroattiva`, e le risposte per il passato non cambiano", async () => {
    const passato = giorniDaOggi(-30);
    await bozza("passata", passato, "5.000");
    const designa = { azione: "designazione_mediatore", data: giorniDaOggi(-20), mediatore: { id: "m9", categoria: "praticante_abilitato" } };
    const domanda = { data: giorniDaOggi(-20), procedimento: { ...procedimentoDiProva({ valore: 8000, deposito: giorniDaOggi(-25) }) }, azione: designa };
    const prima = await s.chiama("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
    expect(prima.json.esito).toBe("consentito");

    const rifiutata = await s.chiama("POST", "/v1/organismi/alfa/regolamenti/passata/pubblica", { chiave: responsabile });
    expect(rifiutata.status).toBe(422);
    expect(rifiutata.json.errore.code).toBe("retroactive_publication");
    expect(rifiutata.json.errore.messaggio).toMatch(/già passata.*"retroattiva": true/);
    expect((await s.chiama("GET", "/v1/organismi/alfa/regolamenti/passata", { chiave: responsabile })).json.stato).toBe("bozza");
    expect((await s.chiama("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda })).json.esito).toBe("consentito");

    // Said explicitly (body or query): published, and recorded as retroactive.
    const ok = await s.chiama("POST", "/v1/organismi/alfa/regolamenti/passata/pubblica?retroattiva=true", { chiave: responsabile });
    expect(ok.status, ok.testo).toBe(200);
    expect((await s.chiama("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda })).json.esito).toBe("negato");
  });

  it("ogni pubblicazione lascia chi, quando, quale versione e se retroattiva, visibile in GET …/regolamenti", async () => {
    await bozza("futura", giorniDaOggi(40));
    const r = await s.chiama("POST", "/v1/organismi/alfa/regolamenti/futura/pubblica", { chiave: responsabile, corpo: {} });
    expect(r.status, r.testo).toBe(200);
    const id = responsabile.split(".").slice(0, 2).join(".");
    const elenco = (await s.chiama("GET", "/v1/organismi/alfa/regolamenti", { chiave: responsabile })).json as Record<string, unknown>[];
    const di = (v: string) => elenco.find((x) => x.versione === v)!;
    expect(di("futura").pubblicazione).toMatchObject({ chiave: id, ruolo: "responsabile", retroattiva: false });
    expect(di("passata").pubblicazione).toMatchObject({ chiave: id, retroattiva: true });
    expect(Date.parse((di("futura").pubblicazione as { il: string }).il)).toBeGreaterThan(Date.now() - 600_000);
    // Versions loaded from files at start were not published through the API: no audit row.
    expect(di("1").pubblicazione).toBeNull();
    // The public sees that a publication was retroactive, not which key made it.
    const pubblico = ((await s.chiama("GET", "/v1/organismi/alfa/regolamenti")).json as Record<string, unknown>[]).find((x) => x.versione === "passata")!;
    expect(pubblico.pubblicazione).toEqual({ il: expect.any(String), retroattiva: true });
    expect((await s.chiama("GET", "/v1/organismi/alfa/regolamenti", { chiave: segreteria })).status).toBe(200);
  });

  it("due versioni con lo stesso `in vigore dal`: la seconda è rifiutata (409)", async () => {
    const dal = giorniDaOggi(60);
    await bozza("uno", dal);
    await bozza("due", dal, "20.000");
    expect((await s.chiama("POST", "/v1/organismi/alfa/regolamenti/uno/pubblica", { chiave: responsabile })).status).toBe(200);
    const doppia = await s.chiama("POST", "/v1/organismi/alfa/regolamenti/due/pubblica", { chiave: responsabile });
    expect(doppia.status).toBe(409);
    expect(doppia.json.errore).toMatchObject({ code: "same_effective_date", dettagli: { versione: "uno", in_vigore_dal: dal } });
    expect((await s.chiama("GET", "/v1/organismi/alfa/regolamenti/due", { chiave: responsabile })).json.stato).toBe("bozza");
  });

  it("pubblicazioni concorrenti con la stessa data: una sola passa", async () => {
    const dal = giorniDaOggi(90);
    await bozza("c1", dal);
    await bozza("c2", dal, "20.000");
    const esiti = await Promise.all(["c1", "c2"].map((v) => s.chiama("POST", `/v1/organismi/alfa/regolamenti/${v}/pubblica`, { chiave: responsabile })));
    expect(esiti.map((e) => e.status).sort()).toEqual([200, 409]);
  });
});
