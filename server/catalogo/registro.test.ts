// Issue 15 § 1: published versions are stored compiled (IR and its hash); a start reads them,
// compiles nothing and prepares nothing until a question asks for a version.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { avvia, type Avviato } from "../avvia.ts";
import { inTenant } from "../db/tenant.ts";
import { motore } from "../engine-adapter.ts";
import { improntaIr } from "../ricevute/impronta.ts";
import { LIMITI_DI_PROVA } from "../limiti/configurazione.ts";
import { CHIAVE_ADMIN, FIXTURE, SEMI_DI_PROVA, databaseDiProva } from "../test-support/ambiente.ts";
import { client, procedimentoDiProva } from "../test-support/client.ts";

const pulizie: (() => Promise<void>)[] = [];
afterAll(async () => { for (const f of pulizie.reverse()) await f(); });

const domanda = {
  data: "2026-07-02",
  procedimento: procedimentoDiProva({ valore: 20000, deposito: "2026-07-01" }),
  azione: { azione: "designazione_mediatore", data: "2026-07-02", mediatore: { categoria: "praticante_abilitato" } },
};

type Riga = { organismo_id: string; versione: string; ir: object; impronta_ir: string | null };
const righe = (s: Avviato) =>
  inTenant(s.dipendenze.database, null, (tx) => s.dipendenze.database.rows<Riga>(tx, sql`select organismo_id, versione, ir, impronta_ir from regolamento_versioni where stato = 'pubblicata' order by 1, 2`));

describe(`versioni pubblicate salvate compilate (${process.env.DATABASE_URL ? "Postgres" : "PGlite su disco"})`, () => {
  it("la pubblicazione salva IR e impronta; un riavvio non compila nulla e non prepara nulla finché non serve", async () => {
    const dir = await mkdtemp(join(tmpdir(), "registro-avvio-"));
    pulizie.push(() => rm(dir, { recursive: true, force: true }));
    const db = await databaseDiProva(process.env.DATABASE_URL ? {} : { dataDir: dir });
    pulizie.push(() => db.elimina());

    const primo = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
    const api = client(primo.app);
    const R = await api.chiave("alfa", "responsabile");
    expect((await api.req("POST", "/v1/organismi/alfa/regolamenti", { chiave: R, corpo: { sorgente: readFileSync(FIXTURE("alfa-2.regolamento"), "utf8") } })).status).toBe(201);
    const pub = await api.req("POST", "/v1/organismi/alfa/regolamenti/2/pubblica", { chiave: R, corpo: { retroattiva: true } });
    expect(pub.status, pub.testo).toBe(200);
    // Seeded and published versions: each stored with its IR and the IR's hash.
    const salvate = await righe(primo);
    expect(salvate.map((r) => `${r.organismo_id}@${r.versione}`)).toEqual(expect.arrayContaining(["alfa@1", "alfa@2", "beta@1"]));
    for (const r of salvate) expect(r.impronta_ir, `${r.organismo_id}@${r.versione}`).toBe(improntaIr(r.ir));
    // A version stored before the hash existed (as after the migration): no hash yet.
    const alfa1 = salvate.find((r) => r.organismo_id === "alfa" && r.versione === "1")!;
    const vecchia = { ...alfa1.ir, id: "vecchio", regole: [] };
    await inTenant(primo.dipendenze.database, "vecchio", async (tx) => {
      await tx.execute(sql`insert into organismi (organismo_id, nome) values ('vecchio', 'Vecchio')`);
      await tx.execute(sql`insert into regolamento_versioni (organismo_id, versione, stato, in_vigore_dal, sorgente, ir, pubblicato_il)
        values ('vecchio', '1', 'pubblicata', ${alfa1.ir && (alfa1.ir as { inVigoreDal: string }).inVigoreDal}, '', ${JSON.stringify(vecchia)}::jsonb, now())`);
    });
    await primo.chiudi();

    // The second start: the same database and seeds, every compiler entry point watched.
    const m = await motore();
    const compila = vi.spyOn(m, "compile"), controlla = vi.spyOn(m, "check"), carica = vi.spyOn(m, "loadAll");
    const secondo = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
    try {
      expect(compila).not.toHaveBeenCalled();
      expect(controlla).not.toHaveBeenCalled();
      expect(carica).not.toHaveBeenCalled();
      const registro = secondo.dipendenze.registro;
      const cat = registro.catalog;
      expect(cat.intestazioni("alfa").map((v) => v.versione)).toEqual(["1", "2"]);
      expect(cat.preparazioni).toBe(0);
      // The start read the index alone: one IR, the old version's, for its hash; none of the others.
      expect(registro.letture).toBe(1);
      expect(cat.caricata("alfa", "1") || cat.caricata("alfa", "2") || cat.caricata("beta", "1")).toBe(false);
      // The old version got its hash, once (the immutability trigger lets only that write through).
      const dopo = await righe(secondo);
      expect(dopo.find((r) => r.organismo_id === "vecchio")!.impronta_ir).toBe(improntaIr(vecchia));
      await expect(inTenant(secondo.dipendenze.database, "vecchio", (tx) => tx.execute(sql`update regolamento_versioni set impronta_ir = 'x' where organismo_id = 'vecchio'`))).rejects.toThrow();
      await expect(inTenant(secondo.dipendenze.database, "vecchio", (tx) => tx.execute(sql`update regolamento_versioni set impronta_ir = null, sorgente = 'y' where organismo_id = 'vecchio'`))).rejects.toThrow();

      // A question prepares the version it needs, once.
      const api2 = client(secondo.app);
      const r = await api2.req("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
      expect(r.status, r.testo).toBe(200);
      expect(r.json).toMatchObject({ esito: "negato", regolamento: { versione: "2" } });
      expect(cat.preparazioni).toBe(1);
      // Its IRs were read then (alfa's versions and the baselines), once.
      const lette = registro.letture;
      expect(lette).toBeGreaterThan(1);
      expect(cat.caricata("alfa", "2")).toBe(true);
      await api2.req("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
      expect(cat.preparazioni).toBe(1);
      expect(registro.letture).toBe(lette);
      expect(compila).not.toHaveBeenCalled();
    } finally {
      compila.mockRestore(); controlla.mockRestore(); carica.mockRestore();
      await secondo.chiudi();
    }
  }, 180_000);
});

describe("budget delle versioni preparate", () => {
  it("REGOLAMENTO_MEMORIA_PREPARATE_MB arriva al catalogo", async () => {
    const { limitiDaAmbiente } = await import("../limiti/configurazione.ts");
    const l = limitiDaAmbiente({ REGOLAMENTO_MEMORIA_PREPARATE_MB: "3" });
    expect(l.memoriaPreparate).toBe(3 * 1024 * 1024);
    expect(limitiDaAmbiente({}).memoriaPreparate).toBeUndefined();
    expect(() => limitiDaAmbiente({ REGOLAMENTO_MEMORIA_PREPARATE_MB: "molti" })).toThrow(/numero/);
    const m = await motore();
    expect(m.newCatalog({ budgetPreparate: l.memoriaPreparate! }).memoria.budget).toBe(3 * 1024 * 1024);
  });
});

describe("IR lette al primo uso, in una cache limitata", () => {
  it("con un budget che non tiene alcuna IR, un'IR espulsa è letta di nuovo e la risposta è la stessa", async () => {
    const db = await databaseDiProva();
    pulizie.push(() => db.elimina());
    // Prepared versions kept for none, IRs for about one: every question reads and prepares again.
    const s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false, limiti: { ...LIMITI_DI_PROVA, memoriaPreparate: 1, memoriaIr: 1 } });
    try {
      const registro = s.dipendenze.registro;
      const api = client(s.app);
      expect(registro.letture).toBe(0);
      const prima = await api.req("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
      expect(prima.status, prima.testo).toBe(200);
      const lette = registro.letture;
      expect(lette).toBeGreaterThan(0);
      // Nothing fits the budget: the IRs were used while held, then dropped.
      expect(registro.catalog.caricata("alfa", "1")).toBe(false);
      const beta = await api.req("POST", "/v1/organismi/beta/evaluate", { corpo: domanda });
      expect(beta.status, beta.testo).toBe(200);
      const dopo = await api.req("POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
      expect(registro.letture).toBeGreaterThan(lette);
      expect(dopo.json).toEqual(prima.json);
    } finally {
      await s.chiudi();
    }
  }, 120_000);

  it("REGOLAMENTO_MEMORIA_IR_MB arriva al registro", async () => {
    const { limitiDaAmbiente } = await import("../limiti/configurazione.ts");
    expect(limitiDaAmbiente({ REGOLAMENTO_MEMORIA_IR_MB: "5" }).memoriaIr).toBe(5 * 1024 * 1024);
    expect(limitiDaAmbiente({}).memoriaIr).toBeUndefined();
    expect(() => limitiDaAmbiente({ REGOLAMENTO_MEMORIA_IR_MB: "tante" })).toThrow(/numero/);
  });
});

describe("IR lette dal database: ciò che è uguale fra organismi è tenuto una volta", () => {
  it("due organismi con lo stesso testo: le loro IR condividono articoli e testi, e nessuno può cambiarle", async () => {
    const dir = await mkdtemp(join(tmpdir(), "registro-gemello-"));
    pulizie.push(() => rm(dir, { recursive: true, force: true }));
    const db = await databaseDiProva(process.env.DATABASE_URL ? {} : { dataDir: dir });
    pulizie.push(() => db.elimina());
    const primo = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
    const alfa1 = (await righe(primo)).find((r) => r.organismo_id === "alfa" && r.versione === "1")!;
    // A twin: alfa's stored IR under another id (as a register's variants are: the same templates).
    const gemello = JSON.parse(JSON.stringify(alfa1.ir).replaceAll('"alfa"', '"gemello"')) as { struttura?: unknown; regole: unknown[] };
    await inTenant(primo.dipendenze.database, "gemello", async (tx) => {
      await tx.execute(sql`insert into organismi (organismo_id, nome) values ('gemello', 'Gemello')`);
      await tx.execute(sql`insert into regolamento_versioni (organismo_id, versione, stato, in_vigore_dal, sorgente, ir, impronta_ir, pubblicato_il)
        values ('gemello', '1', 'pubblicata', ${(alfa1.ir as { inVigoreDal: string }).inVigoreDal}, '', ${JSON.stringify(gemello)}::jsonb, ${improntaIr(gemello)}, now())`);
    });
    await primo.chiudi();

    const s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
    try {
      const registro = s.dipendenze.registro;
      const [a, g] = await registro.usa(["alfa", "gemello"], () => [registro.versione("alfa", "1")!, registro.versione("gemello", "1")!]);
      // alfa's from its seed file at the start (compiled), gemello's read from the database.
      expect(registro.letture).toBeGreaterThanOrEqual(1);
      expect(a.id).toBe("alfa");
      expect(g.id).toBe("gemello");
      // Read as two JSON texts, held as one: the text's structure and, within each rule (its
      // `fonte` names the organismo), every equal piece (conditions, outcomes, tables) are the same objects.
      expect(g.struttura).toBeDefined();
      expect(g.struttura).toBe(a.struttura);
      let pezzi = 0;
      a.regole.forEach((r, i) => {
        const altra = g.regole[i] as unknown as Record<string, unknown>;
        for (const [k, v] of Object.entries(r)) {
          if (typeof v !== "object" || v === null || JSON.stringify(v) !== JSON.stringify(altra[k])) continue;
          expect(altra[k], `${r.nome}.${k}`).toBe(v);
          pezzi++;
        }
      });
      expect(pezzi).toBeGreaterThan(a.regole.length / 2);
      // Shared, so frozen: a change made for one organismo would reach the other.
      expect(Object.isFrozen(a) && Object.isFrozen(a.regole) && Object.isFrozen(a.regole[0])).toBe(true);
      expect(() => { (a.regole as unknown[]).push({}); }).toThrow(TypeError);
      // Each answers as itself.
      const api = client(s.app);
      for (const id of ["alfa", "gemello"]) {
        const r = await api.req("POST", `/v1/organismi/${id}/evaluate`, { corpo: domanda });
        expect(r.status, r.testo).toBe(200);
        expect(r.json).toMatchObject({ regolamento: { id } });
      }
    } finally {
      await s.chiudi();
    }
  }, 120_000);
});
