// Issue 12, item 10: on Postgres the server's pool connects as a login role that owns nothing and
// is a member of app_user, so a query that forgot `SET ROLE` and the tenant setting sees no tenant's
// rows (before: a superuser connection, whose forgotten SET ROLE saw every organismo's data).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUOLO_APP, urlApplicazione } from "../../server/db/open.ts";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaServerReale, suPostgres, type ServerReale } from "./server-reale.ts";

// PGlite is one in-process connection as its single (super)user: there is no second login to make,
// and the same policies apply through SET ROLE (server/api.test.ts). The attack needs a real cluster.
describe.skipIf(!suPostgres)("RLS senza SET ROLE (Postgres)", () => {
  let s: ServerReale;
  beforeAll(async () => {
    s = await avviaServerReale();
    const segreteria = await s.chiave({ organismo: "alfa", ruolo: "segreteria" });
    const p = await s.chiama("POST", "/v1/organismi/alfa/procedimenti", { chiave: segreteria, corpo: procedimentoDiProva() });
    expect(p.status, p.testo).toBe(201);
    await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "A", procedimento: p.json.id });
    const responsabile = await s.chiave({ organismo: "alfa", ruolo: "responsabile" });
    const bozza = await s.chiama("POST", "/v1/organismi/alfa/regolamenti", {
      chiave: responsabile,
      testo: 'regolamento alfa "Organismo Alfa (prova)"\n  versione 9 in vigore dal 2030-01-01\n',
    });
    expect(bozza.status, bozza.testo).toBe(201);
  });
  afterAll(async () => {
    await s?.ferma();
  });

  it("il server è connesso come un ruolo di login senza privilegi né oggetti", async () => {
    const { default: postgres } = await import("postgres");
    const proprietario = postgres(s.db.url!, { max: 1, onnotice: () => {} });
    try {
      const connessi = await proprietario<{ usename: string }[]>`
        select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and usename is not null`;
      expect(connessi.map((r) => r.usename)).toEqual([RUOLO_APP]);
      const [ruolo] = await proprietario<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean; possiede: number }[]>`
        select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
               (select count(*) from pg_class where relowner = r.oid)::int as possiede
        from pg_roles r where rolname = ${RUOLO_APP}`;
      expect(ruolo).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, possiede: 0 });
    } finally {
      await proprietario.end();
    }
  });

  it("connesso come quel ruolo, senza SET ROLE né organismo, non vede nessuna riga di nessun organismo", async () => {
    const { default: postgres } = await import("postgres");
    const app = postgres(urlApplicazione(s.db.url!), { max: 1, onnotice: () => {} });
    try {
      const [chi] = await app<{ utente: string }[]>`select current_user as utente`;
      expect(chi!.utente).toBe(RUOLO_APP);
      for (const tabella of ["procedimenti", "eventi", "chiavi", "chiavi_procedimenti", "idempotenza"]) {
        const [r] = await app.unsafe<{ n: number }[]>(`select count(*)::int as n from ${tabella}`);
        expect(r!.n, tabella).toBe(0);
      }
      // Drafts are the organismo's own business; published versions are public law.
      const [bozze] = await app<{ n: number }[]>`select count(*)::int as n from regolamento_versioni where stato = 'bozza'`;
      expect(bozze!.n).toBe(0);
      // It cannot write history nor change DDL either.
      await expect(app`update eventi set seq = seq`).rejects.toThrow(/permission denied/);
      await expect(app`create table intrusa (x int)`).rejects.toThrow(/permission denied/);
      // And the owner does see the rows: the count above is the policies', not an empty database.
      const proprietario = postgres(s.db.url!, { max: 1, onnotice: () => {} });
      const [tutte] = await proprietario<{ n: number }[]>`select count(*)::int as n from procedimenti`;
      await proprietario.end();
      expect(tutte!.n).toBeGreaterThan(0);
    } finally {
      await app.end();
    }
  });
});
