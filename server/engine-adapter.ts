// The one file of server/ that imports dsl/, engine/ and regolamenti/load.ts. Everything else in
// server/ speaks to `Motore` and these types, so a changed seam is a change here only.
// The language (dsl/, its parser library, the loader) is imported on first need (`lingua()`), not at
// start: a server answering questions never parses (≈ 70 MB of RSS and the modules' load time; its
// analysis threads load their own copy).
import type * as dsl from "../dsl/index.ts";
import * as engine from "../engine/index.ts";
import type * as Load from "../regolamenti/load.ts";
import { perConsentire } from "../engine/analisi/per-consentire.ts";
import { condividi } from "../engine/condivisione.ts";
import { conformitaDi, type RilievoConformita } from "../engine/analisi/conformita.ts";
import { diffCasi, preparatoreDi, type DiffCasi } from "../engine/analisi/diff-casi.ts";
import type { Caso } from "../engine/scenari.ts";
import type { Regolamento } from "../engine/ir.ts";
import type { Domanda, Procedimento, Risposta } from "../engine/contract.ts";

export type { Regolamento } from "../engine/ir.ts";
export type { Domanda, Risposta, Azione, Procedimento } from "../engine/contract.ts";
export type { Diagnostic, Header } from "../dsl/index.ts";
export type { DiffCasi } from "../engine/analisi/diff-casi.ts";
export type { Caso } from "../engine/scenari.ts";
export type { Change, Matrix, Prepared } from "../engine/index.ts";
export type Catalog = engine.Catalog;
/** Actions judged in order on one growing history, each event folded once (engine/sequenza.ts). */
export type Sequenza = engine.Sequenza;
/** Events of histories the engine has visited so far in this process: tests count work with it (engine/storia.ts). */
export const eventiVisitati = (): number => engine.LAVORO.eventi;
export type Pendenza = engine.Pendenza;
/** Whether the procedure was pending when a later version of the law took effect (engine/catalog.ts). */
export const pendenzaDi = engine.pendenzaDi;
/** The contract's fact names (what a procedure may carry: procedimenti/campi.ts). */
export { FATTI } from "../engine/vocabolario.ts";
/**
 * The canonical copy of an IR (engine/condivisione.ts): every piece equal to one another version
 * holds (texts, articles, conditions, tables) is that same object, frozen. A register's variants
 * repeat most of their IR: on the bench's 1,000 organismi, IRs held as read cost ≈ 60 MB of heap.
 */
export const irCondivisa = (r: Regolamento): Regolamento => condividi(r);

export interface Motore {
  /** Loads the language: `check`, `compile`, `format`, `readHeader` throw before it (motore() has loaded it). */
  lingua(): Promise<void>;
  /** Whether the language is loaded (for tests: a start does not load it). */
  linguaCaricata(): boolean;
  check(source: string, bases: Regolamento[]): dsl.Diagnostic[];
  compile(source: string, bases: Regolamento[]): { regolamento?: Regolamento; diagnostics: dsl.Diagnostic[] };
  format(source: string): { text?: string; diagnostics: dsl.Diagnostic[] };
  readHeader(source: string): dsl.Header | undefined;
  newCatalog(opzioni?: engine.OpzioniCatalogo): engine.Catalog;
  evaluate(p: engine.Prepared, q: Domanda): Risposta;
  /** A procedure's facts, to judge actions in order on its growing history: `evaluate`'s answers, linear work. */
  sequenza(fatti: Procedimento): engine.Sequenza;
  /** For a denial, the smallest changes that would allow the action (issue 13 § 4); [] otherwise. Outside evaluate's path. */
  perConsentire(p: engine.Prepared, q: Domanda, r: Risposta): NonNullable<Risposta["per_consentire"]>;
  /** Conformity to the law of a version (published or draft) against the catalogue's baselines (issue 13 § 1). */
  conformita(catalog: engine.Catalog, r: Regolamento): RilievoConformita[];
  diff(a: Regolamento, b: Regolamento): engine.Change[];
  /** Recorded procedures (cases without an action) under two versions, each on the baselines of its date (issue 13 § 5). */
  diffProcedimenti(catalog: engine.Catalog, a: Regolamento, b: Regolamento, casi: Caso[]): DiffCasi;
  compare(ps: engine.Prepared[], q: Domanda): { organismo: string; versione: string; risposta: Risposta }[];
  matrix(ps: engine.Prepared[], opts?: { valori?: number[] }): engine.Matrix;
  /** Files that do not compile are skipped (a colleague's half-written file must not stop the
   * server) and come back in `errori`, one line per diagnostic: `file:line:col: message`. */
  loadAll(dir?: string): Promise<{ sources: { file: string; id: string; versione: string; source: string }[]; errori: string[] }>;
  /** The files of a folder with their headers' id and version, not compiled (a file whose header does not read is in `errori`). */
  sorgenti(dir?: string): Promise<{ sources: { file: string; id: string; versione: string; source: string }[]; errori: string[] }>;
}

let caricata: { dsl: typeof dsl; load: typeof Load } | undefined;
const L = () => {
  if (!caricata) throw new Error("linguaggio non caricato: serve await motore.lingua() prima");
  return caricata.dsl;
};
const carica = async () => {
  caricata ??= { dsl: await import("../dsl/index.ts"), load: await import("../regolamenti/load.ts") };
  return caricata;
};

const MOTORE: Motore = {
  lingua: async () => { await carica(); },
  linguaCaricata: () => caricata !== undefined,
  check: (s, bases) => L().check(s, { bases }),
  compile: (s, bases) => L().compile(s, { bases }),
  format: (s) => L().format(s),
  readHeader: (s) => L().readHeader(s),
  newCatalog: (opzioni) => new engine.Catalog(opzioni),
  evaluate: (p, q) => engine.evaluate(p, q),
  sequenza: (fatti) => new engine.Sequenza(fatti),
  perConsentire: (p, q, r) => perConsentire(p, q, r),
  conformita: (catalog, r) => conformitaDi(catalog, r),
  diff: (a, b) => engine.diff(a, b),
  diffProcedimenti: (catalog, a, b, casi) => diffCasi({ a: preparatoreDi(a, catalog), b: preparatoreDi(b, catalog) }, casi, { ripercorri: true }),
  compare: (ps, q) => engine.compare(ps, q),
  matrix: (ps, o) => engine.matrix(ps, o),
  loadAll: async (dir) => (await carica()).load.loadAll(dir, { skipBroken: true }),
  sorgenti: async (dir) => (await carica()).load.leggiSorgenti(dir),
};

/** The engine, the language and the loader behind one interface. */
export async function motore(): Promise<Motore> {
  await carica();
  return MOTORE;
}

/** The same, the language not loaded yet (the server's start: `lingua()` where a route or the seed needs it). */
export function motoreSenzaLingua(): Motore {
  return MOTORE;
}
