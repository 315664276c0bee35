// Opens the database on one of two drivers behind one type: postgres.js when a URL is given,
// embedded PGlite otherwise (a data directory, or memory for tests). The driver is loaded by
// dynamic import so a deployment on Postgres never loads PGlite's WASM, and vice versa.
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { fileURLToPath } from "node:url";
import { PgDialect } from "drizzle-orm/pg-core";
import { sql as q } from "drizzle-orm";
import { schema } from "./schema.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database: anything queries run on. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  readonly db: Db;
  readonly driver: "postgres" | "pglite";
  /** `db.execute()` returns an array on postgres.js and `{ rows }` on PGlite: this is the one wrapper. */
  rows<T>(on: Db | Tx, query: SQL): Promise<T[]>;
  /**
   * A tenant transaction in two round trips: BEGIN, the tenant setup and `letture` leave in one
   * write; `decidi` sees their rows and returns the `scritture`, which leave with COMMIT in a second
   * write. Anything failing rolls the whole transaction back and rejects.
   */
  dueTempi<T>(organismo: string, letture: SQL[], decidi: (righe: unknown[][]) => Promise<Piano<T>> | Piano<T>): Promise<T>;
  /**
   * A tenant transaction in one round trip: BEGIN, the tenant setup, one statement and COMMIT leave
   * in one write. For a statement that is safe to commit whatever it finds (it guards its own
   * writes); if it fails, the transaction is rolled back and this rejects.
   */
  unTempo<T>(organismo: string, istruzione: SQL): Promise<T[]>;
  /** LISTEN on a channel; resolves once listening; returns the unsubscribe. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface Piano<T> {
  scritture: SQL[];
  valore: T;
}

/**
 * `url`: the owner's connection (migrations, on a connection of their own); `urlApp`: the server's
 * pool, as the login role `regolamenti_app` (default: `url` with that user and no password).
 */
export type Where = { url: string; urlApp?: string } | { dataDir: string } | { memory: true };

/** The login role the pool connects as on Postgres (created by migration 0002; owns nothing). */
export const RUOLO_APP = "regolamenti_app";

/** `url` with the app's login role as user (the password, if any, is not the owner's to share). */
export function urlApplicazione(url: string): string {
  const u = new URL(url);
  u.username = RUOLO_APP;
  u.password = "";
  return u.toString();
}

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function openDatabase(where: Where): Promise<Database> {
  if ("url" in where) return openPostgres(where.url, where.urlApp ?? urlApplicazione(where.url));
  return openPglite("dataDir" in where ? where.dataDir : undefined);
}

async function openPostgres(url: string, urlApp: string): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // Migrations as the owner, on connections closed before the server takes a request. Two servers
  // starting on one database: a session advisory lock, held on a reserved connection while the
  // migrator runs, makes them migrate in turn (the second finds nothing to do).
  const proprietario = postgres(url, { max: 2, onnotice: () => {} });
  try {
    const lock = await proprietario.reserve();
    try {
      await lock`select pg_advisory_lock(727272)`;
      await migrate(drizzle({ client: proprietario, schema }) as never, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(727272)`.catch(() => {});
      lock.release();
    }
  } finally {
    await proprietario.end({ timeout: 5 });
  }
  // The pool: a login role that owns nothing, so a transaction that forgot `SET ROLE` still meets
  // the tenant policies (it is a member of app_user) instead of an owner's view of every tenant.
  const client = postgres(urlApp, { max: Number(process.env.DB_POOL ?? 10), onnotice: () => {} });
  try {
    await client`select 1`;
  } catch (e) {
    await client.end({ timeout: 1 }).catch(() => {});
    const ruolo = new URL(urlApp).username;
    throw new Error(
      `Connessione come ${ruolo} non riuscita (${(e as Error).message}): il server usa un ruolo senza privilegi di proprietario. ` +
        `Dai una password al ruolo (ALTER ROLE ${ruolo} PASSWORD '…') e indica DATABASE_APP_URL=postgres://${ruolo}:…@host/db.`,
      { cause: e },
    );
  }
  const db = drizzle({ client, schema }) as unknown as Db;
  const dialect = new PgDialect();
  const unsafe = (c: typeof client, query: SQL) => {
    const { sql: testo, params } = dialect.sqlToQuery(query);
    return c.unsafe(testo, params as never[]);
  };
  return {
    db,
    driver: "postgres",
    rows: async <T>(on: Db | Tx, query: SQL) => rowsOf<T>(await on.execute(query)),
    async unTempo<T>(organismo: string, istruzione: SQL): Promise<T[]> {
      const c = await client.reserve();
      try {
        const esiti = await Promise.allSettled([
          c`begin`,
          c`select set_config('app.organismo', ${organismo}, true), set_config('role', 'app_user', true)`,
          unsafe(c, istruzione),
          c`commit`,
        ]);
        const fallito = esiti.find((x) => x.status === "rejected");
        if (fallito) {
          await c`rollback`.catch(() => {});
          throw fallito.reason;
        }
        // After a failed statement Postgres answers COMMIT with ROLLBACK: never take that for success.
        const commit = (esiti[3] as PromiseFulfilledResult<{ command?: string }>).value;
        if (commit.command !== "COMMIT") throw new Error(`transazione non confermata (${commit.command})`);
        return [...(esiti[2] as PromiseFulfilledResult<Iterable<T>>).value];
      } finally {
        c.release();
      }
    },
    async dueTempi<T>(organismo: string, letture: SQL[], decidi: (righe: unknown[][]) => Promise<Piano<T>> | Piano<T>): Promise<T> {
      const c = await client.reserve();
      const annulla = () => c`rollback`.catch(() => {});
      try {
        // Issued in one tick: postgres.js sends them in one write, and the server runs them in order.
        const primo = [c`begin`, c`select set_config('app.organismo', ${organismo}, true), set_config('role', 'app_user', true)`, ...letture.map((l) => unsafe(c, l))];
        const letti = await Promise.allSettled(primo);
        const errore = letti.find((x) => x.status === "rejected");
        if (errore) {
          await annulla();
          throw errore.reason;
        }
        let piano: Piano<T>;
        try {
          piano = await decidi(letti.slice(2).map((x) => [...((x as PromiseFulfilledResult<Iterable<unknown>>).value)]));
        } catch (e) {
          await annulla();
          throw e;
        }
        // The writes and COMMIT in one write. If a write fails the transaction is aborted and COMMIT
        // only rolls it back: the write's own rejection is what tells us.
        const scritti = await Promise.allSettled([...piano.scritture.map((w) => unsafe(c, w)), c`commit`]);
        const fallito = scritti.find((x) => x.status === "rejected");
        if (fallito) {
          await annulla();
          throw fallito.reason;
        }
        const commit = scritti[scritti.length - 1] as PromiseFulfilledResult<{ command?: string }>;
        if (commit.value.command !== "COMMIT") throw new Error(`transazione non confermata (${commit.value.command})`);
        return piano.valore;
      } finally {
        c.release();
      }
    },
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, (p) => onPayload(p));
      return () => sub.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzle({ client, schema }) as unknown as Db;
  await migrate(db as never, { migrationsFolder });
  const rows = async <T>(on: Db | Tx, query: SQL) => rowsOf<T>(await on.execute(query));
  return {
    db,
    driver: "pglite",
    rows,
    // In-process: no round trips to save; the same contracts on ordinary transactions.
    unTempo: <T>(organismo: string, istruzione: SQL) =>
      db.transaction(async (tx) => {
        await tx.execute(q`select set_config('app.organismo', ${organismo}, true), set_config('role', 'app_user', true)`);
        return rows<T>(tx, istruzione);
      }),
    dueTempi: <T>(organismo: string, letture: SQL[], decidi: (righe: unknown[][]) => Promise<Piano<T>> | Piano<T>) =>
      db.transaction(async (tx) => {
        await tx.execute(q`select set_config('app.organismo', ${organismo}, true), set_config('role', 'app_user', true)`);
        const righe: unknown[][] = [];
        for (const l of letture) righe.push(await rows(tx, l));
        const piano = await decidi(righe);
        for (const w of piano.scritture) await tx.execute(w);
        return piano.valore;
      }),
    async listen(channel, onPayload) {
      return client.listen(channel, onPayload);
    },
    close: () => client.close(),
  };
}
