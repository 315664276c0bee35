// Parsing and compiling a source costs CPU in proportion to its size (a 1.4 MB source: seconds).
// They run in a pool of worker threads, never on the event loop that answers every tenant: each job
// has a time limit (past it the thread is terminated and replaced: piscina does that on abort) and
// the queue is bounded (full: 503 with Retry-After, the server is not saturated further).
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { DA_SORGENTE, DIST, RADICE } from "../../percorsi.ts";
import type { Diagnostic, Header, Regolamento } from "../engine-adapter.ts";
import { ErroreRiprova } from "../errori/errore.ts";
import type { Compito } from "./lavoratore.ts";

export interface OpzioniAnalisi {
  /** Threads (default: cores − 1, at least 1: one core stays with the event loop). */
  thread?: number;
  /** Per-job time limit, queue wait included (default 10 s). */
  limiteMs?: number;
  /** Jobs waiting beyond the running ones (default 4 per thread). */
  coda?: number;
}

/**
 * The worker's entry. From the sources it is TypeScript: an entry of its own registers the loader in
 * its thread (module hooks are per thread). Bundled, it is the bundle server/compila.ts makes of it.
 */
const FILE_LAVORATORE = DA_SORGENTE ? join(RADICE, "server", "lavoro", "avvio-lavoratore.mjs") : join(DIST, "server", "lavoratore.mjs");

export class Analizzatore {
  // Made at the first job, not at start: each thread loads the language (seconds of CPU, tens of MB)
  // and most servers answer questions for hours without a check (issue 15 § 1: start and RSS).
  private piscina?: Piscina<Compito, unknown>;
  readonly limiteMs: number;

  constructor(private readonly o: OpzioniAnalisi = {}) {
    this.limiteMs = o.limiteMs ?? 10_000;
  }

  /** Threads running (0 until the first job). */
  get threadAvviati(): number {
    return this.piscina?.threads.length ?? 0;
  }

  private get pool(): Piscina<Compito, unknown> {
    if (this.piscina) return this.piscina;
    const o = this.o;
    const thread = Math.max(1, o.thread ?? availableParallelism() - 1);
    this.piscina = new Piscina({
      filename: pathToFileURL(FILE_LAVORATORE).href,
      minThreads: thread,
      maxThreads: thread,
      maxQueue: o.coda ?? 4 * thread,
      idleTimeout: 60_000,
      // Lower priority than the event loop's thread: on a busy machine, answering comes first.
      niceIncrement: 10,
      execArgv: [],
    });
    return this.piscina;
  }

  /** Starts the threads and waits for them to load the language (seconds). */
  async pronto(): Promise<void> {
    await Promise.all(Array.from({ length: this.pool.maxThreads }, () => this.pool.run({ op: "intestazione", sorgente: "" })));
  }

  private async esegui<T>(c: Compito): Promise<T> {
    try {
      return (await this.pool.run(c, { signal: AbortSignal.timeout(this.limiteMs) })) as T;
    } catch (e) {
      const err = e as Error;
      if (err.name === "AbortError" || err.name === "TimeoutError")
        throw new ErroreRiprova(503, "analysis_timeout",
          `L'analisi del sorgente non è finita entro ${this.limiteMs / 1000} s (il server è occupato o il testo è troppo complesso): riprova più tardi, o invia un testo più piccolo.`, 5);
      if (/queue is at limit/i.test(err.message))
        throw new ErroreRiprova(503, "server_busy", "Troppe analisi in corso su questo server: riprova tra qualche secondo.", 2);
      throw e;
    }
  }

  intestazione(sorgente: string): Promise<Header | undefined> {
    return this.esegui<Header | null>({ op: "intestazione", sorgente }).then((h) => h ?? undefined);
  }
  check(sorgente: string, basi: Regolamento[]): Promise<Diagnostic[]> {
    return this.esegui({ op: "check", sorgente, basi });
  }
  compile(sorgente: string, basi: Regolamento[]): Promise<{ regolamento?: Regolamento; diagnostics: Diagnostic[] }> {
    return this.esegui({ op: "compile", sorgente, basi });
  }
  format(sorgente: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
    return this.esegui({ op: "format", sorgente });
  }

  async chiudi(): Promise<void> {
    await this.piscina?.destroy();
  }
}
