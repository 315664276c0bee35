// The runtime's integration suite: PGlite in memory by default, the real Postgres when DATABASE_URL
// is set (a database of its own, dropped at the end). Organismi `alfa` and `beta` come from
// server/test-fixtures/semi (small, stable regolamenti of our own).
import { readFileSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creaApp } from "./app.ts";
import { avvia, type Avviato } from "./avvia.ts";
import { chiaveAmministratore } from "./avvio/amministratore.ts";
import { semina } from "./avvio/semina.ts";
import { Registro } from "./catalogo/registro.ts";
import { inTenant } from "./db/tenant.ts";
import { CHIAVE_ADMIN, FIXTURE, SEMI_DI_PROVA, databaseDiProva, type DatabaseDiProva } from "./test-support/ambiente.ts";
import { client, procedimentoDiProva } from "./test-support/client.ts";

let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
const K: Record<string, string> = {};

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA });
  api = client(s.app);
  for (const org of ["alfa", "beta"]) {
    K[`${org}.responsabile`] = await api.chiave(org, "responsabile");
    K[`${org}.segreteria`] = await api.chiave(org, "segreteria");
    K[`${org}.mediatore`] = await api.chiave(org, "mediatore", "m1");
    K[`${org}.A`] = await api.chiave(org, "parte", "A");
    K[`${org}.B`] = await api.chiave(org, "parte", "B");
  }
  K["alfa.m2"] = await api.chiave("alfa", "mediatore", "m2");
  K["alfa.C"] = await api.chiave("alfa", "parte", "C");
});
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
});

/** `<organismo>.<id>` of a key (what POST /v1/chiavi answers as `id`). */
const idChiave = (k: string) => k.split(".").slice(0, 2).join(".");

/** A procedure of alfa with parties A and B; the party keys alfa.A and alfa.B are bound to it. */
async function nuovoProcedimento(o: Parameters<typeof procedimentoDiProva>[0] = {}, chiave = K["alfa.segreteria"]!) {
  const r = await api.req("POST", "/v1/organismi/alfa/procedimenti", { chiave, corpo: procedimentoDiProva(o) });
  expect(r.status, r.testo).toBe(201);
  for (const parte of ["alfa.A", "alfa.B"]) {
    const g = await api.req("POST", `/v1/organismi/alfa/procedimenti/${r.json.id}/chiavi`, { chiave: K["alfa.segreteria"], corpo: { chiave: idChiave(K[parte]!) } });
    expect([200, 201], g.testo).toContain(g.status);
  }
  return r.json as { id: string; versione: string; revisione: number; fase: string };
}
const eventi = async (pid: string, chiave = K["alfa.segreteria"]!) => (await api.req("GET", `/v1/organismi/alfa/procedimenti/${pid}/eventi`, { chiave })).json as { seq: number; azione: Record<string, unknown> }[];
const azione = (pid: string, corpo: unknown, chiave = K["alfa.segreteria"]!, intestazioni?: Record<string, string>) =>
  api.req("POST", `/v1/organismi/alfa/procedimenti/${pid}/azioni`, { chiave, corpo, ...(intestazioni ? { intestazioni } : {}) });

describe(`runtime (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("carica i regolamenti all'avvio ed elenca gli organismi con la versione in vigore", async () => {
    expect(s.semina.inseriti.sort()).toEqual(["alfa@1", "beta@1"]);
    const r = await api.req("GET", "/v1/organismi");
    expect(r.status).toBe(200);
    expect(r.json).toEqual([
      { id: "alfa", nome: "Organismo Alfa (prova)", registro: "9001", versione_in_vigore: "1" },
      { id: "beta", nome: "Organismo Beta (prova)", registro: "9002", versione_in_vigore: "1" },
    ]);
  });

  it("semina: un file che non compila è scartato con il motivo, le versioni già presenti non sono reinserite", async () => {
    const dir = await mkdtemp(join(tmpdir(), "semi-"));
    try {
      await copyFile(FIXTURE("semi/alfa.regolamento"), join(dir, "alfa.regolamento"));
      await writeFile(join(dir, "rotto.regolamento"), 'regolamento rotto "R"\n versione 1 in vigore dal 2024-01-01\narticolo 1\n comma 1\n  vincolo x: per boh vieta\n');
      const esito = await semina(s.dipendenze.database, s.dipendenze.motore, dir);
      expect(esito.inseriti).toEqual([]);
      expect(esito.scartati).toEqual([{ file: expect.stringContaining("rotto.regolamento"), motivo: expect.stringContaining("E010") }]);
      expect((await api.req("GET", "/v1/organismi/rotto/regolamenti")).status).toBe(404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("procedimento: crea, azione consentita registrata, azione negata 422 senza registrare nulla", async () => {
    const p = await nuovoProcedimento();
    expect(p).toMatchObject({ versione: "1", revisione: 1, fase: "domanda_depositata" });
    const prima = { ...s.dipendenze.statistiche };
    const ok = await azione(p.id, { azione: "adesione", data: "2026-03-05" }, K["alfa.B"]);
    expect(ok.status, ok.testo).toBe(201);
    // The procedure was created here, so the action was decided on the remembered state and written
    // in one round trip (the locking path is for a state unknown or superseded).
    expect(s.dipendenze.statistiche.azioniUnTempo).toBe(prima.azioniUnTempo + 1);
    expect(s.dipendenze.statistiche.azioniConLock).toBe(prima.azioniConLock);
    expect(ok.json).toMatchObject({ esito: "consentito", revisione: 2, evento: { seq: 2, azione: "adesione", parte: "B" }, stato: { fase: "mediazione_in_corso" } });
    expect(ok.json.evento.regole).toContainEqual(expect.objectContaining({ regola: "azione_adesione", cita: "art. 1 c. 1", fonte: "alfa" }));

    const no = await azione(p.id, { azione: "designazione_mediatore", data: "2026-03-06", mediatore: { id: "m9", categoria: "praticante_abilitato" } });
    expect(no.status).toBe(422);
    expect(no.json.esito).toBe("negato");
    expect(no.json.motivi).toContainEqual(expect.objectContaining({ regola: "praticanti_fino_a_25000", cita: "art. 2 c. 1", fonte: "alfa" }));
    const storia = await eventi(p.id);
    expect(storia.map((e) => e.azione.azione)).toEqual(["deposito_domanda", "adesione"]);

    const stato = await api.req("GET", `/v1/organismi/alfa/procedimenti/${p.id}`, { chiave: K["alfa.segreteria"] });
    expect(stato.json).toMatchObject({ id: p.id, versione: "1", revisione: 2, fase: "mediazione_in_corso" });
    expect(stato.json.indennita.totale).toBe(183);
    expect(Array.isArray(stato.json.azioni_consentite)).toBe(true);

    const ev = (await api.req("GET", `/v1/organismi/alfa/procedimenti/${p.id}/eventi`, { chiave: K["alfa.segreteria"] })).json;
    expect(ev[1]).toMatchObject({ seq: 2, attore: { ruolo: "parte", parte: "B" }, versione_regolamento: "1" });
    expect(Date.parse(ev[1].registrato_il)).toBeGreaterThan(0);
  });

  it("una parte agisce solo in nome proprio; il primo evento deve essere deposito_domanda", async () => {
    const p = await nuovoProcedimento();
    expect((await azione(p.id, { azione: "adesione", data: "2026-03-05", parte: "B" }, K["alfa.A"])).status).toBe(403);
    const bad = await api.req("POST", "/v1/organismi/alfa/procedimenti", {
      chiave: K["alfa.segreteria"],
      corpo: { ...procedimentoDiProva(), eventi: [{ azione: "adesione", data: "2026-03-02", parte: "B" }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errore.code).toBe("invalid_request");
    const prima = await azione(p.id, { azione: "adesione", data: "2026-03-01" }, K["alfa.B"]);
    expect(prima.status).toBe(422);
    expect(prima.json.errore.code).toBe("action_before_last_event");
  });

  it("due istanze sullo stesso database (come due server): lo stato ricordato e superato non decide e non registra", async () => {
    const altra = client(creaApp(s.dipendenze)); // its own memory of procedures
    const p = await nuovoProcedimento(); // remembered by this instance at revision 1
    const daAltra = await altra.req("POST", `/v1/organismi/alfa/procedimenti/${p.id}/azioni`, { chiave: K["alfa.B"], corpo: { azione: "adesione", data: "2026-03-05" } });
    expect(daAltra.status).toBe(201);
    // Here the remembered state (revision 1, domanda_depositata) would allow a second adesione; the
    // database is at revision 2 (mediazione_in_corso), where adesione is not allowed.
    const conLock = s.dipendenze.statistiche.azioniConLock;
    const stantia = await azione(p.id, { azione: "adesione", data: "2026-03-06" }, K["alfa.B"]);
    expect(stantia.status).toBe(422);
    expect(stantia.json.revisione).toBe(2);
    const dopo = await azione(p.id, { azione: "deposito_documento", data: "2026-03-06", parte: "A", documento: "x", tipo: "sessione_comune" });
    expect(dopo.status).toBe(201);
    expect(dopo.json.evento.seq).toBe(3);
    expect(s.dipendenze.statistiche.azioniConLock).toBe(conLock + 1); // the superseded state sent it down the locking path
    // And the other instance, now stale, still appends in order.
    const ancora = await altra.req("POST", `/v1/organismi/alfa/procedimenti/${p.id}/azioni`, {
      chiave: K["alfa.segreteria"], corpo: { azione: "deposito_documento", data: "2026-03-07", parte: "B", documento: "y", tipo: "sessione_comune" },
    });
    expect(ancora.json.evento.seq).toBe(4);
    expect((await eventi(p.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it("versione_attesa superata: 409 e nulla registrato", async () => {
    const p = await nuovoProcedimento();
    const r = await azione(p.id, { azione: "adesione", data: "2026-03-05", versione_attesa: 0 }, K["alfa.B"]);
    expect(r.status).toBe(409);
    expect(r.json.errore).toMatchObject({ code: "stale_version", dettagli: { revisione: 1 } });
    expect(await eventi(p.id)).toHaveLength(1);
    const ok = await azione(p.id, { azione: "adesione", data: "2026-03-05", versione_attesa: 1 }, K["alfa.B"]);
    expect(ok.status).toBe(201);
  });

  it("Idempotency-Key: un tentativo ripetuto (anche in parallelo) restituisce la prima risposta e non registra due volte", async () => {
    const p = await nuovoProcedimento();
    const corpo = { azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: "doc-1", tipo: "sessione_comune" };
    const primo = await azione(p.id, corpo, K["alfa.segreteria"], { "Idempotency-Key": "k-1" });
    expect(primo.status).toBe(201);
    const secondo = await azione(p.id, corpo, K["alfa.segreteria"], { "Idempotency-Key": "k-1" });
    expect(secondo.status).toBe(201);
    expect(secondo.headers.get("idempotent-replayed")).toBe("true");
    expect(secondo.json).toEqual(primo.json);

    const altro = { ...corpo, documento: "doc-2" };
    const paralleli = await Promise.all(Array.from({ length: 10 }, () => azione(p.id, altro, K["alfa.segreteria"], { "Idempotency-Key": "k-2" })));
    expect(paralleli.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(paralleli.map((r) => r.json.evento.seq)).size).toBe(1);

    const storia = await eventi(p.id);
    expect(storia.filter((e) => e.azione.documento === "doc-1")).toHaveLength(1);
    expect(storia.filter((e) => e.azione.documento === "doc-2")).toHaveLength(1);
    expect(storia).toHaveLength(3);

    const riuso = await azione(p.id, { ...corpo, documento: "doc-3" }, K["alfa.segreteria"], { "Idempotency-Key": "k-1" });
    expect(riuso.status).toBe(409);
    expect(riuso.json.errore.code).toBe("idempotency_key_reused");
    expect(await eventi(p.id)).toHaveLength(3);

    // Creating a procedure is idempotent too.
    const c1 = await api.req("POST", "/v1/organismi/alfa/procedimenti", { chiave: K["alfa.segreteria"], corpo: procedimentoDiProva(), intestazioni: { "Idempotency-Key": "crea-1" } });
    const c2 = await api.req("POST", "/v1/organismi/alfa/procedimenti", { chiave: K["alfa.segreteria"], corpo: procedimentoDiProva(), intestazioni: { "Idempotency-Key": "crea-1" } });
    expect(c2.json.id).toBe(c1.json.id);
  });

  it("100 azioni concorrenti su un procedimento: nessun evento perso né duplicato", async () => {
    const p = await nuovoProcedimento();
    const risposte = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        azione(p.id, { azione: "deposito_documento", data: "2026-03-04", parte: i % 2 ? "A" : "B", documento: `d${i}`, tipo: "sessione_comune" }),
      ),
    );
    expect(risposte.map((r) => r.status)).toEqual(Array(100).fill(201));
    const storia = await eventi(p.id);
    expect(storia).toHaveLength(101);
    expect(storia.map((e) => e.seq)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
    const documenti = storia.filter((e) => e.azione.azione === "deposito_documento").map((e) => e.azione.documento);
    expect(new Set(documenti).size).toBe(100);
    expect(new Set(risposte.map((r) => r.json.evento.seq)).size).toBe(100);
    const stato = await api.req("GET", `/v1/organismi/alfa/procedimenti/${p.id}`, { chiave: K["alfa.segreteria"] });
    expect(stato.json.revisione).toBe(101);
  });

  it("documenti di sessione separata: visibili solo a chi li ha depositati e al mediatore", async () => {
    const p = await nuovoProcedimento();
    const r = await azione(p.id, { azione: "deposito_documento", data: "2026-03-04", documento: "segreto", tipo: "sessione_separata" }, K["alfa.A"]);
    expect(r.status, r.testo).toBe(201);
    await azione(p.id, { azione: "deposito_documento", data: "2026-03-04", documento: "comune", tipo: "sessione_comune" }, K["alfa.A"]);
    const visto = async (chiave: string) => (await eventi(p.id, chiave)).find((e) => e.seq === 2)!.azione;
    expect(await visto(K["alfa.A"]!)).toMatchObject({ documento: "segreto" });
    expect(await visto(K["alfa.mediatore"]!)).toMatchObject({ documento: "segreto" });
    for (const chi of [K["alfa.B"]!, K["alfa.segreteria"]!]) {
      const a = await visto(chi);
      expect(a).toEqual({ azione: "deposito_documento", data: "2026-03-04", tipo: "sessione_separata", riservato: true });
    }
    // The common-session document stays visible to everyone.
    expect((await eventi(p.id, K["alfa.B"])).find((e) => e.seq === 3)!.azione).toMatchObject({ documento: "comune" });
  });

  it("matrice dei ruoli", async () => {
    const p = await nuovoProcedimento();
    const pid = p.id;
    const sorgente = readFileSync(FIXTURE("alfa-2.regolamento"), "utf8").replace('versione "2"', 'versione "ruoli"');
    const casi: [string, string, string, unknown, Record<string, number>][] = [
      // [name, method, path, body, role → expected status]
      ["crea bozza", "POST", "/v1/organismi/alfa/regolamenti", { sorgente },
        { anonimo: 401, responsabile: 201, segreteria: 403, mediatore: 403, A: 403, admin: 404 }],
      ["crea procedimento", "POST", "/v1/organismi/alfa/procedimenti", procedimentoDiProva(),
        { anonimo: 401, responsabile: 403, segreteria: 201, mediatore: 403, A: 201, B: 403, admin: 404 }],
      ["legge procedimento", "GET", `/v1/organismi/alfa/procedimenti/${pid}`, undefined,
        { anonimo: 401, responsabile: 403, segreteria: 200, mediatore: 200, m2: 404, A: 200, B: 200, C: 404, admin: 404 }],
      ["legge eventi", "GET", `/v1/organismi/alfa/procedimenti/${pid}/eventi`, undefined,
        { anonimo: 401, responsabile: 403, segreteria: 200, mediatore: 200, m2: 404, A: 200, C: 404 }],
      ["azione", "POST", `/v1/organismi/alfa/procedimenti/${pid}/azioni`, { azione: "deposito_documento", data: "2026-03-04", documento: "x", tipo: "sessione_comune" },
        { anonimo: 401, responsabile: 403, segreteria: 201, mediatore: 201, m2: 404, A: 201, C: 404, admin: 404 }],
      ["emette chiavi", "POST", "/v1/chiavi", { organismo: "alfa", ruolo: "segreteria" },
        { anonimo: 401, responsabile: 403, segreteria: 403, A: 403, admin: 201 }],
      ["crea organismo", "POST", "/v1/organismi", { id: "ruoli-org", nome: "x" },
        { anonimo: 401, responsabile: 403, segreteria: 403, admin: 201 }],
      ["valuta (pubblico)", "POST", "/v1/organismi/alfa/evaluate", { procedimento: procedimentoDiProva() },
        { anonimo: 200, A: 200, admin: 200 }],
    ];
    const chiaveDi = (ruolo: string) => (ruolo === "anonimo" ? undefined : ruolo === "admin" ? CHIAVE_ADMIN : K[`alfa.${ruolo}`]);
    const diversi: string[] = [];
    for (const [nome, metodo, percorso, corpo, attesi] of casi) {
      for (const [ruolo, atteso] of Object.entries(attesi)) {
        const chiave = chiaveDi(ruolo);
        const r = await api.req(metodo, percorso, { ...(chiave ? { chiave } : {}), ...(corpo !== undefined ? { corpo } : {}) });
        if (r.status !== atteso) diversi.push(`${nome} / ${ruolo}: ${r.status} invece di ${atteso} ${r.testo.slice(0, 200)}`);
      }
    }
    expect(diversi).toEqual([]);
  });

  it("isolamento: le chiavi di un altro organismo non vedono nulla (404), su ogni percorso", async () => {
    const p = await nuovoProcedimento();
    const bozza = readFileSync(FIXTURE("alfa-2.regolamento"), "utf8").replace('versione "2"', 'versione "isolamento"');
    expect((await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: K["alfa.responsabile"], corpo: { sorgente: bozza } })).status).toBe(201);
    const percorsi: [string, string, unknown?][] = [
      ["GET", `/v1/organismi/alfa/procedimenti/${p.id}`],
      ["GET", `/v1/organismi/alfa/procedimenti/${p.id}/eventi`],
      ["POST", `/v1/organismi/alfa/procedimenti/${p.id}/azioni`, { azione: "adesione", data: "2026-03-05" }],
      ["POST", "/v1/organismi/alfa/procedimenti", procedimentoDiProva()],
      ["GET", "/v1/organismi/alfa/regolamenti/isolamento"],
      ["PUT", "/v1/organismi/alfa/regolamenti/isolamento", { sorgente: bozza }],
      ["POST", "/v1/organismi/alfa/regolamenti/isolamento/pubblica"],
      ["POST", "/v1/organismi/alfa/regolamenti", { sorgente: bozza.replace('"isolamento"', '"altra"') }],
      ["GET", "/v1/organismi/alfa/regolamenti/isolamento/diff/1"],
    ];
    const fughe: string[] = [];
    for (const ruolo of ["responsabile", "segreteria", "mediatore", "A", "B"]) {
      for (const [metodo, percorso, corpo] of percorsi) {
        const r = await api.req(metodo, percorso, { chiave: K[`beta.${ruolo}`], ...(corpo !== undefined ? { corpo } : {}) });
        if (r.status !== 404 || r.testo.includes(p.id) || r.testo.includes("Organismo Alfa")) fughe.push(`${ruolo} ${metodo} ${percorso}: ${r.status} ${r.testo.slice(0, 120)}`);
      }
    }
    expect(fughe).toEqual([]);
    // The draft list shows drafts to alfa only.
    const lista = async (chiave?: string) => ((await api.req("GET", "/v1/organismi/alfa/regolamenti", chiave ? { chiave } : {})).json as { versione: string }[]).map((v) => v.versione);
    expect(await lista(K["beta.responsabile"])).toEqual(["1"]);
    expect(await lista()).toEqual(["1"]);
    expect(await lista(K["alfa.responsabile"])).toContain("isolamento");
    // And nothing was written by the foreign keys.
    expect(await eventi(p.id)).toHaveLength(1);
  });

  it("RLS: una query senza filtro sul tenant vede solo le righe del tenant; scrivere per un altro è rifiutato", async () => {
    await nuovoProcedimento();
    const { database } = s.dipendenze;
    const diBeta = await inTenant(database, "beta", (tx) => database.rows<{ organismo_id: string }>(tx, sql`select organismo_id from procedimenti`));
    expect(diBeta).toEqual([]);
    const diAlfa = await inTenant(database, "alfa", (tx) => database.rows<{ organismo_id: string }>(tx, sql`select organismo_id from procedimenti`));
    expect(diAlfa.length).toBeGreaterThan(0);
    expect(new Set(diAlfa.map((r) => r.organismo_id))).toEqual(new Set(["alfa"]));
    const eventiBeta = await inTenant(database, "beta", (tx) => database.rows(tx, sql`select * from eventi`));
    expect(eventiBeta).toEqual([]);
    const chiaviAnonime = await inTenant(database, null, (tx) => database.rows(tx, sql`select * from chiavi`));
    expect(chiaviAnonime).toEqual([]);
    await expect(
      inTenant(database, "beta", (tx) => tx.execute(sql`insert into procedimenti (organismo_id, id, versione_regolamento, fatti) values ('alfa', 'intruso', '1', '{}')`)),
    ).rejects.toThrow();
    // Append-only history: app_user may not rewrite or delete events.
    await expect(inTenant(database, "alfa", (tx) => tx.execute(sql`update eventi set attore = '{}'`))).rejects.toThrow();
    await expect(inTenant(database, "alfa", (tx) => tx.execute(sql`delete from eventi`))).rejects.toThrow();
  });

  it("versioni: bozza con diagnostica, modifica, diff, pubblicazione immutabile, versione in vigore al deposito", async () => {
    const v2 = readFileSync(FIXTURE("alfa-2.regolamento"), "utf8");
    const R = K["alfa.responsabile"]!;
    const creata = await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: R, grezzo: v2.replace("10.000 €", "20.000 €"), tipo: "text/plain" });
    expect(creata.status, creata.testo).toBe(201);
    expect(creata.json).toMatchObject({ versione: "2", stato: "bozza", in_vigore_dal: "2026-06-01", diagnostics: [] });
    expect((await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: R, corpo: { sorgente: v2 } })).status).toBe(409);
    expect((await api.req("GET", "/v1/organismi/alfa/regolamenti/2")).status).toBe(404);

    const mod = await api.req("PUT", "/v1/organismi/alfa/regolamenti/2", { chiave: R, corpo: { sorgente: v2 } });
    expect(mod.status, mod.testo).toBe(200);
    expect((await api.req("PUT", "/v1/organismi/alfa/regolamenti/2", { chiave: R, corpo: { sorgente: v2.replace('versione "2"', 'versione "3"') } })).json.errore.code).toBe("version_mismatch");
    expect((await api.req("PUT", "/v1/organismi/alfa/regolamenti/2", { chiave: R, corpo: { sorgente: v2.replace("regolamento alfa", "regolamento beta") } })).status).toBe(422);

    const diff = await api.req("GET", "/v1/organismi/alfa/regolamenti/1/diff/2", { chiave: R });
    expect(diff.status).toBe(200);
    expect(diff.json.testuale).toContain('-  versione "1" in vigore dal 2024-01-01');
    expect(diff.json.testuale).toMatch(/^\+.*10\.000/m);
    expect(diff.json.semantico.length).toBeGreaterThan(0);

    const conErrori = await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: R, corpo: { sorgente: v2.replace('versione "2"', 'versione "rotta"') + "\narticolo 9\n  comma 1\n    vincolo x: per azione_inesistente richiede valore <= 1 €\n" } });
    expect(conErrori.status).toBe(201);
    expect(conErrori.json.diagnostics.some((d: { severity: string }) => d.severity === "error")).toBe(true);
    const rifiutata = await api.req("POST", "/v1/organismi/alfa/regolamenti/rotta/pubblica", { chiave: R });
    expect(rifiutata.status).toBe(422);
    expect(rifiutata.json.errore.code).toBe("draft_has_errors");

    // Before publishing v2, a procedure deposited after 2026-06-01 is judged by v1 (25.000).
    const prima = await nuovoProcedimento({ valore: 20000, deposito: "2026-07-01" });
    expect(prima.versione).toBe("1");

    // A second catalogue on the same database (as another server would be) hears the publish.
    const altroRegistro = await Registro.apri(s.dipendenze.database, s.dipendenze.motore);
    expect(altroRegistro.ha("alfa", "2")).toBe(false);
    // Its cache holds alfa prepared (version 1 in force on 2026-07-01) until the publish is heard.
    expect((await altroRegistro.usa(["alfa"], () => altroRegistro.preparato("alfa", { date: "2026-07-01" })))?.versione).toBe("1");
    // And one that is not listening (its notification is lost) recovers it by reconciliation.
    const sordo = await Registro.apri(s.dipendenze.database, s.dipendenze.motore);
    await sordo.chiusura();
    // In force from a past date: refused unless asked for explicitly (tests in test/affidabilita/pubblicazione.test.ts).
    const pub = await api.req("POST", "/v1/organismi/alfa/regolamenti/2/pubblica", { chiave: R, corpo: { retroattiva: true } });
    expect(pub.status, pub.testo).toBe(200);
    for (let i = 0; i < 100 && !altroRegistro.ha("alfa", "2"); i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(altroRegistro.ha("alfa", "2")).toBe(true);
    expect(altroRegistro.notificheRicevute).toBeGreaterThan(0);
    expect((await altroRegistro.usa(["alfa"], () => altroRegistro.preparato("alfa", { date: "2026-07-01" })))?.versione).toBe("2");
    await altroRegistro.chiusura();
    expect(sordo.ha("alfa", "2")).toBe(false);
    expect(await sordo.riconcilia()).toBe(1);
    expect(sordo.ha("alfa", "2")).toBe(true);
    expect(pub.json).toMatchObject({ stato: "pubblicata", versione: "2" });
    expect((await api.req("GET", "/v1/organismi/alfa/regolamenti/2")).status).toBe(200);
    expect((await api.req("PUT", "/v1/organismi/alfa/regolamenti/2", { chiave: R, corpo: { sorgente: v2 } })).status).toBe(409);
    expect((await api.req("POST", "/v1/organismi/alfa/regolamenti/2/pubblica", { chiave: R })).status).toBe(409);
    // The database itself refuses to change a published version.
    const { database } = s.dipendenze;
    await expect(inTenant(database, "alfa", (tx) => tx.execute(sql`update regolamento_versioni set sorgente = 'x' where versione = '2'`))).rejects.toThrow();
    await expect(inTenant(database, "alfa", (tx) => tx.execute(sql`delete from regolamento_versioni where versione = '2'`))).rejects.toThrow();
    const letta = await api.req("GET", "/v1/organismi/alfa/regolamenti/2");
    expect(letta.json.sorgente).toBe(v2);
    expect(letta.json.ir.versione).toBe("2");

    // The version in force at deposito_domanda judges the procedure for its whole life.
    const designa = { azione: "designazione_mediatore", data: "2026-07-02", mediatore: { id: "m5", categoria: "praticante_abilitato" } };
    const vecchio = await azione(prima.id, designa);
    expect(vecchio.status, vecchio.testo).toBe(201);
    expect(vecchio.json.versione).toBe("1");
    const nuovo = await nuovoProcedimento({ valore: 20000, deposito: "2026-07-01" });
    expect(nuovo.versione).toBe("2");
    const negata = await azione(nuovo.id, designa);
    expect(negata.status).toBe(422);
    expect(negata.json.motivi).toContainEqual(expect.objectContaining({ regola: "praticanti_fino_a_10000" }));
    const marzo = await nuovoProcedimento({ valore: 20000, deposito: "2026-03-02" });
    expect(marzo.versione).toBe("1");

    // Across organismi.
    const tra = await api.req("GET", "/v1/organismi/alfa/regolamenti/1/diff/1?altro=beta@1");
    expect(tra.status).toBe(200);
    expect(tra.json.b).toEqual({ organismo: "beta", versione: "1" });
    expect(tra.json.testuale).toContain("+regolamento beta");
  });

  it("Idempotency-Key anche su bozza e pubblicazione", async () => {
    const R = K["alfa.responsabile"]!;
    const sorgente = readFileSync(FIXTURE("alfa-2.regolamento"), "utf8").replace('versione "2" in vigore dal 2026-06-01', 'versione "idem" in vigore dal 2036-06-01');
    const i1 = { "Idempotency-Key": "bozza-idem" };
    const a = await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: R, grezzo: sorgente, tipo: "text/plain", intestazioni: i1 });
    const b = await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: R, grezzo: sorgente, tipo: "text/plain", intestazioni: i1 });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(b.json).toEqual(a.json);
    const i2 = { "Idempotency-Key": "pubblica-idem" };
    const p1 = await api.req("POST", "/v1/organismi/alfa/regolamenti/idem/pubblica", { chiave: R, intestazioni: i2 });
    const p2 = await api.req("POST", "/v1/organismi/alfa/regolamenti/idem/pubblica", { chiave: R, intestazioni: i2 });
    expect([p1.status, p2.status]).toEqual([200, 200]);
    expect(p2.json).toEqual(p1.json);
    // Without the key, a second publish is what it is: a conflict.
    expect((await api.req("POST", "/v1/organismi/alfa/regolamenti/idem/pubblica", { chiave: R })).status).toBe(409);
  });

  it("servizi senza stato: evaluate, compare, check, format, matrice", async () => {
    const domanda = {
      data: "2026-03-03",
      procedimento: procedimentoDiProva(),
      azione: { azione: "designazione_mediatore", data: "2026-03-03", mediatore: { categoria: "praticante_abilitato" } },
    };
    const ev = await api.req("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
    expect(ev.status).toBe(200);
    expect(ev.json).toMatchObject({ esito: "negato", fase: "domanda_depositata" });
    expect((await api.req("POST", "/v1/organismi/nessuno/evaluate", { corpo: domanda })).status).toBe(404);
    expect((await api.req("POST", "/v1/organismi/alfa/evaluate", { corpo: { ...domanda, versione: "99" } })).status).toBe(422);
    // The question may set the regolamento's parameters (the other reading of a comma); the trace says so.
    const conParametri = await api.req("POST", "/v1/organismi/alfa/evaluate", { corpo: { ...domanda, parametri: { lettura: "altra" } } });
    expect(conParametri.status).toBe(200);
    expect(conParametri.json.traccia[0]).toMatchObject({ regola: "lettura", esito: "parametro posto dalla domanda" });
    expect((await api.req("POST", "/v1/organismi/alfa/evaluate", { corpo: { ...domanda, parametri: { lettura: { no: 1 } } } })).status).toBe(400);

    const cmp = await api.req("POST", "/v1/compare", { corpo: { organismi: ["alfa", "beta"], domanda } });
    expect(cmp.status).toBe(200);
    expect(cmp.json.map((x: { organismo: string; risposta: { esito: string } }) => [x.organismo, x.risposta.esito])).toEqual([
      ["alfa", "negato"],
      ["beta", "consentito"],
    ]);

    const chk = await api.req("POST", "/v1/check", { grezzo: "regolamento x \"X\"\n versione 1 in vigore dal 2024-01-01\narticolo 1\n comma 1\n  vincolo v: per azione_che_non_esiste vieta\n", tipo: "text/plain" });
    expect(chk.status).toBe(200);
    expect(chk.json.diagnostics.length).toBeGreaterThan(0);
    expect(chk.json.diagnostics[0]).toHaveProperty("line");

    const fmt = await api.req("POST", "/v1/format", { corpo: { sorgente: readFileSync(FIXTURE("semi/alfa.regolamento"), "utf8") } });
    expect(fmt.status).toBe(200);
    expect(typeof fmt.json.text).toBe("string");

    const m = await api.req("GET", "/v1/matrice?organismi=alfa,beta");
    expect(m.status).toBe(200);
    expect(m.json.organismi.map((o: { id: string }) => o.id)).toEqual(["alfa", "beta"]);
    expect((await api.req("GET", "/v1/matrice?organismi=alfa,nessuno")).status).toBe(404);
  });

  it("chiavi: conservate come impronta sha-256, mostrate una volta, revocabili; organismi creati dall'amministratore", async () => {
    const r = await api.req("POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo: "alfa", ruolo: "segreteria" } });
    expect(r.status).toBe(201);
    const { id, chiave } = r.json as { id: string; chiave: string };
    const { database } = s.dipendenze;
    const righe = await inTenant(database, "alfa", (tx) => database.rows<Record<string, unknown>>(tx, sql`select * from chiavi where id = ${id.split(".")[1]!}`));
    expect(righe).toHaveLength(1);
    expect(righe[0]!.hash).toBe(createHash("sha256").update(chiave).digest("hex"));
    expect(JSON.stringify(righe)).not.toContain(chiave.split(".")[2]);
    expect((await api.req("GET", `/v1/organismi/alfa/procedimenti/nessuno`, { chiave })).status).toBe(404);
    expect((await api.req("DELETE", `/v1/chiavi/${id}`, { chiave: K["alfa.responsabile"] })).status).toBe(403);
    expect((await api.req("DELETE", `/v1/chiavi/${id}`, { chiave: CHIAVE_ADMIN })).json).toEqual({ id, revocata: true });
    expect((await api.req("GET", `/v1/organismi/alfa/procedimenti/nessuno`, { chiave })).status).toBe(401);
    expect((await api.req("DELETE", "/v1/chiavi/alfa.000000000099", { chiave: CHIAVE_ADMIN })).status).toBe(404);
    expect((await api.req("POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo: "inesistente", ruolo: "segreteria" } })).status).toBe(404);
    expect((await api.req("POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo: "alfa", ruolo: "parte" } })).status).toBe(400);
    expect((await api.req("GET", "/v1/organismi", { chiave: "alfa.000000000000.non-una-chiave" })).status).toBe(401);

    expect((await api.req("POST", "/v1/organismi", { chiave: CHIAVE_ADMIN, corpo: { id: "gamma", nome: "Gamma" } })).status).toBe(201);
    expect((await api.req("POST", "/v1/organismi", { chiave: CHIAVE_ADMIN, corpo: { id: "gamma", nome: "Gamma" } })).status).toBe(409);
    expect(((await api.req("GET", "/v1/organismi")).json as { id: string }[]).map((o) => o.id)).toContain("gamma");
  });

  it("chiave dell'amministratore generata al primo avvio: una volta sola, conservata come impronta, valida", async () => {
    const prima = await chiaveAmministratore(s.dipendenze.database, undefined);
    expect(prima.generata).toMatch(/^_amministrazione\.000000000000\./);
    expect((await chiaveAmministratore(s.dipendenze.database, undefined)).generata).toBeUndefined();
    const r = await api.req("POST", "/v1/organismi", { chiave: prima.generata!, corpo: { id: "delta", nome: "Delta" } });
    expect(r.status).toBe(201);
    expect((await api.req("POST", "/v1/organismi/alfa/procedimenti", { chiave: prima.generata!, corpo: procedimentoDiProva() })).status).toBe(404);
  });

  it("CLI `regolamento chiavi crea|revoca` contro un server in ascolto", async () => {
    const { serve } = await import("@hono/node-server");
    const { run } = await import("../cli/chiavi.ts");
    const http = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((ok) => http.once("listening", ok));
    const porta = (http.address() as { port: number }).port;
    const server = `http://127.0.0.1:${porta}`;
    const righe: string[] = [];
    const out = { log: (x: string) => righe.push(x), error: (x: string) => righe.push(`E ${x}`) } as unknown as Console;
    try {
      const p = await nuovoProcedimento();
      expect(await run(["crea", "--organismo", "alfa", "--ruolo", "parte", "--parte", "A", "--procedimento", p.id, "--server", server, "--json"], { REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN }, out)).toBe(0);
      const creata = JSON.parse(righe.pop()!) as { id: string; chiave: string };
      expect(creata.chiave.startsWith("alfa.")).toBe(true);
      expect((await api.req("GET", `/v1/organismi/alfa/procedimenti/${p.id}`, { chiave: creata.chiave })).status).toBe(200);
      expect(await run(["revoca", creata.id, "--server", server], { REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN }, out)).toBe(0);
      expect((await api.req("GET", `/v1/organismi/alfa/procedimenti/${p.id}`, { chiave: creata.chiave })).status).toBe(401);
      expect(await run(["crea", "--organismo", "alfa", "--ruolo", "segreteria", "--server", server], {}, out)).toBe(2);
      expect(await run(["crea", "--organismo", "alfa", "--ruolo", "segreteria", "--server", server], { REGOLAMENTO_ADMIN_KEY: "sbagliata" }, out)).toBe(1);
      expect(righe.at(-1)).toContain("401");
      expect(await run(["boh"], {}, out)).toBe(2);
    } finally {
      await new Promise((ok) => http.close(ok));
    }
  });

  it("input sbagliato: sempre 4xx in JSON, mai 500, nulla registrato", async () => {
    const p = await nuovoProcedimento();
    const rotte: [string, string, string | undefined][] = [
      ["POST", "/v1/organismi/alfa/procedimenti", K["alfa.segreteria"]],
      ["POST", `/v1/organismi/alfa/procedimenti/${p.id}/azioni`, K["alfa.segreteria"]],
      ["POST", "/v1/organismi/alfa/regolamenti", K["alfa.responsabile"]],
      ["PUT", "/v1/organismi/alfa/regolamenti/1", K["alfa.responsabile"]],
      ["POST", "/v1/organismi/alfa/regolamenti/1/pubblica", K["alfa.responsabile"]],
      ["POST", "/v1/organismi/alfa/evaluate", undefined],
      ["POST", "/v1/compare", undefined],
      ["POST", "/v1/check", undefined],
      ["POST", "/v1/format", undefined],
      ["POST", "/v1/chiavi", CHIAVE_ADMIN],
      ["POST", "/v1/organismi", CHIAVE_ADMIN],
      ["DELETE", "/v1/chiavi/%00%ff", CHIAVE_ADMIN],
      ["GET", "/v1/organismi/ALFA!/regolamenti", undefined],
      ["GET", `/v1/organismi/alfa/procedimenti/${"x".repeat(500)}`, K["alfa.segreteria"]],
      ["GET", "/v1/matrice?organismi=" + ",".repeat(50), undefined],
      ["GET", "/v1/organismi/alfa/regolamenti/1/diff/2?altro=senza-chiocciola", undefined],
    ];
    const grezzi = ["", "{", "null", "[]", "42", '"testo"', '{"procedimento": 1}', '{"azione": {"x": 1}}', '{"a":'.repeat(2000), "\u0000\u0001", '{"sorgente": 5}', '{"organismi": "alfa"}', '{"eventi": [{"azione": "deposito_domanda", "data": "2026-02-30"}], "parti": [{"id": "A", "ruolo": "istante"}]}'];
    const cinquecento: string[] = [];
    const controlla = (etichetta: string, r: { status: number; json: unknown }) => {
      if (r.status >= 500 || r.status < 400 && !["POST /v1/check", "POST /v1/format", "GET /v1/matrice"].some((x) => etichetta.startsWith(x))) cinquecento.push(`${etichetta}: ${r.status}`);
      if (r.status >= 400 && !(r.json as { errore?: { code?: string } })?.errore?.code) cinquecento.push(`${etichetta}: ${r.status} senza { errore }`);
    };
    for (const [metodo, percorso, chiave] of rotte)
      for (const g of grezzi) {
        for (const tipo of ["application/json", "text/plain", "application/xml"]) {
          const r = await api.req(metodo, percorso, { ...(metodo === "GET" ? { intestazioni: { "content-type": tipo } } : { grezzo: g, tipo }), ...(chiave ? { chiave } : {}) });
          if (r.status >= 500) cinquecento.push(`${metodo} ${percorso} ${tipo} ${JSON.stringify(g).slice(0, 30)}: ${r.status} ${r.testo.slice(0, 100)}`);
          else if (r.status >= 400 && !r.json?.errore?.code) cinquecento.push(`${metodo} ${percorso} ${tipo}: ${r.status} senza { errore }`);
        }
      }
    // Random JSON values at every body route (fast-check).
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...rotte.filter((x) => x[0] !== "GET")), fc.jsonValue({ maxDepth: 4 }), async ([metodo, percorso, chiave], valore) => {
        const r = await api.req(metodo, percorso, { corpo: valore, ...(chiave ? { chiave } : {}) });
        controlla(`${metodo} ${percorso} ${JSON.stringify(valore).slice(0, 40)}`, r);
        return r.status < 500;
      }),
      { numRuns: 150 },
    );
    // Garbage credentials.
    for (const h of ["Bearer", "Basic abc", "Bearer " + "x".repeat(600), "Bearer a.b.c", "Bearer \u00e8"]) {
      const r = await s.app.request("/v1/organismi", { headers: { authorization: h } });
      if (r.status !== 401) cinquecento.push(`authorization ${h.slice(0, 20)}: ${r.status}`);
    }
    expect(cinquecento).toEqual([]);
    // Oversized body: 413, nothing stored.
    const enorme = await api.req("POST", `/v1/organismi/alfa/procedimenti/${p.id}/azioni`, {
      chiave: K["alfa.segreteria"],
      corpo: { azione: "deposito_documento", data: "2026-03-04", documento: "x", tipo: "sessione_comune", testo: "x".repeat(3 * 1024 * 1024) },
    });
    expect(enorme.status).toBe(413);
    expect(enorme.json.errore.code).toBe("payload_too_large");
    expect(await eventi(p.id)).toHaveLength(1);
    const v1 = await api.req("GET", "/v1/organismi/alfa/regolamenti/1");
    expect(v1.json.stato).toBe("pubblicata");
  });

  it("OpenAPI, Swagger UI con risorse locali, pagina dell'editor", async () => {
    const doc = await api.req("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    for (const p of ["/v1/organismi/{id}/evaluate", "/v1/organismi/{id}/procedimenti/{pid}/azioni", "/v1/chiavi", "/v1/compare", "/v1/matrice"]) expect(doc.json.paths).toHaveProperty([p]);
    const ui = await api.req("GET", "/docs");
    expect(ui.status).toBe(200);
    expect(ui.testo).not.toMatch(/https?:\/\//);
    const asset = /src="([^"]+swagger-ui-bundle\.js)"/.exec(ui.testo)?.[1];
    expect(asset).toBeDefined();
    const js = await s.app.request(asset!);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toContain("javascript");
    expect((await s.app.request("/docs/assets/swagger-ui-dist/..%2Fpackage.json")).status).toBe(404);
    const home = await s.app.request("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<html|<!doctype/i);
    expect((await api.req("GET", "/v1/inesistente")).json.errore.code).toBe("not_found");
    const salute = await api.req("GET", "/v1/salute");
    expect(salute.json).toMatchObject({ stato: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
    expect(salute.json.versioni).toBeGreaterThanOrEqual(2);
  });
});
