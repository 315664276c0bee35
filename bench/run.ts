// `npm run bench [-- --json] [-- --solo compile,engine]`: each part measures one concern and returns
// its figures; this file only runs them and prints one report (or one JSON object).
import { parseArgs } from "node:util";
import os from "node:os";

const PARTI = ["compile", "engine", "http", "editor"] as const;

const { values } = parseArgs({ options: { json: { type: "boolean" }, solo: { type: "string" } } });
const scelte = values.solo ? values.solo.split(",") : [...PARTI];
const risultato: Record<string, unknown> = {
  data: new Date().toISOString(),
  macchina: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};
for (const parte of scelte) {
  if (!values.json) process.stderr.write(`bench: ${parte}…\n`);
  const { bench } = (await import(`./${parte}.ts`)) as { bench: () => Promise<Record<string, number | string>> };
  Object.assign(risultato, await bench());
}
if (values.json) console.log(JSON.stringify(risultato));
else for (const [k, v] of Object.entries(risultato)) console.log(`${k.padEnd(32)} ${v}`);
