// The Ministry's register (issue 15 § 1): 1,000 organismi, generated variants of the four full seeds
// (bench/varianti.ts: other ids, terms, fees, parametri). This part compiles them all from source
// (`registro_compile_ms`), stores them as published (IR and its hash, as a publication does) in a
// PGlite database of its own (with DATABASE_URL: a Postgres database of its own, created beside it
// and dropped after), then starts a server on that database in a fresh process
// (bench/registro-avvio.ts): start to first answer, RSS after one question to each organismo, and
// the evaluation cycling over all 1,000 against the same question on one regolamento.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { compile } from "../dsl/index.ts";
import { Catalog } from "../engine/catalog.ts";
import type { Regolamento } from "../engine/ir.ts";
import { loadAll, REGOLAMENTI_DIR } from "../regolamenti/load.ts";
import { avvia } from "../server/avvia.ts";
import { avvioDiNpmStart, compila } from "../server/compila.ts";
import { creaDatabaseTemporaneo } from "../server/db/database-temporaneo.ts";
import type { Where } from "../server/db/open.ts";
import { inTenant } from "../server/db/tenant.ts";
import { improntaIr } from "../server/ricevute/impronta.ts";
import { idVariante, SEMI, variante } from "./varianti.ts";

export const ORGANISMI = Number(process.env.BENCH_REGISTRO_ORGANISMI ?? 1000);
const MARCA = "registro-avvio ";

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** CPU ms of a fixed integer loop (as bench/engine.ts): how loaded the shared machine was. */
function calibrazione(): number {
  const t0 = cpuMs();
  let s = 0;
  for (let i = 0; i < 3e8; i++) s += i & 7;
  if (s < 0) console.log(s);
  return Math.round(cpuMs() - t0);
}

export { idVariante };

/** The 1,000 variants compiled from source, against the seeds' baselines; the CPU ms it took. */
export async function compilaVarianti(n = ORGANISMI): Promise<{ versioni: { regolamento: Regolamento; sorgente: string }[]; ms: number }> {
  const { catalog: semi } = await loadAll();
  const basi = new Catalog();
  for (const id of semi.ids()) for (const v of semi.versions(id)) basi.add(v);
  const sorgenti = Object.fromEntries(await Promise.all(SEMI.map(async (s) => [s, await readFile(join(REGOLAMENTI_DIR, `${s}.regolamento`), "utf8")] as const)));
  const versioni: { regolamento: Regolamento; sorgente: string }[] = [];
  const t0 = cpuMs();
  for (let i = 0; i < n; i++) {
    const seme = SEMI[i % SEMI.length]!;
    const id = idVariante(i);
    const h = semi.versions(seme)[0]!;
    const sorgente = variante(sorgenti[seme]!, id, i);
    const { regolamento, diagnostics } = compile(sorgente, { bases: basi.bases({ id, applica: h.applica } as Regolamento, h.inVigoreDal) });
    if (!regolamento) throw new Error(`bench registro: ${id} non compila: ${JSON.stringify(diagnostics.find((d) => d.severity === "error"))}`);
    versioni.push({ regolamento, sorgente });
  }
  return { versioni, ms: Math.round(cpuMs() - t0) };
}

export async function bench(): Promise<Record<string, number | string>> {
  const calibrazionePrima = calibrazione();
  const { versioni, ms } = await compilaVarianti();
  // BENCH_REGISTRO_DIR: keep the database there (to profile the start: bench/registro-avvio.ts <dir> <key> <n>).
  const tenuta = process.env.BENCH_REGISTRO_DIR;
  const pg = process.env.DATABASE_URL ? await creaDatabaseTemporaneo(process.env.DATABASE_URL, "bench_registro_") : undefined;
  const dataDir = pg ? pg.url : tenuta ?? (await mkdtemp(join(tmpdir(), "bench-registro-")));
  const dove: Where = pg ? { url: pg.url } : { dataDir, durabilita: "veloce" };
  const admin = tenuta ? "bench-registro-chiave-amministratore-0123456789" : `bench-${randomBytes(16).toString("hex")}`;
  try {
    // The database: the seeds (the server's own start seeds them) and the variants stored as a
    // publication stores them (IR and hash).
    const s = await avvia({ dove, chiaveAdmin: admin, webhook: false });
    const db = s.dipendenze.database;
    for (const { regolamento: r, sorgente } of versioni) {
      await inTenant(db, r.id, async (tx) => {
        await tx.execute(sql`insert into organismi (organismo_id, nome, registro, normativa) values (${r.id}, ${r.nome}, ${r.registro ?? null}, false)`);
        await tx.execute(sql`insert into regolamento_versioni (organismo_id, versione, stato, in_vigore_dal, sorgente, ir, impronta_ir, diagnostiche, pubblicato_il)
          values (${r.id}, ${r.versione}, 'pubblicata', ${r.inVigoreDal}, ${sorgente}, ${JSON.stringify(r)}::jsonb, ${improntaIr(r)}, '[]'::jsonb, now())`);
      });
    }
    await s.chiudi();
    // A fresh process: its start, its memory, its JIT, nothing of the compilation above. Bundled and
    // started as `npm start` starts the server (server/compila.ts), not through tsx.
    const [avvioServer] = await compila({ "bench/registro-avvio": "bench/registro-avvio.ts" });
    const figlio = (...argomenti: string[]) => {
      const out = execFileSync(process.execPath, [avvioServer!, dataDir, admin, String(versioni.length), ...argomenti], {
        env: { ...process.env, ...avvioDiNpmStart().env },
        stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 2 ** 20, encoding: "utf8",
      });
      const riga = out.split("\n").find((r) => r.startsWith(MARCA));
      if (!riga) throw new Error("bench registro: il processo del server non ha dato le sue misure");
      return JSON.parse(riga.slice(MARCA.length)) as Record<string, number | string>;
    };
    // PGlite alone first (it also replays what the seeding left to replay: not the server's start).
    const database = figlio("solo-database");
    const misure = { ...figlio(), ...database };
    return { registro_calibrazione_ms: `${calibrazionePrima} / ${calibrazione()} (prima / dopo)`, registro_database: pg ? "Postgres" : "PGlite", registro_organismi: versioni.length, registro_compile_ms: ms, ...misure };
  } finally {
    if (pg) await pg.elimina();
    else if (!tenuta) await rm(dataDir, { recursive: true, force: true });
  }
}
