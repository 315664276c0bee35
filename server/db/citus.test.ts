// The Citus plan in docs/scalabilita.md ("Citus: il DDL esatto") against the schema the migrations
// really build: every table is in the plan, and the plan keeps Citus's documented rules — the
// distribution column in every primary key and unique constraint or index, foreign keys only between
// co-located distributed tables on the distribution column (or towards a reference table), the key's
// destination distributed first, triggers dropped before distributing and put back on the shards.
// No Citus here: the rules are checked on the catalogue, so a new table or key that breaks them fails.
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseDiProva, type DatabaseDiProva } from "../test-support/ambiente.ts";
import { openDatabase, type Database } from "./open.ts";

const DOC = new URL("../../docs/scalabilita.md", import.meta.url);

interface Piano {
  riferimento: string[];
  distribuite: Map<string, { colonna: string; coloca: string }>;
  /** Table names in the order the block distributes them. */
  ordine: string[];
  triggerTolti: Set<string>;
  triggerSugliShard: Set<string>;
  svuotate: string[];
}

function leggiPiano(testo: string): Piano {
  const blocco = /```sql\n-- citus: distribuzione[^\n]*\n([\s\S]*?)```/.exec(testo)?.[1];
  if (!blocco) throw new Error("docs/scalabilita.md: manca il blocco ```sql che inizia con «-- citus: distribuzione»");
  const piano: Piano = { riferimento: [], distribuite: new Map(), ordine: [], triggerTolti: new Set(), triggerSugliShard: new Set(), svuotate: [] };
  for (const m of blocco.matchAll(/create_reference_table\('(\w+)'\)/g)) {
    piano.riferimento.push(m[1]!);
    piano.ordine.push(m[1]!);
  }
  for (const m of blocco.matchAll(/create_distributed_table\('(\w+)', '(\w+)'(?:, colocate_with => '(\w+)')?\)/g)) {
    piano.distribuite.set(m[1]!, { colonna: m[2]!, coloca: m[3] ?? "default" });
    piano.ordine.push(m[1]!);
  }
  piano.ordine.sort((a, b) => posizione(blocco, a) - posizione(blocco, b));
  for (const m of blocco.matchAll(/DROP TRIGGER (\w+) ON (\w+)/g)) piano.triggerTolti.add(`${m[2]}.${m[1]}`);
  for (const m of blocco.matchAll(/run_command_on_shards\('(\w+)', \$cmd\$\s*CREATE TRIGGER (\w+)/g)) piano.triggerSugliShard.add(`${m[1]}.${m[2]}`);
  const svuota = /truncate_local_data_after_distributing_table\(t\) FROM unnest\(ARRAY\[([^\]]*)\]\)/.exec(blocco)?.[1] ?? "";
  piano.svuotate = [...svuota.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
  return piano;
}
const posizione = (blocco: string, tabella: string) => blocco.search(new RegExp(`create_(?:reference|distributed)_table\\('${tabella}'`));

let db: DatabaseDiProva;
let database: Database;
beforeAll(async () => {
  db = await databaseDiProva();
  database = await openDatabase(db.dove);
});
afterAll(async () => {
  await database.close();
  await db.elimina();
});

const catalogo = <T>(query: ReturnType<typeof sql>) => database.rows<T>(database.db, query);

describe("il piano Citus di docs/scalabilita.md e lo schema vero", () => {
  const piano = leggiPiano(readFileSync(DOC, "utf8"));

  it("ogni tabella dello schema è nel piano, una volta, e solo quelle", async () => {
    const tabelle = (await catalogo<{ t: string }>(sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`)).map((r) => r.t);
    const nelPiano = [...piano.riferimento, ...piano.distribuite.keys()];
    expect([...nelPiano].sort()).toEqual(tabelle);
    expect(new Set(nelPiano).size).toBe(nelPiano.length);
    // The coordinator's local copies go for every distributed table (and only those).
    expect([...piano.svuotate].sort()).toEqual([...piano.distribuite.keys()].sort());
  });

  it("distribuite su organismo_id, tutte nel gruppo di procedimenti, che è distribuita prima", () => {
    for (const [t, d] of piano.distribuite) {
      expect(d.colonna, t).toBe("organismo_id");
      if (t === "procedimenti") expect(d.coloca).toBe("none");
      else {
        expect(d.coloca, t).toBe("procedimenti");
        expect(piano.ordine.indexOf("procedimenti"), t).toBeLessThan(piano.ordine.indexOf(t));
      }
    }
  });

  it("ogni chiave primaria, vincolo unico e indice unico di una tabella distribuita contiene la colonna di distribuzione", async () => {
    const unici = await catalogo<{ tabella: string; indice: string; colonne: string[] }>(sql`
      select c.relname as tabella, i.relname as indice,
             array(select a.attname::text from unnest(x.indkey) k join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k) as colonne
        from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and x.indisunique`);
    expect(unici.length).toBeGreaterThan(15);
    const senza = unici.filter((u) => piano.distribuite.has(u.tabella) && !u.colonne.includes(piano.distribuite.get(u.tabella)!.colonna));
    expect(senza).toEqual([]);
  });

  it("chiavi esterne: tra distribuite co-locate sulla colonna di distribuzione, o verso una reference table; la destinazione distribuita prima", async () => {
    const fk = await catalogo<{ da: string; a: string; nome: string; colonne_da: string[]; colonne_a: string[] }>(sql`
      select c.relname as da, r.relname as a, k.conname as nome,
             array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as colonne_da,
             array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as colonne_a
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
       where k.contype = 'f' and n.nspname = 'public'`);
    expect(fk.length).toBeGreaterThanOrEqual(9);
    for (const k of fk) {
      const da = piano.distribuite.get(k.da);
      const a = piano.distribuite.get(k.a);
      expect(piano.ordine.indexOf(k.a), `${k.nome}: ${k.a} va creata prima di ${k.da}`).toBeLessThan(piano.ordine.indexOf(k.da));
      if (!a) {
        // Towards a reference table: allowed from anything but a reference table to a distributed one.
        expect(piano.riferimento, k.nome).toContain(k.a);
        continue;
      }
      expect(da, `${k.nome}: da una reference table a una distribuita`).toBeDefined();
      // Same distribution column on both sides, at the same place in the key.
      const i = k.colonne_da.indexOf(da!.colonna);
      expect(i, `${k.nome} senza ${da!.colonna}`).toBeGreaterThanOrEqual(0);
      expect(k.colonne_a[i], k.nome).toBe(a.colonna);
    }
  });

  it("i trigger sono tolti prima di distribuire e rimessi sugli shard", async () => {
    const trigger = await catalogo<{ t: string }>(sql`
      select c.relname || '.' || g.tgname as t from pg_trigger g join pg_class c on c.oid = g.tgrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not g.tgisinternal order by 1`);
    expect(trigger.map((r) => r.t)).toEqual(["regolamento_versioni.regolamento_versioni_immutabili"]);
    for (const { t } of trigger) {
      expect(piano.triggerTolti, t).toContain(t);
      expect(piano.triggerSugliShard, t).toContain(t);
    }
  });
});
