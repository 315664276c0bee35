// The one file of server/ that imports dsl/ and engine/ (and regolamenti/load.ts). Everything else in
// server/ speaks to `Motore`, so wiring a changed seam is a change here only.
import type { Regolamento } from "../engine/ir.ts";
import type { Domanda, Risposta } from "../engine/contract.ts";

export type { Regolamento } from "../engine/ir.ts";
export type { Domanda, Risposta, Azione, Procedimento } from "../engine/contract.ts";

// Shapes of docs/architettura.md ("Module APIs").
export interface Diagnostic {
  code: string;
  severity: "error" | "warning";
  message: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}
export interface Change {
  kind: "aggiunta" | "rimossa" | "modificata";
  regola: string;
  tipo: string;
  descrizione: string;
  cita_prima?: string;
  cita_dopo?: string;
  fonte: string;
}
export interface Matrix {
  argomenti: { chiave: string; titolo: string }[];
  organismi: { id: string; nome: string }[];
  celle: Record<string, Record<string, { valore: string; cita?: string; fonte?: string }>>;
}
export interface Header {
  id: string;
  versione: string;
  inVigoreDal: string;
  applica: string[];
}
/** Opaque: what `prepare` returns. */
export type Prepared = { readonly __prepared?: never } & object;

export interface Catalog {
  add(r: Regolamento): void;
  remove(id: string, versione: string): void;
  versions(id: string): Regolamento[];
  inForce(id: string, date: string): Regolamento | undefined;
  prepared(id: string, at: { date?: string; versione?: string }): Prepared;
  bases(r: Regolamento, date: string): Regolamento[];
  invalidate(id?: string): void;
}

export interface Motore {
  check(source: string, bases: Regolamento[]): Diagnostic[];
  compile(source: string, bases: Regolamento[]): { regolamento?: Regolamento; diagnostics: Diagnostic[] };
  format(source: string): { text?: string; diagnostics: Diagnostic[] };
  readHeader(source: string): Header | undefined;
  newCatalog(): Catalog;
  evaluate(p: Prepared, q: Domanda): Risposta;
  diff(a: Regolamento, b: Regolamento): Change[];
  compare(ps: Prepared[], q: Domanda): { organismo: string; versione: string; risposta: Risposta }[];
  matrix(ps: Prepared[], opts?: { valori?: number[] }): Matrix;
  loadAll(dir?: string): Promise<{ sources: { file: string; id: string; versione: string; source: string }[] }>;
}

let caricato: Promise<Motore> | undefined;

/** Loads dsl/, engine/ and regolamenti/load.ts once. */
export function motore(): Promise<Motore> {
  caricato ??= carica();
  return caricato;
}

async function carica(): Promise<Motore> {
  // Paths in variables: the modules are written in parallel with this one and may not exist yet.
  const pDsl = "../dsl/index.ts";
  const pEngine = "../engine/index.ts";
  const pLoad = "../regolamenti/load.ts";
  const dsl = (await import(pDsl)) as {
    check(s: string, o?: { bases?: Regolamento[] }): Diagnostic[];
    compile(s: string, o?: { bases?: Regolamento[] }): { regolamento?: Regolamento; diagnostics: Diagnostic[] };
    format(s: string): { text?: string; diagnostics: Diagnostic[] };
    readHeader(s: string): Header | undefined;
  };
  const engine = (await import(pEngine)) as {
    Catalog: new () => Catalog;
    evaluate(p: Prepared, q: Domanda): Risposta;
    diff(a: Regolamento, b: Regolamento): Change[];
    compare(ps: Prepared[], q: Domanda): { organismo: string; versione: string; risposta: Risposta }[];
    matrix(ps: Prepared[], opts?: { valori?: number[] }): Matrix;
  };
  const load = (await import(pLoad)) as Motore["loadAll"] extends infer F ? { loadAll: F } : never;
  return {
    check: (s, bases) => dsl.check(s, { bases }),
    compile: (s, bases) => dsl.compile(s, { bases }),
    format: (s) => dsl.format(s),
    readHeader: (s) => dsl.readHeader(s),
    newCatalog: () => new engine.Catalog(),
    evaluate: (p, q) => engine.evaluate(p, q),
    diff: (a, b) => engine.diff(a, b),
    compare: (ps, q) => engine.compare(ps, q),
    matrix: (ps, o) => engine.matrix(ps, o),
    loadAll: (dir) => load.loadAll(dir),
  };
}
