// GET /v1/organismi/{id}/regolamenti/{a}/diff/{b}/casi: a draft against the organismo's past
// procedures (issue 13 § 5) — outcomes of recorded events, fees per voce, who may ask, bad input.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avvia, type Avviato } from "../avvia.ts";
import { CHIAVE_ADMIN, databaseDiProva, type DatabaseDiProva } from "../test-support/ambiente.ts";
import { client } from "../test-support/client.ts";
import { diffSuiProcedimenti } from "../regolamenti/diff-casi.ts";
import { ServizioRegolamenti } from "../regolamenti/servizio.ts";

let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
let responsabile: string;
let segreteria: string;
const pid: Record<string, string> = {};

const V = "/v1/organismi/velletri/regolamenti";
const BOZZA = "diffcasi-prova";
const PUBBLICATA = "2013-11-27";

/** Velletri with the fixed spese di avvio raised (40 → 60 €) and praticanti only up to 15.000 €. */
function bozza(): string {
  const src = readFileSync(new URL("../../regolamenti/velletri.regolamento", import.meta.url), "utf8");
  const out = src
    .replace(`versione "${PUBBLICATA}" in vigore dal 2013-11-27`, `versione "${BOZZA}" in vigore dal 2027-01-01`)
    .replace("      fino a 250.000 €: 40 €\n", "      fino a 250.000 €: 60 €\n")
    .replace("richiede esiste valore e valore <= 25.000 €", "richiede esiste valore e valore <= 15.000 €");
  expect(out.match(/60 €|15\.000 €|diffcasi-prova/g)?.length).toBe(3);
  return out;
}

const corpo = (valore: number, praticante: boolean) => ({
  materia: "condominio",
  valore,
  parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
  eventi: [
    { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
    ...(praticante ? [{ azione: "designazione_mediatore", data: "2026-03-03", mediatore: { id: "p1", categoria: "praticante_abilitato" } }] : []),
  ],
});

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN });
  api = client(s.app);
  responsabile = await api.chiave("velletri", "responsabile");
  segreteria = await api.chiave("velletri", "segreteria");
  for (const [nome, valore, praticante] of [["avvocato", 30000, false], ["praticante", 20000, true]] as const) {
    const r = await api.req("POST", "/v1/organismi/velletri/procedimenti", { chiave: segreteria, corpo: corpo(valore, praticante) });
    expect(r.status, r.testo).toBe(201);
    pid[nome] = r.json.id;
  }
  const b = await api.req("POST", V, { chiave: responsabile, corpo: { sorgente: bozza() } });
  expect(b.status, b.testo).toBe(201);
  expect(b.json.errori).toBe(0);
}, 120_000);
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
});

const casi = (chiave?: string, q = "") => api.req("GET", `${V}/${PUBBLICATA}/diff/${BOZZA}/casi${q}`, chiave ? { chiave } : {});

describe("diff di una bozza sui procedimenti dell'organismo", () => {
  it("la bozza contro la pubblicata: il diniego che avrebbe dato, le indennità per voce con l'articolo", async () => {
    const r = await casi(responsabile);
    expect(r.status, r.testo).toBe(200);
    const d = r.json;
    expect([d.casi, d.invariati, d.procedimenti_totali, d.limite]).toEqual([2, 0, 2, 500]);
    const pr = d.cambiati.find((c: { caso: string }) => c.caso === pid.praticante);
    expect(pr.esito).toMatchObject({ prima: "consentito", dopo: "negato", evento: { indice: 1, azione: "designazione_mediatore", data: "2026-03-03" } });
    expect(pr.esito.motivi_dopo).toContain("praticanti_fino_a_25000 (art. 5 c. 4)");
    const av = d.cambiati.find((c: { caso: string }) => c.caso === pid.avvocato);
    expect(av.esito).toBeUndefined();
    expect(av.indennita).toContainEqual(expect.objectContaining({ parte: "A", voce: "spese_avvio", prima: 40, dopo: 60, differenza: 20, cita: expect.stringMatching(/^art\. \d+/) }));
    expect(d.totali_per_voce).toContainEqual({ voce: "spese_avvio", differenza: 40, casi: 2 });
    expect(d.procedimenti).toContainEqual({ id: pid.praticante, depositato_il: "2026-03-02", materia: "condominio", valore: 20000 });
  });

  it("la stessa versione due volte: nulla cambia", async () => {
    const r = await api.req("GET", `${V}/${PUBBLICATA}/diff/${PUBBLICATA}/casi`, { chiave: responsabile });
    expect(r.status, r.testo).toBe(200);
    expect([r.json.casi, r.json.invariati, r.json.cambiati, r.json.totali_per_voce]).toEqual([2, 2, [], []]);
  });

  it("`limite`: i più recenti; l'amministratore può chiedere", async () => {
    const r = await casi(CHIAVE_ADMIN, "?limite=1");
    expect(r.status, r.testo).toBe(200);
    expect([r.json.casi, r.json.procedimenti_totali, r.json.limite]).toEqual([1, 2, 1]);
  });

  it("un limite alle righe degli eventi: oltre, i procedimenti più vecchi restano fuori e la risposta lo dice", async () => {
    const dip = { ...s.dipendenze, regolamenti: new ServizioRegolamenti(s.dipendenze) };
    const admin = { tipo: "amministratore", id: "prova" } as const;
    // The event rows read: the newer procedure's 2 fit, the older one's row is not read — left out, not judged on half a history.
    const righe = await diffSuiProcedimenti(dip, admin, "velletri", PUBBLICATA, BOZZA, { righe: 2 });
    expect([righe.casi, righe.limitato_dal_lavoro]).toEqual([1, true]);
    const mezza = await diffSuiProcedimenti(dip, admin, "velletri", PUBBLICATA, BOZZA, { righe: 1 });
    expect([mezza.casi, mezza.limitato_dal_lavoro]).toEqual([0, true]);
  });

  it("solo il responsabile dell'organismo: 401 senza chiave, 403 per la segreteria, 404 per un altro organismo", async () => {
    expect((await casi()).status).toBe(401);
    const r = await casi(segreteria);
    expect(r.status).toBe(403);
    expect(r.json.errore.messaggio).toMatch(/responsabile/);
    expect((await casi(await api.chiave("napoli", "responsabile"))).status).toBe(404);
  });

  it("nel documento OpenAPI: la chiave, il parametro `limite`, gli errori", async () => {
    const doc = await api.req("GET", "/openapi.json");
    const op = doc.json.paths["/v1/organismi/{id}/regolamenti/{versione}/diff/{altra}/casi"].get;
    expect(op.security).toEqual([{ chiave: [] }]);
    expect(op.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["id", "versione", "altra", "limite"]));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "422"]));
  });

  it("richieste sbagliate: 400, 404, 422 con un messaggio", async () => {
    for (const q of ["?limite=0", "?limite=501", "?limite=x"]) expect((await casi(responsabile, q)).status, q).toBe(400);
    const nessuna = await api.req("GET", `${V}/${PUBBLICATA}/diff/non-esiste/casi`, { chiave: responsabile });
    expect(nessuna.status).toBe(404);
    expect(nessuna.json.errore.messaggio).toMatch(/non-esiste/);
    const rotta = await api.req("POST", V, { chiave: responsabile, corpo: { sorgente: bozza().replace(`versione "${BOZZA}"`, 'versione "rotta"').replace("voce spese_avvio\n", "voce spese_avvio\n      quando parte.nessuno_campo ==\n") } });
    expect(rotta.status, rotta.testo).toBe(201);
    expect(rotta.json.errori).toBeGreaterThan(0);
    const r = await api.req("GET", `${V}/${PUBBLICATA}/diff/rotta/casi`, { chiave: responsabile });
    expect(r.status, r.testo).toBe(422);
    expect(r.json.errore.messaggio).toMatch(/errori/);
  });
});
