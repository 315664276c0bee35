// Test environments: PGlite in memory by default; with DATABASE_URL, a database of its own per test
// file (`CREATE DATABASE t_<random>` through the given one), dropped at the end: vitest runs files
// in parallel and they must not see each other's rows.
import { creaDatabaseTemporaneo } from "../db/database-temporaneo.ts";
import { fileURLToPath } from "node:url";
import type { Where } from "../db/open.ts";

export const SEMI_DI_PROVA = fileURLToPath(new URL("../test-fixtures/semi", import.meta.url));
export const FIXTURE = (nome: string) => fileURLToPath(new URL(`../test-fixtures/${nome}`, import.meta.url));
export const CHIAVE_ADMIN = "chiave-amministratore-di-prova-0123456789";

export interface DatabaseDiProva {
  dove: Where;
  /** The URL, on Postgres (for child processes). */
  url?: string;
  descrizione: string;
  elimina(): Promise<void>;
}

export async function databaseDiProva(opts: { dataDir?: string } = {}): Promise<DatabaseDiProva> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    return opts.dataDir
      ? { dove: { dataDir: opts.dataDir }, descrizione: `PGlite in ${opts.dataDir}`, elimina: async () => {} }
      : { dove: { memory: true }, descrizione: "PGlite in memoria", elimina: async () => {} };
  }
  const db = await creaDatabaseTemporaneo(base);
  return { dove: { url: db.url }, url: db.url, descrizione: `Postgres ${db.nome}`, elimina: db.elimina };
}
