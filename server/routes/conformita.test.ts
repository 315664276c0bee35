// POST /v1/conformita and per_consentire over HTTP, on the real regolamenti (issue 13 §§ 1, 4).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avvia, type Avviato } from "../avvia.ts";
import { CHIAVE_ADMIN, databaseDiProva, type DatabaseDiProva } from "../test-support/ambiente.ts";
import { client, procedimentoDiProva } from "../test-support/client.ts";

let db: DatabaseDiProva;
let s: Avviato;

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN });
}, 120_000);
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
});

const post = async (path: string, body: unknown) => {
  const r = await s.app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as unknown };
};

describe("POST /v1/conformita", () => {
  it("un organismo pubblicato: i rilievi nella forma del contratto", async () => {
    const r = await post("/v1/conformita", { organismo: "napoli" });
    expect(r.status).toBe(200);
    const xs = r.json as { codice: string; gravita: string; regola_legge: { nome: string }; controesempio?: { domanda: unknown; risposta_regolamento: unknown; risposta_legge: unknown } }[];
    expect(xs.some((x) => x.codice === "C010" && x.regola_legge.nome === "primo_incontro")).toBe(true);
    for (const x of xs.filter((x) => x.gravita === "errore")) expect(Object.keys(x.controesempio!)).toEqual(expect.arrayContaining(["domanda", "risposta_regolamento", "risposta_legge"]));
  });

  it("una bozza (sorgente): Napoli con il primo incontro a 60 giorni, C001 con il controesempio", async () => {
    const src = readFileSync(new URL("../../regolamenti/napoli.regolamento", import.meta.url), "utf8").replace("non prima di 20 giorni e non oltre 40 giorni da deposito_domanda\n      per fissazione_primo_incontro.data_incontro", "non prima di 20 giorni e non oltre 60 giorni da deposito_domanda\n      per fissazione_primo_incontro.data_incontro");
    const r = await post("/v1/conformita", { sorgente: src });
    expect(r.status).toBe(200);
    const c001 = (r.json as { codice: string; regola_legge: { nome: string }; controesempio: { risposta_regolamento: { esito: string }; risposta_legge: { esito: string } } }[]).find((x) => x.codice === "C001" && x.regola_legge.nome === "primo_incontro")!;
    expect([c001.controesempio.risposta_regolamento.esito, c001.controesempio.risposta_legge.esito]).toEqual(["consentito", "negato"]);
  });

  it("richieste sbagliate: 400, 404, 422 con un messaggio", async () => {
    expect((await post("/v1/conformita", {})).status).toBe(400);
    expect((await post("/v1/conformita", { organismo: "nessuno" })).status).toBe(404);
    expect((await post("/v1/conformita", { sorgente: "regolamento x" })).status).toBe(422);
  });
});

describe("per_consentire su HTTP", () => {
  it("evaluate: un diniego porta le modifiche che lo consentirebbero; un consenso no", async () => {
    const q = {
      data: "2026-03-05",
      procedimento: { materia: "condominio", valore: 30000, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }], eventi: [{ azione: "deposito_domanda", data: "2026-03-04", parte: "A" }] },
      azione: { azione: "designazione_mediatore", data: "2026-03-05", ruolo: "responsabile", mediatore: { id: "m", categoria: "praticante_abilitato" } },
    };
    const r = await post("/v1/organismi/velletri/evaluate", q);
    expect(r.status).toBe(200);
    const j = r.json as { esito: string; per_consentire: { campo: string; a: unknown }[] };
    expect(j.esito).toBe("negato");
    expect(j.per_consentire).toContainEqual(expect.objectContaining({ campo: "valore", a: 25000 }));
    const ok = await post("/v1/organismi/velletri/evaluate", { ...q, procedimento: { ...q.procedimento, valore: 20000 } });
    expect((ok.json as { per_consentire?: unknown }).per_consentire).toBeUndefined();
    const cmp = await post("/v1/compare", { organismi: ["velletri"], domanda: q });
    expect((cmp.json as { risposta: { per_consentire: unknown[] } }[])[0]!.risposta.per_consentire.length).toBeGreaterThan(0);
  });

  it("la rotta delle azioni: il 422 di un diniego porta per_consentire; nulla è registrato", async () => {
    const api = client(s.app);
    const segreteria = await api.chiave("velletri", "segreteria");
    const p = await api.req("POST", "/v1/organismi/velletri/procedimenti", { chiave: segreteria, corpo: procedimentoDiProva({ valore: 30000, deposito: "2026-03-04" }) });
    expect(p.status).toBe(201);
    const pid = (p.json as { id: string }).id;
    const r = await api.req("POST", `/v1/organismi/velletri/procedimenti/${pid}/azioni`, { chiave: segreteria, corpo: { azione: "designazione_mediatore", data: "2026-03-05", mediatore: { id: "m", categoria: "praticante_abilitato" } } });
    expect(r.status, r.testo).toBe(422);
    const j = r.json as { esito: string; per_consentire: { campo: string; a: unknown }[] };
    expect(j.esito).toBe("negato");
    expect(j.per_consentire).toContainEqual(expect.objectContaining({ campo: "azione.mediatore.categoria", a: "avvocato" }));
    const eventi = await api.req("GET", `/v1/organismi/velletri/procedimenti/${pid}/eventi`, { chiave: segreteria });
    expect((eventi.json as unknown[]).length).toBe(1);
  });
});
