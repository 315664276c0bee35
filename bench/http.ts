// HTTP figures on loopback, against a server process this bench starts itself (its own database):
// stateless evaluations, and persisted actions (on the real Postgres when reachable at DATABASE_URL or
// 127.0.0.1:5432, else PGlite, and the report says which). Bounded durations; loopback only.
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { avviaProcesso, chiama, RADICE } from "../server/test-support/processo.ts";
import { creaDatabaseTemporaneo } from "../server/db/database-temporaneo.ts";

const DURATA_S = Number(process.env.BENCH_HTTP_SECONDI ?? 8);
const ADMIN = `bench-${randomBytes(16).toString("hex")}`;
/**
 * Concurrent clients: enough to keep the server busy on 2 cores, few enough not to measure a queue.
 * (BENCH_HTTP_CONNESSIONI_EVALUATE / _AZIONI change them; more action clients share WAL flushes but queue longer.)
 */
const CONNESSIONI_EVALUATE = Number(process.env.BENCH_HTTP_CONNESSIONI_EVALUATE ?? 16);
const CONNESSIONI_AZIONI = Number(process.env.BENCH_HTTP_CONNESSIONI_AZIONI ?? 16);

async function postgresRaggiungibile(url: string): Promise<boolean> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

async function carica(o: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ ...o, duration: DURATA_S });
}

export async function bench(): Promise<Record<string, number | string>> {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const pg = await postgresRaggiungibile(base);
  let pulisci = async () => {};
  const env: Record<string, string> = { REGOLAMENTO_ADMIN_KEY: ADMIN, DB_POOL: "16" };
  if (pg) {
    const db = await creaDatabaseTemporaneo(base, "t_bench_");
    env.DATABASE_URL = db.url;
    pulisci = db.elimina;
  } else {
    const dir = await mkdtemp(join(tmpdir(), "bench-http-"));
    env.DATABASE_URL = "";
    env.REGOLAMENTO_DATA = dir;
    pulisci = () => rm(dir, { recursive: true, force: true });
  }

  let server: Awaited<ReturnType<typeof avviaProcesso>> | undefined;
  try {
    server = await avviaProcesso(env);
    const url = server.url;
    // Evaluate: a real organismo when one loaded, with a validation question (denied: full motivi).
    const organismi = (await chiama(url, "GET", "/v1/organismi")).json as { id: string }[];
    const organismo = organismi.find((o) => o.id === "napoli")?.id ?? organismi[0]?.id;
    if (!organismo) throw new Error("nessun organismo caricato");
    const domanda = {
      data: "2026-03-03",
      procedimento: {
        materia: "condominio", valore: 30000,
        parti: [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }],
        eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }],
      },
      azione: { azione: "adesione", data: "2026-03-05", parte: "B" },
    };
    const prova = await chiama(url, "POST", `/v1/organismi/${organismo}/evaluate`, { corpo: domanda });
    if (prova.status !== 200) throw new Error(`evaluate: ${prova.status} ${prova.testo}`);
    const ev = await carica({
      url: `${url}/v1/organismi/${organismo}/evaluate`, method: "POST", connections: CONNESSIONI_EVALUATE, pipelining: 1,
      headers: { "content-type": "application/json" }, body: JSON.stringify(domanda),
    });

    // Actions: an organismo of our own (the test fixture's rules), 200 procedures, actions spread over them.
    await chiama(url, "POST", "/v1/organismi", { chiave: ADMIN, corpo: { id: "banco", nome: "Banco di prova" } });
    const resp = (await chiama(url, "POST", "/v1/chiavi", { chiave: ADMIN, corpo: { organismo: "banco", ruolo: "responsabile" } })).json.chiave as string;
    const segr = (await chiama(url, "POST", "/v1/chiavi", { chiave: ADMIN, corpo: { organismo: "banco", ruolo: "segreteria" } })).json.chiave as string;
    const sorgente = (await readFile(join(RADICE, "server/test-fixtures/semi/alfa.regolamento"), "utf8")).replace("regolamento alfa", "regolamento banco");
    await chiama(url, "POST", "/v1/organismi/banco/regolamenti", { chiave: resp, testo: sorgente });
    // In force from 2024: a retroactive publication, said so.
    const pub = await chiama(url, "POST", "/v1/organismi/banco/regolamenti/1/pubblica?retroattiva=true", { chiave: resp });
    if (pub.status !== 200) throw new Error(`pubblicazione: ${pub.status} ${pub.testo}`);
    const pids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await chiama(url, "POST", "/v1/organismi/banco/procedimenti", { chiave: segr, corpo: { ...domanda.procedimento } });
      if (r.status !== 201) throw new Error(`procedimento: ${r.status} ${r.testo}`);
      pids.push(r.json.id as string);
    }
    let n = 0;
    const az = await carica({
      url, connections: CONNESSIONI_AZIONI, pipelining: 1,
      requests: [{
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${segr}` },
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            path: `/v1/organismi/banco/procedimenti/${pids[i % pids.length]}/azioni`,
            body: JSON.stringify({ azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: `d${i}`, tipo: "sessione_comune" }),
          };
        },
      }],
    });
    const { azioni } = (await chiama(url, "GET", "/v1/salute")).json as { azioni: { azioniUnTempo: number; azioniConLock: number } };
    return {
      http_evaluate_rps: Math.round(ev.requests.average),
      http_evaluate_p99_ms: ev.latency.p99,
      http_evaluate_non2xx: ev.non2xx + ev.errors,
      http_evaluate_organismo: organismo,
      http_actions_rps: Math.round(az.requests.average),
      http_actions_p99_ms: az.latency.p99,
      http_actions_non2xx: az.non2xx + az.errors,
      http_actions_un_round_trip_pct: Math.round((100 * azioni.azioniUnTempo) / Math.max(1, azioni.azioniUnTempo + azioni.azioniConLock)),
      http_actions_db: pg ? "postgres" : "pglite (Postgres non raggiungibile)",
      http_durata_s: DURATA_S,
      http_connessioni: `${CONNESSIONI_EVALUATE}/${CONNESSIONI_AZIONI}`,
    };
  } finally {
    // Whatever happened (a server that did not start included), leave no process and no database.
    await server?.uccidi("SIGTERM");
    await pulisci();
  }
}
