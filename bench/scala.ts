// Scale (issue 15 § 3): a Postgres database `bench_scala` with 1,000 organismi, 1,000,000 procedures
// and 10,000,000 events (COPY, rows from bench/scala/generatore.ts), and the same figures measured on
// an "empty" database (the same organismi, only the procedures the load acts on): recorded actions'
// p99 over HTTP (autocannon, as bench/http.ts), and the client-app list and agenda queries of the
// largest organismo (100,000 procedures), median and p99 over HTTP. The filled database is kept and
// reused when its marker says it holds the same rows (a rerun only measures). Only with --solo scala.
import autocannon from "autocannon";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import postgres from "postgres";
import { creaDatabaseTemporaneo } from "../server/db/database-temporaneo.ts";
import { openDatabase } from "../server/db/open.ts";
import { avviaProcesso, chiama } from "../server/test-support/processo.ts";
import { calibrazione } from "./engine.ts";
import { COLONNE, COLONNE_ORGANISMO, EVENTI_PER_PROCEDIMENTO, Generatore, idProcedimento, righeOrganismo, TABELLE, vuote, type RegolamentoOrganismo, type Tabella } from "./scala/generatore.ts";

const ORGANISMI = Number(process.env.BENCH_SCALA_ORGANISMI ?? 1000);
const PROCEDIMENTI = Number(process.env.BENCH_SCALA_PROCEDIMENTI ?? 1_000_000);
/** The largest organismo holds this share of the procedures (the one whose lists and agenda are measured). */
const QUOTA_GRANDE = 0.1;
const DURATA_S = Number(process.env.BENCH_SCALA_SECONDI ?? 6);
const CONNESSIONI = 16;
/** Action rounds per database, alternating (the median round's p99 is reported). */
const GIRI_AZIONI = Number(process.env.BENCH_SCALA_GIRI ?? 3);
const GIRI = 200;
const NOME_DB = process.env.BENCH_SCALA_DB ?? "bench_scala";
/** Bumped when the generator's rows change: a database filled by another version is refilled. */
const VERSIONE_DATI = "1";
const ADMIN = "bench-scala-amministratore-0123456789abcdef";

const org = (k: number) => `s${String(k).padStart(4, "0")}`;
/** Procedures of organismo k: the large one first, the rest spread evenly. */
function quanti(k: number): number {
  const grande = Math.round(PROCEDIMENTI * QUOTA_GRANDE);
  if (k === 0) return grande;
  const resto = PROCEDIMENTI - grande;
  const altri = ORGANISMI - 1;
  return Math.floor(resto / altri) + (k <= resto % altri ? 1 : 0);
}

const urlDi = (base: string, db: string) => {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
};

/** One COPY stream per table, each on a connection of its own; FK triggers off (the rows are consistent by construction). */
async function apriCopie(url: string, tabelle: Record<string, readonly string[]>) {
  const conn: postgres.Sql[] = [];
  const flussi: Record<string, Writable> = {};
  for (const [t, colonne] of Object.entries(tabelle)) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { session_replication_role: "replica", synchronous_commit: "off" } });
    conn.push(sql);
    flussi[t] = await sql.unsafe(`copy ${t} (${colonne.join(", ")}) from stdin`).writable();
  }
  return {
    async scrivi(t: string, righe: string[]) {
      if (righe.length === 0) return;
      const w = flussi[t]!;
      if (!w.write(righe.join(""))) await once(w, "drain");
      righe.length = 0;
    },
    async chiudi() {
      for (const w of Object.values(flussi)) w.end();
      await Promise.all(Object.values(flussi).map((w) => finished(w)));
      await Promise.all(conn.map((c) => c.end({ timeout: 5 })));
    },
  };
}

/** Organismi, their regolamenti, and the procedures `scelti(k)` of each, by COPY. Returns the events written. */
async function riempi(url: string, g: Generatore, regolamenti: RegolamentoOrganismo[], scelti: (k: number) => number[]): Promise<number> {
  const o = await apriCopie(url, COLONNE_ORGANISMO);
  const righeO = { organismi: [] as string[], regolamento_versioni: [] as string[] };
  for (const reg of regolamenti) {
    const r = righeOrganismo(reg);
    righeO.organismi.push(r.organismo);
    righeO.regolamento_versioni.push(r.versione);
  }
  await o.scrivi("organismi", righeO.organismi);
  await o.scrivi("regolamento_versioni", righeO.regolamento_versioni);
  await o.chiudi();

  const c = await apriCopie(url, COLONNE);
  const out = vuote();
  let eventi = 0;
  const LOTTO = 2000;
  for (const [k, reg] of regolamenti.entries()) {
    // PK order within the organismo: ids sorted, then written in batches.
    const ordinati = scelti(k).map((i) => ({ i, id: idProcedimento(reg.id, i) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let s = 0; s < ordinati.length; s += LOTTO) {
      eventi += g.righe(reg, ordinati.slice(s, s + LOTTO).map((x) => x.i), out);
      for (const t of TABELLE) await c.scrivi(t, out[t]);
    }
    if (k % 100 === 99) process.stderr.write(`bench scala: ${k + 1} organismi, ${eventi} eventi\n`);
  }
  await c.chiudi();
  return eventi;
}

const ms = (x: number) => Math.round(x * 100) / 100;
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return ms(s[Math.min(s.length - 1, Math.floor(q * s.length))]!);
}
const mediana = (xs: number[]) => quantile(xs, 0.5);

/** A server on a database, with the keys the measures use. */
async function avviaServer(url: string, bersagli: { organismo: string; id: string }[]) {
  const t0 = performance.now();
  const server = await avviaProcesso({ DATABASE_URL: url, REGOLAMENTO_ADMIN_KEY: ADMIN, REGOLAMENTO_SEMI: "nessuno", DB_POOL: "16", REGOLAMENTO_ANONIMI_AL_MINUTO: "0" }, 600_000);
  const avvio = Math.round(performance.now() - t0);
  const chiave = async (organismo: string, ruolo: string, parte?: string) => {
    const r = await chiama(server.url, "POST", "/v1/chiavi", { chiave: ADMIN, corpo: { organismo, ruolo, ...(parte ? { parte } : {}) } });
    if (r.status !== 201) throw new Error(`chiave ${organismo}: ${r.status} ${r.testo}`);
    return r.json.chiave as string;
  };
  const segreterie = new Map<string, string>();
  for (const b of bersagli) if (!segreterie.has(b.organismo)) segreterie.set(b.organismo, await chiave(b.organismo, "segreteria"));
  return { server, avvio, segreterie, mediatore: await chiave(org(0), "mediatore", "m7") };
}
type Server = Awaited<ReturnType<typeof avviaServer>>;

/**
 * The same GET on both servers in turn (the machine's load falls on both alike): median and p99 of
 * GIRI each, after 5 warm-ups. `percorso` gets each server's keys.
 */
async function misuraCoppia(coppia: Server[], percorso: (s: Server) => { path: string; chiave: string }) {
  const tempi = coppia.map(() => [] as number[]);
  const righe: number[] = [];
  for (let i = -5; i < GIRI; i++)
    for (const [k, s] of coppia.entries()) {
      const { path, chiave } = percorso(s);
      const t0 = performance.now();
      const r = await chiama(s.server.url, "GET", path, { chiave });
      if (i >= 0) tempi[k]!.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.testo.slice(0, 300)}`);
      const j = r.json as { procedimenti?: unknown[]; scadenze?: unknown[] };
      righe[k] = (j.procedimenti ?? j.scadenze ?? []).length;
    }
  return tempi.map((t, k) => ({ mediana: mediana(t), p99: quantile(t, 0.99), righe: righe[k]! }));
}

/** Recorded actions on one server for DURATA_S (autocannon, as bench/http.ts): a document on each target in turn. */
async function azioni(s: Server, bersagli: { organismo: string; id: string }[]) {
  const oggi = new Date().toISOString().slice(0, 10);
  let n = 0;
  const errori = new Map<number, string>();
  const az = await autocannon({
    url: s.server.url, connections: CONNESSIONI, pipelining: 1, duration: DURATA_S,
    requests: [{
      method: "POST",
      setupRequest: (req) => {
        const b = bersagli[n++ % bersagli.length]!;
        return {
          ...req,
          path: `/v1/organismi/${b.organismo}/procedimenti/${b.id}/azioni`,
          headers: { "content-type": "application/json", authorization: `Bearer ${s.segreterie.get(b.organismo)!}` },
          body: JSON.stringify({ azione: "deposito_documento", data: oggi, parte: "A", documento: `bench-${n}`, tipo: "sessione_comune" }),
        };
      },
      // The first answer of each failing status, to say why in the report.
      onResponse: (status: number, corpo: string) => {
        if (status >= 300 && !errori.has(status)) errori.set(status, String(corpo).slice(0, 200));
      },
    } as autocannon.Request],
  });
  return { p99: az.latency.p99, mediana: az.latency.p50, rps: Math.round(az.requests.average), non2xx: az.non2xx + az.errors, errori: [...errori].map(([s, c]) => `${s}: ${c}`).join(" | ") };
}

export async function bench(): Promise<Record<string, number | string>> {
  const base = process.env.DATABASE_URL;
  const salto = "saltato (serve DATABASE_URL: Postgres)";
  if (!base) {
    console.error("bench scala: DATABASE_URL non impostata: la parte richiede Postgres (un milione di procedimenti non si misura su PGlite), saltata");
    return { scala_azione_p99_ms: salto };
  }
  const calibrazionePrima = calibrazione();
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const url = urlDi(base, NOME_DB);
  const oggi = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
  const g = await Generatore.crea(oggi);
  const regolamenti = Array.from({ length: ORGANISMI }, (_, k) => g.regolamento(org(k)));
  // The procedures the load acts on: 1,000 open ones of the large organismo, one open one of each other.
  const aperti = (k: number, quanti: number) => {
    const xs: number[] = [];
    for (let i = 0; xs.length < quanti && i < 10 * quanti + 100; i++) if (g.stato(org(k), i).forma !== "conclusa") xs.push(i);
    return xs;
  };
  const scelti = new Map<number, number[]>([[0, aperti(0, 1000)]]);
  for (let k = 1; k < ORGANISMI; k++) scelti.set(k, aperti(k, 1));
  const bersagli = [...scelti.entries()].flatMap(([k, is]) => is.map((i) => ({ organismo: org(k), id: idProcedimento(org(k), i) })));
  const marca = `${VERSIONE_DATI}/${ORGANISMI}/${PROCEDIMENTI}/${EVENTI_PER_PROCEDIMENTO}`;
  try {
    // The filled database: reused when its marker matches.
    const esiste = (await admin`select 1 from pg_database where datname = ${NOME_DB}`).length > 0;
    let marcaTrovata: string | undefined;
    if (esiste) {
      const db = postgres(url, { max: 1, onnotice: () => {} });
      marcaTrovata = (await db`select valore from bench_scala_stato where chiave = 'marca'`.catch(() => []))[0]?.valore as string | undefined;
      await db.end({ timeout: 5 });
    }
    let riempimento = "riusato";
    if (marcaTrovata !== marca) {
      await admin.unsafe(`drop database if exists ${NOME_DB} with (force)`);
      await admin.unsafe(`create database ${NOME_DB}`);
      const d = await openDatabase({ url });
      await d.close();
      const t0 = performance.now();
      const eventi = await riempi(url, g, regolamenti, (k) => Array.from({ length: quanti(k) }, (_, i) => i));
      const copia = performance.now() - t0;
      const db = postgres(url, { max: 1, onnotice: () => {} });
      await db.unsafe("vacuum analyze");
      await db.unsafe("create table bench_scala_stato (chiave text primary key, valore text not null)");
      await db`insert into bench_scala_stato values ('marca', ${marca}), ('eventi', ${String(eventi)})`;
      await db.end({ timeout: 5 });
      riempimento = `${Math.round(copia / 1000)} s COPY + ${Math.round((performance.now() - t0 - copia) / 1000)} s vacuum analyze`;
    }
    // Migrations (a reused database may predate one) before any server is timed.
    const migrato = await openDatabase({ url });
    await migrato.close();
    const db = postgres(url, { max: 1, onnotice: () => {} });
    const [conti] = await db`select (select count(*) from procedimenti)::int as p, (select count(*) from organismi)::int as o,
                                    (select reltuples::bigint from pg_class where relname = 'eventi') as e,
                                    pg_database_size(current_database())::bigint as byte`;
    await db.end({ timeout: 5 });

    // The empty database: the same organismi, only the procedures the load acts on.
    const vuoto = await creaDatabaseTemporaneo(base, "bench_scala_vuoto_");
    const coppia: Server[] = [];
    try {
      const d = await openDatabase({ url: vuoto.url });
      await d.close();
      await riempi(vuoto.url, g, regolamenti, (k) => scelti.get(k) ?? []);
      const v = postgres(vuoto.url, { max: 1, onnotice: () => {} });
      await v.unsafe("vacuum analyze");
      await v.end({ timeout: 5 });
      // Both servers up at once: [empty, filled]; every measure alternates between them.
      coppia.push(await avviaServer(vuoto.url, bersagli), await avviaServer(url, bersagli));
      const G = `/v1/organismi/${org(0)}`;
      const segr = (s: Server) => s.segreterie.get(org(0))!;
      const prime = await Promise.all(coppia.map((s) => chiama(s.server.url, "GET", `${G}/procedimenti`, { chiave: segr(s) })));
      const letture = {
        lista: await misuraCoppia(coppia, (s) => ({ path: `${G}/procedimenti`, chiave: segr(s) })),
        lista_cursore: await misuraCoppia(coppia, (s) => ({ path: `${G}/procedimenti?cursore=${encodeURIComponent(prime[coppia.indexOf(s)]!.json.cursore as string)}`, chiave: segr(s) })),
        lista_fase: await misuraCoppia(coppia, (s) => ({ path: `${G}/procedimenti?fase=mediazione_in_corso&ordine=depositato_il`, chiave: segr(s) })),
        lista_mediatore: await misuraCoppia(coppia, (s) => ({ path: `${G}/procedimenti`, chiave: s.mediatore })),
        // A past month and the busiest one (the last deposits' open deadlines).
        agenda: await misuraCoppia(coppia, (s) => ({ path: `${G}/scadenze?dal=2025-03-01&al=2025-03-31`, chiave: segr(s) })),
        agenda_recente: await misuraCoppia(coppia, (s) => ({ path: `${G}/scadenze?dal=2026-09-01&al=2026-09-30`, chiave: segr(s) })),
        agenda_mediatore: await misuraCoppia(coppia, (s) => ({ path: `${G}/scadenze?dal=2026-09-01&al=2026-09-30`, chiave: s.mediatore })),
      };
      // Actions: GIRI_AZIONI rounds each, alternating; the median round's figures.
      const giri: Awaited<ReturnType<typeof azioni>>[][] = [[], []];
      for (let r = 0; r < GIRI_AZIONI; r++) for (const [k, s] of coppia.entries()) giri[k]!.push(await azioni(s, bersagli));
      const [av, ap] = giri.map((g) => ({
        p99: mediana(g.map((x) => x.p99)), mediana: mediana(g.map((x) => x.mediana)), rps: mediana(g.map((x) => x.rps)),
        p99_giri: g.map((x) => x.p99).join("/"), non2xx: g.reduce((a, x) => a + x.non2xx, 0), errori: g.map((x) => x.errori).filter(Boolean).join(" "),
      }));
      const pieno = { avvio: coppia[1]!.avvio, azioni: ap!, letture: Object.fromEntries(Object.entries(letture).map(([k, v]) => [k, v[1]!])) as Record<keyof typeof letture, { mediana: number; p99: number; righe: number }> };
      const figureVuoto = { avvio: coppia[0]!.avvio, azioni: av!, letture: Object.fromEntries(Object.entries(letture).map(([k, v]) => [k, v[0]!])) as typeof pieno.letture };
    const L = pieno.letture;
    const V = figureVuoto.letture;
    return {
      scala_righe: `${conti!.o} organismi, ${conti!.p} procedimenti, ~${conti!.e} eventi`,
      scala_db_gb: Math.round(Number(conti!.byte) / 2 ** 27) / 8,
      scala_riempimento: riempimento,
      scala_avvio_ms: `${pieno.avvio} (vuoto ${figureVuoto.avvio})`,
      scala_azione_p99_ms: pieno.azioni.p99,
      scala_azione_p99_giri_ms: `${pieno.azioni.p99_giri} (vuoto ${figureVuoto.azioni.p99_giri})`,
      scala_azione_p99_vuoto_ms: figureVuoto.azioni.p99,
      scala_azione_mediana_ms: `${pieno.azioni.mediana} (vuoto ${figureVuoto.azioni.mediana})`,
      scala_azione_rps: `${pieno.azioni.rps} (vuoto ${figureVuoto.azioni.rps})`,
      scala_azione_non2xx: `${pieno.azioni.non2xx} (vuoto ${figureVuoto.azioni.non2xx})${pieno.azioni.errori || figureVuoto.azioni.errori ? ` ${pieno.azioni.errori} ${figureVuoto.azioni.errori}` : ""}`,
      scala_lista_ms: L.lista.mediana,
      scala_lista_p99_ms: L.lista.p99,
      scala_lista_vuoto_ms: `${V.lista.mediana} / p99 ${V.lista.p99}`,
      scala_lista_cursore_ms: `${L.lista_cursore.mediana} / p99 ${L.lista_cursore.p99}`,
      scala_lista_fase_ms: `${L.lista_fase.mediana} / p99 ${L.lista_fase.p99}`,
      scala_lista_mediatore_ms: `${L.lista_mediatore.mediana} / p99 ${L.lista_mediatore.p99} (vuoto ${V.lista_mediatore.mediana} / p99 ${V.lista_mediatore.p99})`,
      scala_agenda_ms: L.agenda.mediana,
      scala_agenda_p99_ms: L.agenda.p99,
      scala_agenda_righe: L.agenda.righe,
      scala_agenda_vuoto_ms: `${V.agenda.mediana} / p99 ${V.agenda.p99}`,
      scala_agenda_recente_ms: `${L.agenda_recente.mediana} / p99 ${L.agenda_recente.p99} (${L.agenda_recente.righe} scadenze; vuoto ${V.agenda_recente.mediana} / p99 ${V.agenda_recente.p99})`,
      scala_agenda_mediatore_ms: `${L.agenda_mediatore.mediana} / p99 ${L.agenda_mediatore.p99} (${L.agenda_mediatore.righe} scadenze)`,
      scala_durata_s: `${DURATA_S} × ${GIRI_AZIONI} per database, alternati`,
      calibrazione_ms: `${calibrazionePrima} / ${calibrazione()} (prima / dopo)`,
    };
    } finally {
      for (const s of coppia) await s.server.uccidi("SIGTERM");
      await vuoto.elimina();
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
