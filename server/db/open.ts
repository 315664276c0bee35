// Opens the database on one of two drivers behind one type: postgres.js when a URL is given,
// embedded PGlite otherwise (a data directory, or memory for tests). The driver is loaded by
// dynamic import so a deployment on Postgres never loads PGlite's WASM, and vice versa.
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { randomBytes } from "node:crypto";
import { fsyncSync } from "node:fs";
import { join } from "node:path";
import { RADICE } from "../../percorsi.ts";
import { PgDialect } from "drizzle-orm/pg-core";
import { sql as q } from "drizzle-orm";
import { schema } from "./schema.ts";
import { ErroreAvvio } from "../avvio/blocco.ts";

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
 * `url`: the owner's connection (migrations, on a connection of their own: it must be a session,
 * they hold an advisory lock); `urlApp`: the server's pool, as the login role `regolamenti_app`
 * (default: `url` with that user and no password) — it may go through PgBouncer in transaction mode,
 * with `?prepare=false` (postgres.js reads it: no named prepared statements, which a transaction
 * pooler would send to another server connection); `urlListen`: the LISTEN connection, a session of
 * its own (default: `urlApp`) — behind a transaction pooler it must reach Postgres directly, since a
 * LISTEN through it lands on a server connection the pooler hands to someone else.
 * `durabilita` of a PGlite data dir: "piena" (default) flushes every commit to the disk (fsync), so an
 * acknowledged write survives a crash of the machine too; "veloce" (REGOLAMENTO_DURABILITA=veloce)
 * leaves it to the operating system: it survives the process's death, not a power cut.
 */
export type Where = { url: string; urlApp?: string; urlListen?: string } | { dataDir: string; durabilita?: Durabilita; memoriaMb?: number } | { memory: true };

/**
 * PGlite's shared_buffers, MB (REGOLAMENTO_PGLITE_MEMORIA_MB). Postgres's default, 128 MB, is
 * touched at start: a PGlite process held ≈ 300 MB of RSS before any query, ≈ 165 MB with 16 (the
 * pages PGlite reads are in the operating system's cache anyway; measured in bench/registro.ts).
 */
export const PGLITE_MEMORIA_MB = 16;
export type Durabilita = "piena" | "veloce";

/** The login role the pool connects as on Postgres (created by migration 0002; owns nothing). */
export const RUOLO_APP = "regolamenti_app";

/** `url` with the app's login role as user (the password, if any, is not the owner's to share). */
export function urlApplicazione(url: string): string {
  const u = new URL(url);
  u.username = RUOLO_APP;
  u.password = "";
  return u.toString();
}

export const migrationsFolder = join(RADICE, "server", "db", "migrations");

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function openDatabase(where: Where): Promise<Database> {
  if ("url" in where) {
    const urlApp = where.urlApp ?? urlApplicazione(where.url);
    return openPostgres(where.url, urlApp, where.urlListen ?? urlApp);
  }
  return openPglite("dataDir" in where ? where.dataDir : undefined, "dataDir" in where ? (where.durabilita ?? "piena") : "veloce", ("dataDir" in where ? where.memoriaMb : undefined) ?? PGLITE_MEMORIA_MB);
}

async function openPostgres(url: string, urlApp: string, urlListen: string): Promise<Database> {
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
  // LISTEN on a session of its own when told so (one connection: postgres.js multiplexes channels).
  const ascolto = urlListen === urlApp ? client : postgres(urlListen, { max: 1, onnotice: () => {} });
  try {
    await provaAscolto(ascolto, client, urlListen);
  } catch (e) {
    if (ascolto !== client) await ascolto.end({ timeout: 1 }).catch(() => {});
    await client.end({ timeout: 1 }).catch(() => {});
    throw e;
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
      const sub = await ascolto.listen(channel, (p) => onPayload(p));
      return () => sub.unlisten();
    },
    async close() {
      if (ascolto !== client) await ascolto.end({ timeout: 5 });
      await client.end({ timeout: 5 });
    },
  };
}

/** How long the start-up probe waits for its own notification. */
export const ATTESA_SONDA_MS = 5000;

/**
 * A LISTEN through a transaction pooler is accepted and then hears nothing: the servers would drift
 * apart in silence. So at start one notification, sent through the pool, must come back on the
 * listening connection, or the server refuses to start and says which URL to fix.
 */
async function provaAscolto(ascolto: import("postgres").Sql, pool: import("postgres").Sql, urlListen: string): Promise<void> {
  const canale = `sonda_${randomBytes(6).toString("hex")}`;
  let arrivata!: () => void;
  const arrivo = new Promise<boolean>((ok) => (arrivata = () => ok(true)));
  const sub = await ascolto.listen(canale, () => arrivata());
  let timer: NodeJS.Timeout | undefined;
  try {
    await pool`select pg_notify(${canale}, 'sonda')`;
    const ok = await Promise.race([arrivo, new Promise<boolean>((ok) => (timer = setTimeout(() => ok(false), ATTESA_SONDA_MS)))]);
    if (!ok) {
      const u = new URL(urlListen);
      throw new ErroreAvvio(
        `la connessione di ascolto (LISTEN, ${u.username}@${u.host}${u.pathname}) non riceve le notifiche: ` +
          `deve essere una sessione diretta su Postgres, non un pooler in modalità transazione (PgBouncer). ` +
          `Indica DATABASE_LISTEN_URL=postgres://${u.username}@<host di Postgres>${u.pathname} (docs/scalabilita.md).`,
      );
    }
  } finally {
    clearTimeout(timer);
    await sub.unlisten().catch(() => {});
  }
}

/**
 * PGlite starts Postgres with `-F` (fsync off), and its Node file system has no fsync: a commit
 * reaches the operating system's cache, not the disk. Durable: Postgres without `-F` (it syncs the
 * WAL at every commit) and the file system's fsync wired to the real one.
 */
export const fsyncReali = { n: 0 };
async function openPglite(dataDir: string | undefined, durabilita: Durabilita, memoriaMb: number): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const durevole = dataDir !== undefined && durabilita === "piena";
  const memoria = ["-c", `shared_buffers=${memoriaMb}MB`];
  const client = dataDir
    ? new PGlite(dataDir, durevole
      ? { relaxedDurability: false, startParams: [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "wal_sync_method=fsync", ...memoria] }
      : { startParams: [...PGlite.defaultStartParams, ...memoria] })
    : new PGlite({ startParams: [...PGlite.defaultStartParams, ...memoria] });
  await client.waitReady;
  if (durevole) collegaFsync(client);
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

/** NODEFS (emscripten) opens real files but has no `fsync` stream operation: give it the real one. */
function collegaFsync(client: unknown): void {
  const nodefs = (client as { Module?: { NODEFS?: { stream_ops?: Record<string, unknown> } } }).Module?.NODEFS;
  if (!nodefs?.stream_ops) throw new Error("PGlite: file system NODEFS non trovato (versione di PGlite cambiata?): durabilità non garantita");
  nodefs.stream_ops.fsync = (stream: { nfd?: number }) => {
    if (typeof stream.nfd === "number") {
      fsyncSync(stream.nfd);
      fsyncReali.n++;
    }
    return 0;
  };
}
