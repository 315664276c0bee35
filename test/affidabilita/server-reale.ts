// A real server process for the reliability suite: `node --import tsx server/main.ts` on a free port,
// on a database of its own (a throwaway Postgres database when DATABASE_URL is set, else PGlite in a
// temporary folder), with the test fixtures' organismi alfa and beta. Stopped by its PID.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHIAVE_ADMIN, SEMI_DI_PROVA, databaseDiProva, type DatabaseDiProva } from "../../server/test-support/ambiente.ts";
import { avviaProcesso, chiama, type Processo } from "../../server/test-support/processo.ts";

export const suPostgres = Boolean(process.env.DATABASE_URL);
export const nomeDatabase = suPostgres ? "Postgres" : "PGlite";

export interface ServerReale {
  url: string;
  processo: Processo;
  db: DatabaseDiProva;
  env: Record<string, string>;
  chiama(metodo: string, percorso: string, o?: { chiave?: string; corpo?: unknown; testo?: string }): ReturnType<typeof chiama>;
  /** A key issued by the administrator (`POST /v1/chiavi`): the secret. */
  chiave(corpo: { organismo: string; ruolo: string; parte?: string; procedimento?: string }): Promise<string>;
  ferma(): Promise<void>;
}

export async function avviaServerReale(extra: Record<string, string> = {}): Promise<ServerReale> {
  const env: Record<string, string> = { REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN, REGOLAMENTO_SEMI: SEMI_DI_PROVA };
  let db: DatabaseDiProva;
  let cartella: string | undefined;
  if (suPostgres) {
    db = await databaseDiProva();
    env.DATABASE_URL = db.url!;
  } else {
    cartella = await mkdtemp(join(tmpdir(), "affidabilita-"));
    db = await databaseDiProva({ dataDir: cartella });
    env.DATABASE_URL = "";
    env.REGOLAMENTO_DATA = cartella;
  }
  Object.assign(env, extra);
  const processo = await avviaProcesso(env);
  const url = processo.url;
  return {
    url,
    processo,
    db,
    env,
    chiama: (metodo, percorso, o = {}) => chiama(url, metodo, percorso, o),
    async chiave(corpo) {
      const r = await chiama(url, "POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo });
      if (r.status !== 201) throw new Error(`chiave non emessa: ${r.status} ${r.testo}`);
      return r.json.chiave as string;
    },
    async ferma() {
      await processo.uccidi("SIGTERM");
      await db.elimina();
      if (cartella) await rm(cartella, { recursive: true, force: true });
    },
  };
}
