// The real server for browser tests and the editor benchmark: `node --import tsx server/main.ts` on a
// free loopback port with a fresh PGlite directory and a known administrator key. Stopped by PID.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

export const RADICE = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerAvviato {
  url: string;
  chiaveAdmin: string;
  log(): string;
  ferma(): Promise<void>;
}

function portaLibera(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.unref();
    s.on("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? ok(a.port) : ko(new Error("nessuna porta"))));
    });
  });
}

export async function avviaServer(): Promise<ServerAvviato> {
  const porta = await portaLibera();
  const dati = mkdtempSync(join(tmpdir(), "regolamenti-browser-"));
  const chiaveAdmin = `admin-${randomBytes(16).toString("hex")}`;
  let uscita = "";
  const figlio: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: RADICE,
    env: { ...process.env, PORT: String(porta), HOST: "127.0.0.1", REGOLAMENTO_DATA: dati, REGOLAMENTO_ADMIN_KEY: chiaveAdmin, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  figlio.stdout?.on("data", (b) => (uscita += String(b)));
  figlio.stderr?.on("data", (b) => (uscita += String(b)));
  const url = `http://127.0.0.1:${porta}`;
  const ferma = async () => {
    if (figlio.exitCode === null && figlio.pid) {
      const chiuso = new Promise((ok) => figlio.once("exit", ok));
      figlio.kill("SIGTERM");
      await Promise.race([chiuso, new Promise((ok) => setTimeout(ok, 5000))]);
      if (figlio.exitCode === null) figlio.kill("SIGKILL");
    }
    rmSync(dati, { recursive: true, force: true });
  };
  const limite = Date.now() + 90_000;
  while (Date.now() < limite) {
    if (figlio.exitCode !== null) break;
    try {
      const r = await fetch(`${url}/v1/organismi`);
      if (r.ok) return { url, chiaveAdmin, log: () => uscita, ferma };
    } catch {
      /* not listening yet */
    }
    await new Promise((ok) => setTimeout(ok, 300));
  }
  await ferma();
  throw new Error(`il server non è partito:\n${uscita}`);
}
