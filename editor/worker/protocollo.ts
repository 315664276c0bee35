// Messages between the page and the diagnostics worker (the DSL runs off the main thread so typing
// never waits for the checker).
import type { Regolamento } from "../../engine/ir.ts";
import type { Diagnostic } from "../../dsl/index.ts";

export type AlWorker =
  | { tipo: "basi"; basi: Regolamento[] }
  | { tipo: "verifica"; id: number; sorgente: string }
  | { tipo: "formatta"; id: number; sorgente: string };

export type DalWorker = EsitoVerifica | Compilato | EsitoFormattazione;

/** Sent after the diagnostics, so the markers never wait for the (large) compiled form to be copied. */
export interface Compilato {
  tipo: "compilato";
  id: number;
  regolamento: Regolamento;
}

/** `text` undefined on syntax errors (nothing to format). */
export interface EsitoFormattazione {
  tipo: "formattato";
  id: number;
  text?: string;
}

export interface EsitoVerifica {
  tipo: "esito";
  id: number;
  diagnostiche: Diagnostic[];
  /** Time spent in the DSL, for the status bar and the benchmark. */
  ms: number;
}
