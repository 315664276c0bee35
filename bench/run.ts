// `npm run bench [-- --json] [-- --solo compile,engine]`: each part measures one concern and returns
// its figures; this file only runs them and prints one report (or one JSON object).
//
// Each part runs in a Node process of its own (this file again, with `--parte`): one part's heap and
// the JIT's feedback from its code do not weigh on the next (after the compile part's 10k-line files,
// the engine's figures were ≈ 10% higher than in a process of their own).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import os from "node:os";

const PARTI = ["compile", "engine", "http", "editor", "sdk", "clienti", "webhook", "conformita", "diffcasi", "registro"] as const;
/** Parts run only when named with --solo: `scala` fills a database with a million procedures (minutes, gigabytes). */
const SU_RICHIESTA = ["scala"] as const;
const MARCA = "bench-json ";

const { values } = parseArgs({ options: { json: { type: "boolean" }, solo: { type: "string" }, parte: { type: "string" } } });

if (values.parte !== undefined) {
  // A child: one part, its figures as one JSON line on stdout after a marker (a part may print too).
  if (![...PARTI, ...SU_RICHIESTA].includes(values.parte as never)) throw new Error(`bench: parte sconosciuta ${values.parte}`);
  const { bench } = (await import(`./${values.parte}.ts`)) as { bench: () => Promise<Record<string, number | string>> };
  process.stdout.write(`\n${MARCA}${JSON.stringify(await bench())}\n`);
  process.exit(0);
}

const scelte = values.solo ? values.solo.split(",") : [...PARTI];
const risultato: Record<string, unknown> = {
  data: new Date().toISOString(),
  macchina: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};
for (const parte of scelte) {
  if (!values.json) process.stderr.write(`bench: ${parte}…\n`);
  // The same Node with the same loader flags (tsx), this file, one part.
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--parte", parte], {
    stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 2 ** 20, encoding: "utf8",
  });
  const riga = out.split("\n").find((r) => r.startsWith(MARCA));
  if (!riga) throw new Error(`bench: la parte ${parte} non ha dato le sue misure`);
  Object.assign(risultato, JSON.parse(riga.slice(MARCA.length)) as Record<string, unknown>);
}
if (values.json) console.log(JSON.stringify(risultato));
else for (const [k, v] of Object.entries(risultato)) console.log(`${k.padEnd(32)} ${v}`);
