// The one file of server/ that imports dsl/, engine/ and regolamenti/load.ts. Everything else in
// server/ speaks to `Motore` and these types, so a changed seam is a change here only.
import * as dsl from "../dsl/index.ts";
import * as engine from "../engine/index.ts";
import * as load from "../regolamenti/load.ts";
import { perConsentire } from "../engine/analisi/per-consentire.ts";
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

export interface Motore {
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

const MOTORE: Motore = {
  check: (s, bases) => dsl.check(s, { bases }),
  compile: (s, bases) => dsl.compile(s, { bases }),
  format: (s) => dsl.format(s),
  readHeader: (s) => dsl.readHeader(s),
  newCatalog: (opzioni) => new engine.Catalog(opzioni),
  evaluate: (p, q) => engine.evaluate(p, q),
  sequenza: (fatti) => new engine.Sequenza(fatti),
  perConsentire: (p, q, r) => perConsentire(p, q, r),
  conformita: (catalog, r) => conformitaDi(catalog, r),
  diff: (a, b) => engine.diff(a, b),
  diffProcedimenti: (catalog, a, b, casi) => diffCasi({ a: preparatoreDi(a, catalog), b: preparatoreDi(b, catalog) }, casi, { ripercorri: true }),
  compare: (ps, q) => engine.compare(ps, q),
  matrix: (ps, o) => engine.matrix(ps, o),
  loadAll: (dir) => load.loadAll(dir, { skipBroken: true }),
  sorgenti: (dir) => load.leggiSorgenti(dir),
};

/** The engine, the language and the loader behind one interface. */
export async function motore(): Promise<Motore> {
  return MOTORE;
}
