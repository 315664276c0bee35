// Issue 14 §6 over HTTP (PGlite, or Postgres with DATABASE_URL): denied attempts recorded apart and
// shown to segreteria and responsabile; each event's IR hash and its receipt (JSON and printable
// HTML); the actions each party may take now.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avvia, type Avviato } from "./avvia.ts";
import { jsonCanonico } from "./ricevute/impronta.ts";
import { CHIAVE_ADMIN, FIXTURE, databaseDiProva, type DatabaseDiProva } from "./test-support/ambiente.ts";
import { client } from "./test-support/client.ts";
import { creaInGamma, G } from "./test-support/gamma.ts";

let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
const K: Record<string, string> = {};

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: FIXTURE("clienti"), webhook: false });
  api = client(s.app);
  K.responsabile = await api.chiave("gamma", "responsabile");
  K.segreteria = await api.chiave("gamma", "segreteria");
  K.m1 = await api.chiave("gamma", "mediatore", "m1");
  K.A = await api.chiave("gamma", "parte", "A");
  K.B = await api.chiave("gamma", "parte", "B");
  K.Z = await api.chiave("gamma", "parte", "Z");
});
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
});

const crea = (deposito: string) => creaInGamma(api, K.segreteria!, deposito, [K.A, K.B]);

describe(`registro (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("un'azione negata è registrata a parte con la risposta del motore; la vedono segreteria e responsabile", async () => {
    const pid = await crea("2026-10-27");
    const negata = await api.req("POST", `${G}/procedimenti/${pid}/azioni`, { chiave: K.B, corpo: { azione: "adesione", data: "2026-11-25" } });
    expect(negata.status).toBe(422);
    for (const chiave of [K.segreteria, K.responsabile]) {
      const r = await api.req("GET", `${G}/procedimenti/${pid}/tentativi`, { chiave });
      expect(r.status, r.testo).toBe(200);
      expect(r.json).toHaveLength(1);
      expect(r.json[0]).toMatchObject({
        revisione: 1,
        azione: { azione: "adesione", data: "2026-11-25" },
        attore: { ruolo: "parte", parte: "B" },
        versione_regolamento: "1",
        motivi: [{ regola: "adesione_15_giorni", cita: "art. 1 c. 1", fonte: "gamma" }],
        risposta: { esito: "negato" },
      });
    }
    // Nothing was appended to the history.
    expect((await api.req("GET", `${G}/procedimenti/${pid}/eventi`, { chiave: K.segreteria })).json).toHaveLength(1);
    for (const chiave of [K.A, K.m1]) expect((await api.req("GET", `${G}/procedimenti/${pid}/tentativi`, { chiave })).status).toBe(403);
    expect((await api.req("GET", `${G}/procedimenti/inesistente/tentativi`, { chiave: K.segreteria })).status).toBe(404);
  });

  it("ogni evento tiene l'impronta dell'IR che l'ha giudicato; la ricevuta la mostra con le regole e i loro testi", async () => {
    const pid = await crea("2026-10-27");
    const ok = await api.req("POST", `${G}/procedimenti/${pid}/azioni`, { chiave: K.B, corpo: { azione: "adesione", data: "2026-10-29" } });
    expect(ok.status, ok.testo).toBe(201);
    const compilato = (await api.req("GET", `${G}/regolamenti/1/compilato`)).json as { regolamento: unknown };
    const attesa = createHash("sha256").update(jsonCanonico(compilato.regolamento)).digest("hex");
    const r = await api.req("GET", `${G}/procedimenti/${pid}/ricevuta/2`, { chiave: K.A });
    expect(r.status, r.testo).toBe(200);
    expect(r.json.versione).toEqual({ regolamento: "gamma", versione: "1", impronta_ir: attesa, impronta_attuale: attesa, corrisponde: true });
    expect(r.json.evento).toMatchObject({ seq: 2, azione: { azione: "adesione", parte: "B" }, attore: { ruolo: "parte", parte: "B" } });
    expect(r.json.regole).toContainEqual(expect.objectContaining({ cita: "art. 1 c. 1", fonte: "gamma", testo: "La parte invitata aderisce entro quindici giorni dal deposito della domanda." }));
    // The printable page: by Accept or by ?formato=html; values escaped.
    for (const [q, h] of [["?formato=html", {}], ["", { accept: "text/html" }]] as const) {
      const p = await api.req("GET", `${G}/procedimenti/${pid}/ricevuta/2${q}`, { chiave: K.A, intestazioni: h });
      expect(p.status).toBe(200);
      expect(p.headers.get("content-type")).toMatch(/^text\/html/);
      expect(p.testo).toContain(attesa);
      expect(p.testo).toContain("quindici giorni");
      expect(p.testo).toContain("Ricevuta dell'evento 2: adesione");
    }
    expect((await api.req("GET", `${G}/procedimenti/${pid}/ricevuta/3`, { chiave: K.A })).status).toBe(404);
    expect((await api.req("GET", `${G}/procedimenti/${pid}/ricevuta/1`, { chiave: K.Z })).status).toBe(404);
  });

  it("azioni_consentite_per_parte: l'invitata può aderire finché il termine è aperto, l'istante no; a termine chiuso nessuno", async () => {
    // gamma: adesione only by the invited party within 15 days; primo_incontro by anyone (no `da`).
    const pid = await crea("2026-10-27");
    const prima = await api.req("GET", `${G}/procedimenti/${pid}?data=2026-11-05`, { chiave: K.A });
    expect(prima.status, prima.testo).toBe(200);
    expect(prima.json.azioni_consentite).toContain("adesione");
    expect(prima.json.azioni_consentite_per_parte).toEqual({ A: ["primo_incontro"], B: ["adesione", "primo_incontro"] });
    const dopo = await api.req("GET", `${G}/procedimenti/${pid}?data=2026-11-15`, { chiave: K.A });
    expect(dopo.json.azioni_consentite_per_parte).toEqual({ A: ["primo_incontro"], B: ["primo_incontro"] });
    // conclusione (da organismo) is offered, but to no party.
    expect(dopo.json.azioni_consentite).toContain("conclusione");
  });
});
