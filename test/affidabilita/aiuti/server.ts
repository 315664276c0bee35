// A server child process for the reliability suite, on the database the suite runs on: a fresh
// Postgres database when DATABASE_URL is set, else a PGlite data folder of its own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHIAVE_ADMIN, SEMI_DI_PROVA, databaseDiProva } from "../../../server/test-support/ambiente.ts";
import { avviaProcesso, chiama, type Processo } from "../../../server/test-support/processo.ts";

export const suPostgres = !!process.env.DATABASE_URL;
const pulizie: (() => Promise<void>)[] = [];

export async function serverDiProva(env: Record<string, string> = {}, nodeArgs?: string[]): Promise<Processo> {
  const base: Record<string, string> = { REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN, REGOLAMENTO_SEMI: SEMI_DI_PROVA, ...env };
  if (suPostgres) {
    const db = await databaseDiProva();
    pulizie.push(() => db.elimina());
    base.DATABASE_URL = db.url!;
  } else {
    const dir = await mkdtemp(join(tmpdir(), "regolamenti-affidabilita-"));
    pulizie.push(() => rm(dir, { recursive: true, force: true }));
    Object.assign(base, { DATABASE_URL: "", REGOLAMENTO_DATA: dir, REGOLAMENTO_DURABILITA: "veloce" });
  }
  const p = await avviaProcesso(base, 120_000, nodeArgs);
  pulizie.push(() => p.uccidi("SIGKILL"));
  return p;
}

export async function pulisci(): Promise<void> {
  for (const f of pulizie.splice(0).reverse()) await f().catch(() => {});
}

export async function chiaveDi(p: Processo, organismo: string, ruolo: string, parte?: string): Promise<string> {
  const r = await chiama(p.url, "POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo, ruolo, ...(parte ? { parte } : {}) } });
  if (r.status !== 201) throw new Error(`chiave non emessa: ${r.status} ${r.testo}`);
  return r.json.chiave as string;
}
