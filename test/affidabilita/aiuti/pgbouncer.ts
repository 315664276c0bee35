// PgBouncer as a child process of the test, like the server: Debian's binary, a configuration in a
// temporary folder, a free port on 127.0.0.1, transaction pooling. Stopped by its PID.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BINARIO_PGBOUNCER = process.env.PGBOUNCER_BIN ?? "/usr/sbin/pgbouncer";
export const pgbouncerPresente = existsSync(BINARIO_PGBOUNCER);

export interface PgBouncer {
  porta: number;
  pid: number;
  /** `postgres://utente@127.0.0.1:<porta>/<database>?prepare=false` */
  url(utente: string, database: string): string;
  output(): string;
  ferma(): Promise<void>;
}

function portaLibera(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const porta = (s.address() as { port: number }).port;
      s.close(() => ok(porta));
    });
  });
}

/**
 * `postgres`: the direct server (host, port) behind it; `utenti`: the names it lets in (trust: the
 * userlist still names them); `poolSize`: server connections per user and database — small, so the
 * servers' many client connections really share them transaction by transaction.
 */
export async function avviaPgBouncer(o: { postgres: { host: string; port: number }; utenti: string[]; poolSize: number }): Promise<PgBouncer> {
  const cartella = await mkdtemp(join(tmpdir(), "pgbouncer-"));
  const porta = await portaLibera();
  const ini = join(cartella, "pgbouncer.ini");
  await writeFile(join(cartella, "userlist.txt"), [...o.utenti, "pgbouncer"].map((u) => `"${u}" ""`).join("\n") + "\n");
  await writeFile(
    ini,
    [
      "[databases]",
      `* = host=${o.postgres.host} port=${o.postgres.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${porta}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${join(cartella, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${o.poolSize}`,
      "min_pool_size = 0",
      "reserve_pool_size = 0",
      "max_client_conn = 500",
      "server_reset_query =",
      // The admin console (SHOW STATS): the test reads how many transactions went through.
      "admin_users = pgbouncer",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root: then it drops to the `postgres` user (-u), which must read the folder.
  const comeRoot = process.getuid?.() === 0;
  if (comeRoot) {
    await chmod(cartella, 0o755);
    await chmod(ini, 0o644);
    await chmod(join(cartella, "userlist.txt"), 0o644);
  }
  const figlio = spawn(BINARIO_PGBOUNCER, [...(comeRoot ? ["-u", "postgres"] : []), ini], { stdio: ["ignore", "pipe", "pipe"] });
  let testo = "";
  figlio.stdout!.on("data", (b: Buffer) => (testo += b.toString()));
  figlio.stderr!.on("data", (b: Buffer) => (testo += b.toString()));
  const uscita = new Promise<number | null>((ok) => figlio.once("exit", (c) => ok(c)));
  const ferma = async () => {
    if (figlio.exitCode === null && figlio.signalCode === null) figlio.kill("SIGTERM");
    await uscita;
    await rm(cartella, { recursive: true, force: true });
  };
  // Ready when it accepts a connection.
  const { default: postgres } = await import("postgres");
  const limite = Date.now() + 30_000;
  for (;;) {
    if (figlio.exitCode !== null) throw new Error(`pgbouncer è uscito (${figlio.exitCode}):\n${testo}`);
    const prova = postgres({ host: "127.0.0.1", port: porta, user: "pgbouncer", database: "pgbouncer", max: 1, fetch_types: false, connect_timeout: 2, onnotice: () => {} });
    try {
      await prova.unsafe("show version", [], { simple: true } as never);
      await prova.end();
      break;
    } catch (e) {
      await prova.end({ timeout: 1 }).catch(() => {});
      if (Date.now() > limite) {
        await ferma();
        throw new Error(`pgbouncer non risponde su ${porta}: ${(e as Error).message}\n${testo}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    porta,
    pid: figlio.pid!,
    url: (utente, database) => `postgres://${utente}@127.0.0.1:${porta}/${database}?prepare=false`,
    output: () => testo,
    ferma,
  };
}
