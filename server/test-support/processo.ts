// Runs the server as `npm start` does (the bundle of server/compila.ts, with the start script's
// environment) as a child process on a free port (PORT=0): its own process, its own database or data
// dir. We keep its PID and stop only it.
import { spawn, type ChildProcess } from "node:child_process";
import { avvioDiNpmStart, compila } from "../compila.ts";
import { RADICE } from "../../percorsi.ts";

export { RADICE };

/** Bundled once per test process (a rebuild replaces files whole: see compila.ts). */
let bundle: Promise<unknown> | undefined;

export interface Processo {
  url: string;
  pid: number;
  uscita: Promise<number | null>;
  uccidi(segnale?: NodeJS.Signals): Promise<void>;
  output(): string;
}

/** `nodeArgs`: before the script, e.g. `--max-old-space-size=160`. */
export async function avviaProcesso(env: Record<string, string>, timeoutMs = 90_000, nodeArgs: string[] = []): Promise<Processo> {
  await (bundle ??= compila());
  const avvio = avvioDiNpmStart();
  const figlio: ChildProcess = spawn(process.execPath, [...nodeArgs, avvio.file], {
    cwd: RADICE,
    env: { ...process.env, ...avvio.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let testo = "";
  const uscita = new Promise<number | null>((ok) => figlio.once("exit", (code) => ok(code)));
  return new Promise((ok, ko) => {
    const timer = setTimeout(() => {
      figlio.kill("SIGKILL");
      ko(new Error(`il server non è partito in ${timeoutMs} ms:\n${testo}`));
    }, timeoutMs);
    const leggi = (b: Buffer) => {
      testo += b.toString();
      const m = /in ascolto su (http:\/\/\S+)/.exec(testo);
      if (m && figlio.pid) {
        clearTimeout(timer);
        ok({
          url: m[1]!,
          pid: figlio.pid,
          uscita,
          output: () => testo,
          async uccidi(segnale = "SIGKILL") {
            if (figlio.exitCode === null && figlio.signalCode === null) figlio.kill(segnale);
            await uscita;
          },
        });
      }
    };
    figlio.stdout!.on("data", leggi);
    figlio.stderr!.on("data", (b: Buffer) => (testo += b.toString()));
    void uscita.then((code) => {
      clearTimeout(timer);
      ko(new Error(`il server è uscito (${code}) prima di partire:\n${testo}`));
    });
  });
}

/** fetch → { status, json } against a running process. */
export async function chiama(base: string, metodo: string, percorso: string, o: { chiave?: string; corpo?: unknown; testo?: string } = {}) {
  const headers: Record<string, string> = {};
  if (o.chiave) headers.authorization = `Bearer ${o.chiave}`;
  if (o.corpo !== undefined) headers["content-type"] = "application/json";
  if (o.testo !== undefined) headers["content-type"] = "text/plain";
  const r = await fetch(base + percorso, { method: metodo, headers, ...(o.corpo !== undefined ? { body: JSON.stringify(o.corpo) } : o.testo !== undefined ? { body: o.testo } : {}) });
  const t = await r.text();
  let json: unknown;
  try {
    json = JSON.parse(t);
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: r.status, json: json as any, testo: t };
}
