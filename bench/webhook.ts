// Webhook deliveries per second (issue 14: `webhook_consegne_al_s`): 2,000 outbox rows of one
// organismo delivered by one worker to a receiver on loopback that answers 200 at once; signing,
// the claim, the HTTP call, the log row and the state update included. Postgres when reachable
// (a throwaway database), else PGlite in memory; the report says which.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { avvia } from "../server/avvia.ts";
import { creaDatabaseTemporaneo } from "../server/db/database-temporaneo.ts";
import { inTenant } from "../server/db/tenant.ts";
import type { Where } from "../server/db/open.ts";
import { FIXTURE } from "../server/test-support/ambiente.ts";
import { Consegnatore, OPZIONI_PREDEFINITE } from "../server/webhook/consegnatore.ts";
import { registraWebhook } from "../server/webhook/servizio.ts";

const N = Number(process.env.BENCH_WEBHOOK_N ?? 2000);

export async function bench(): Promise<Record<string, number | string>> {
  process.env.REGOLAMENTI_WEBHOOK_RETI_PRIVATE = "1";
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const { default: postgres } = await import("postgres");
  const prova = postgres(base, { max: 1, connect_timeout: 2, onnotice: () => {} });
  const pg = await prova`select 1`.then(() => true, () => false);
  await prova.end({ timeout: 1 }).catch(() => {});
  const tmp = pg ? await creaDatabaseTemporaneo(base, "bench_webhook_") : undefined;
  const dove: Where = tmp ? { url: tmp.url } : { memory: true };
  let ricevute = 0;
  const ricevitore = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      ricevute++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => ricevitore.listen(0, "127.0.0.1", r));
  const s = await avvia({ dove, chiaveAdmin: "bench-webhook-0123456789abcdef0123", semi: FIXTURE("clienti"), webhook: false });
  try {
    const { database } = s.dipendenze;
    const w = await registraWebhook(database, "gamma", { url: `http://127.0.0.1:${(ricevitore.address() as AddressInfo).port}/`, eventi: ["azione_registrata"] });
    await inTenant(database, "gamma", (tx) =>
      tx.execute(sql`insert into webhook_uscita (organismo_id, id, webhook_id, tipo, chiave_evento, corpo)
                     select 'gamma', 'u' || i, ${w.id}, 'azione_registrata', 'bench/' || i,
                            jsonb_build_object('tipo', 'azione_registrata', 'organismo', 'gamma', 'procedimento', 'p' || i, 'evento', jsonb_build_object('seq', 1, 'azione', 'adesione'))
                     from generate_series(1, ${N}) i`),
    );
    const c = new Consegnatore(database, { ...OPZIONI_PREDEFINITE, lotto: 50 });
    const t0 = performance.now();
    while (c.consegnate < N) await c.giro();
    const s_ = (performance.now() - t0) / 1000;
    return { webhook_consegne_al_s: Math.round(N / s_), webhook_database: pg ? "postgres" : "pglite", webhook_ricevute: ricevute };
  } finally {
    await s.chiudi();
    await tmp?.elimina();
    await new Promise((r) => ricevitore.close(r));
  }
}
