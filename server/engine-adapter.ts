// The one file of server/ that imports dsl/ and engine/ (and regolamenti/load.ts). Everything else in
// server/ speaks to `Motore`, so wiring a changed seam is a change here only.
import * as dsl from "../dsl/index.ts";
import * as engine from "../engine/index.ts";
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

/** Loads regolamenti/load.ts once (dsl/ and engine/ are imported statically above). */
export function motore(): Promise<Motore> {
  caricato ??= carica();
  return caricato;
}

async function carica(): Promise<Motore> {
  return {
    check: (s, bases) => dsl.check(s, { bases }),
    compile: (s, bases) => dsl.compile(s, { bases }),
    format: (s) => dsl.format(s),
    readHeader: (s) => dsl.readHeader(s),
    newCatalog: () => new engine.Catalog(),
    evaluate: (p, q) => engine.evaluate(p as engine.Prepared, q),
    diff: (a, b) => engine.diff(a, b),
    compare: (ps, q) => engine.compare(ps as engine.Prepared[], q),
    matrix: (ps, o) => engine.matrix(ps as engine.Prepared[], o),
    loadAll: await caricatore(),
  };
}

/** regolamenti/load.ts when it exists; until then the same walk of regolamenti/**\/*.regolamento. */
async function caricatore(): Promise<Motore["loadAll"]> {
  const percorso = "../regolamenti/load.ts";
  try {
    const m = (await import(percorso)) as { loadAll: Motore["loadAll"] };
    if (typeof m.loadAll === "function") return (dir) => m.loadAll(dir);
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw e;
  }
  const { readdir, readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  return async (dir) => {
    const radice = dir ?? fileURLToPath(new URL("../regolamenti", import.meta.url));
    const file = (await readdir(radice, { recursive: true })).filter((f) => f.endsWith(".regolamento")).sort();
    const sources = [];
    for (const f of file) {
      const source = await readFile(join(radice, f), "utf8");
      const h = dsl.readHeader(source);
      if (h) sources.push({ file: join(radice, f), id: h.id, versione: h.versione, source });
    }
    return { sources };
  };
}
