// The server side of bench/registro.ts, in a process of its own, bundled and started as `npm start`
// starts the server (server/compila.ts): `<dataDir or postgres:// url> <admin key> <n>`.
// Prints one line `registro-avvio {json}` with its figures.
import { evaluate } from "../engine/evaluate.ts";
import type { Domanda } from "../engine/contract.ts";
import { avvia } from "../server/avvia.ts";
import { openDatabase } from "../server/db/open.ts";
import { idVariante } from "./varianti.ts";

const [dataDir, admin, quanti] = process.argv.slice(2) as [string, string, string];
const dove = /^postgres(ql)?:/.test(dataDir) ? { url: dataDir } : { dataDir, durabilita: "veloce" as const };
const n = Number(quanti);
const parti = [{ id: "A", ruolo: "istante" as const, avvocato: true }, { id: "B", ruolo: "invitata" as const, avvocato: true }];
/** The validation question of bench/engine.ts: may the responsible designate a trainee mediator? */
const domanda: Domanda = {
  data: "2026-03-03",
  procedimento: { materia: "condominio", valore: 30000, parti, eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A", richiesta_proposta: true }] },
  azione: { azione: "designazione_mediatore", data: "2026-03-03", ruolo: "responsabile", mediatore: { categoria: "praticante_abilitato" } },
};
const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** As bench/engine.ts timeUs: median over rounds of the mean CPU µs per call, after warm-up. */
function timeUs(fn: (i: number) => unknown, per: number, rounds = 15, riscaldamento = 10): number {
  for (let i = 0; i < riscaldamento * per; i++) fn(i);
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuUs();
    for (let i = 0; i < per; i++) fn(i);
    out.push((cpuUs() - t0) / per);
  }
  return median(out);
}

const base = process.memoryUsage();
if (process.argv[5] === "solo-database") {
  // PGlite's own start (open + migrations) on this data dir: the fixed part of a start. In a process
  // of its own: the memory of a PGlite instance closed is not given back.
  const t = performance.now();
  await (await openDatabase(dove)).close();
  process.stdout.write(`\nregistro-avvio ${JSON.stringify({ registro_avvio_database_ms: Math.round(performance.now() - t) })}\n`);
  process.exit(0);
}

const t0 = performance.now();
const s = await avvia({ dove, chiaveAdmin: admin, webhook: false });
const primo = await s.app.request(`/v1/organismi/${idVariante(0)}/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(domanda) });
if (primo.status !== 200) throw new Error(`evaluate: ${primo.status} ${await primo.text()}`);
await primo.json();
const avvioMs = performance.now() - t0;
const catalog = s.dipendenze.registro.catalog;
const preparateAllAvvio = catalog.preparazioni;
const irAllAvvio = s.dipendenze.registro.letture;

// One question to each organismo, through the API.
for (let i = 0; i < n; i++) {
  const r = await s.app.request(`/v1/organismi/${idVariante(i)}/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(domanda) });
  if (r.status !== 200) throw new Error(`evaluate ${idVariante(i)}: ${r.status}`);
  await r.arrayBuffer();
}
const mem = process.memoryUsage();

// The engine's question on one regolamento (bench/engine.ts `evaluate_us_median`), on one variant,
// and cycling over all of them (the catalogue's choice of version included, as a server makes it).
let sink = 0;
const uno = catalog.perDomanda(idVariante(3), domanda);
const evaluateUs = timeUs(() => { sink += evaluate(uno, domanda).motivi.length; }, 5000);
const unoCatalogoUs = timeUs(() => { sink += evaluate(catalog.perDomanda(idVariante(3), domanda), domanda).motivi.length; }, 5000);
const ids = Array.from({ length: n }, (_, i) => idVariante(i));
const mistoUs = timeUs((i) => { sink += evaluate(catalog.perDomanda(ids[i % n]!, domanda), domanda).motivi.length; }, n, 15, 3);
if (sink < 0) console.log(sink);
const memoria = catalog.memoria;
const ir = s.dipendenze.registro.memoriaIr;
await s.chiudi();

process.stdout.write(`\nregistro-avvio ${JSON.stringify({
  registro_avvio_ms: Math.round(avvioMs),
  registro_preparate_all_avvio: preparateAllAvvio,
  registro_rss_mb: Math.round(mem.rss / 2 ** 20),
  registro_heap_mb: Math.round(mem.heapUsed / 2 ** 20),
  // What the RSS is made of besides the register: the process before the server (Node and the
  // bundle's modules) and PGlite's WebAssembly memory (external: reserved, ≈ 30 MB of it resident).
  registro_rss_processo_vuoto_mb: Math.round(base.rss / 2 ** 20),
  registro_pglite_mb: Math.round((mem.external - base.external) / 2 ** 20),
  registro_cache_preparate: `${memoria.preparate} versioni, ${Math.round(memoria.byte / 2 ** 20)} / ${Math.round(memoria.budget / 2 ** 20)} MB stimati, ${memoria.espulse} espulse`,
  registro_cache_ir: `${ir.versioni} IR, ${Math.round(ir.byte / 2 ** 20)} / ${Math.round(ir.budget / 2 ** 20)} MB stimati, ${ir.espulse} espulse, ${s.dipendenze.registro.letture} lette (all'avvio: ${irAllAvvio})`,
  evaluate_us_median: +evaluateUs.toFixed(2),
  registro_evaluate_us_uno: +unoCatalogoUs.toFixed(2),
  registro_evaluate_us_median: +mistoUs.toFixed(2),
  registro_rapporto_misto: +(mistoUs / evaluateUs).toFixed(2),
})}\n`);
process.exit(0);
