// The server's limits in one place, read from the environment by main.ts (docs/api.md lists them).
// Tests building the app in-process get LIMITI_DI_PROVA: no rate limits (every request there comes
// from one unknown address), the same caps otherwise.

export interface Limiti {
  /** Anonymous requests per minute and address on /v1 (undefined: no limit). */
  anonimiAlMinuto?: number;
  /** Anonymous check/format per minute and address (undefined: no limit). */
  analisiAnonimeAlMinuto?: number;
  /** Take the client's address from X-Forwarded-For (first hop): only behind a proxy you run. */
  fidatiProxy: boolean;
  /** Bytes of source an anonymous (or non-responsabile) check/format may send. */
  sorgenteAnonimaMassima: number;
  /** Heap used / heap limit past which writes and heavy work are refused with 503. */
  sogliaHeap: number;
  /** Bytes of procedure states a server keeps in memory (undefined: an eighth of the heap, ≤ 64 MiB). */
  memoriaProcedimenti?: number;
  /** Estimated bytes of prepared versions the catalogue keeps (undefined: engine/catalog.ts BUDGET_PREPARATE, 128 MiB). */
  memoriaPreparate?: number;
  /** Estimated bytes of published versions' IRs kept in memory (undefined: server/catalogo/registro.ts BUDGET_IR, 64 MiB). */
  memoriaIr?: number;
  /** Analysis worker threads and per-job time limit. */
  analisi: { thread?: number; limiteMs: number };
}

export const LIMITI_DI_PROVA: Limiti = {
  fidatiProxy: false,
  sorgenteAnonimaMassima: 256 * 1024,
  sogliaHeap: 0.9,
  analisi: { limiteMs: 30_000 },
};

function numero(env: NodeJS.ProcessEnv, nome: string, predefinito: number): number {
  const v = env[nome];
  if (v === undefined || v === "") return predefinito;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${nome}=${v}: serve un numero non negativo`);
  return n;
}

export function limitiDaAmbiente(env: NodeJS.ProcessEnv = process.env): Limiti {
  const mb = env.REGOLAMENTO_MEMORIA_PROCEDIMENTI_MB;
  const thread = env.REGOLAMENTO_ANALISI_THREAD;
  const mbPreparate = env.REGOLAMENTO_MEMORIA_PREPARATE_MB;
  const mbIr = env.REGOLAMENTO_MEMORIA_IR_MB;
  return {
    anonimiAlMinuto: numero(env, "REGOLAMENTO_ANONIMI_AL_MINUTO", 600) || undefined,
    analisiAnonimeAlMinuto: numero(env, "REGOLAMENTO_ANALISI_ANONIME_AL_MINUTO", 30) || undefined,
    fidatiProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    sorgenteAnonimaMassima: numero(env, "REGOLAMENTO_SORGENTE_ANONIMA_KB", 256) * 1024,
    sogliaHeap: numero(env, "REGOLAMENTO_SOGLIA_HEAP", 0.85),
    ...(mb ? { memoriaProcedimenti: numero(env, "REGOLAMENTO_MEMORIA_PROCEDIMENTI_MB", 64) * 1024 * 1024 } : {}),
    ...(mbPreparate ? { memoriaPreparate: numero(env, "REGOLAMENTO_MEMORIA_PREPARATE_MB", 128) * 1024 * 1024 } : {}),
    ...(mbIr ? { memoriaIr: numero(env, "REGOLAMENTO_MEMORIA_IR_MB", 64) * 1024 * 1024 } : {}),
    analisi: { ...(thread ? { thread: numero(env, "REGOLAMENTO_ANALISI_THREAD", 1) } : {}), limiteMs: numero(env, "REGOLAMENTO_ANALISI_SECONDI", 10) * 1000 },
  };
}
