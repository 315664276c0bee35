// Messages between the page and the diagnostics worker (the DSL runs off the main thread so typing
// never waits for the checker).
import type { Regolamento } from "../../engine/ir.ts";
import type { Diagnostic } from "../../dsl/index.ts";

export type AlWorker =
  | { tipo: "basi"; basi: Regolamento[] }
  | { tipo: "verifica"; id: number; sorgente: string }
  | { tipo: "formatta"; id: number; sorgente: string }
  /** Conformity to the law of the text last compiled with this id (sent after a pause in typing). */
  | { tipo: "conformita"; id: number };

export type DalWorker = EsitoVerifica | Compilato | EsitoFormattazione | EsitoConformita;

/** The conformity findings (engine/analisi/conformita.ts) as the editor shows them. */
export interface RilievoEditor {
  codice: string;
  gravita: "errore" | "avviso";
  messaggio: string;
  /** The line of the organismo's rule (1 when the finding has none). */
  riga: number;
  controesempio?: string;
}

export interface EsitoConformita {
  tipo: "conformita";
  id: number;
  rilievi: RilievoEditor[];
}

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
