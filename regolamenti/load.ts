// Loads the project's regolamenti (effects: reads the folder). Baselines first (normativa/, and
// any file another applies), each compiled with the versions of its own bases in force at its
// date; then the organismi. A file that does not compile stops the load with every diagnostic.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { RADICE } from "../percorsi.ts";
import { compile, readHeader } from "../dsl/index.ts";
import { Catalog } from "../engine/catalog.ts";
import type { Regolamento } from "../engine/ir.ts";
import type { Caso } from "../engine/scenari.ts";

export const REGOLAMENTI_DIR = join(RADICE, "regolamenti");
export const ROOT_DIR = RADICE;

async function walk(dir: string, accept: (f: string) => boolean, out: string[] = []): Promise<string[]> {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== "node_modules" && !e.name.startsWith(".")) await walk(p, accept, out); }
    else if (accept(p)) out.push(p);
  }
  return out;
}

interface Source { file: string; id: string; versione: string; source: string; inVigoreDal: string; applica: string[] }

/**
 * `opts.skipBroken`: load what compiles and return the diagnostics of the rest in `errori`
 * instead of throwing (for tools that must start while a colleague's file is half-written).
 */
export async function loadAll(dir: string = REGOLAMENTI_DIR, opts: { skipBroken?: boolean } = {}): Promise<{ sources: { file: string; id: string; versione: string; source: string }[]; catalog: Catalog; errori: string[] }> {
  const files = await walk(dir, (f) => f.endsWith(".regolamento"));
  const catalog = new Catalog();
  const problems: string[] = [];
  const pending: Source[] = [];
  for (const file of files) {
    const source = await readFile(file, "utf8");
    const h = readHeader(source);
    const rel = relative(process.cwd(), file) || file;
    if (!h) {
      const d = compile(source).diagnostics.filter((x) => x.severity === "error");
      problems.push(...(d.length ? d.map((x) => `${rel}:${x.line}:${x.col}: ${x.code} ${x.message}`) : [`${rel}:1:1: intestazione illeggibile (regolamento <id> "<nome>" versione … in vigore dal …)`]));
      continue;
    }
    pending.push({ file: rel, source, ...h });
  }
  // Baselines are the ids some file applies (and everything under normativa/): they go first,
  // in dependency order; a file is compiled once every id it applies is in the catalogue.
  const provided = new Set(pending.map((s) => s.id));
  const isBase = (s: Source) => s.file.includes("normativa") || pending.some((o) => o.applica.includes(s.id));
  pending.sort((a, b) => Number(isBase(b)) - Number(isBase(a)) || a.inVigoreDal.localeCompare(b.inVigoreDal));
  const done = new Set<string>();
  const failed = new Set<string>();
  const sources: { file: string; id: string; versione: string; source: string }[] = [];
  while (pending.length) {
    let i = pending.findIndex((s) => s.applica.every((id) => !provided.has(id) || done.has(id) || failed.has(id) || id === s.id));
    if (i < 0) i = 0; // a cycle of applica: compile anyway, the checker reports what is missing
    const s = pending.splice(i, 1)[0]!;
    if (pending.every((o) => o.id !== s.id)) done.add(s.id);
    const bases = catalog.bases({ id: s.id, applica: s.applica } as Regolamento, s.inVigoreDal);
    const { regolamento, diagnostics } = compile(s.source, { bases });
    if (!regolamento) {
      failed.add(s.id);
      problems.push(...diagnostics.filter((x) => x.severity === "error").map((x) => `${s.file}:${x.line}:${x.col}: ${x.code} ${x.message}`));
      continue;
    }
    catalog.add(regolamento);
    sources.push({ file: s.file, id: regolamento.id, versione: regolamento.versione, source: s.source });
  }
  if (problems.length && !opts.skipBroken) throw new Error(`regolamenti che non compilano:\n${problems.join("\n")}`);
  return { sources, catalog, errori: problems };
}

/**
 * The regolamenti of a folder read, not compiled: each file with its header's id and version (a
 * server start compares them with the versions it has, and compiles only the missing ones). A file
 * whose header does not read comes back in `errori` (`file:line:col: message`).
 */
export async function leggiSorgenti(dir: string = REGOLAMENTI_DIR): Promise<{ sources: { file: string; id: string; versione: string; source: string }[]; errori: string[] }> {
  const sources: { file: string; id: string; versione: string; source: string }[] = [];
  const errori: string[] = [];
  for (const file of await walk(dir, (f) => f.endsWith(".regolamento"))) {
    const source = await readFile(file, "utf8");
    const h = readHeader(source);
    const rel = relative(process.cwd(), file) || file;
    if (!h) {
      const d = compile(source).diagnostics.filter((x) => x.severity === "error");
      errori.push(...(d.length ? d.map((x) => `${rel}:${x.line}:${x.col}: ${x.code} ${x.message}`) : [`${rel}:1:1: intestazione illeggibile`]));
      continue;
    }
    sources.push({ file: rel, id: h.id, versione: h.versione, source });
  }
  return { sources, errori };
}

// ── scenario files ──────────────────────────────────────────────────────────────────────────

/** Every scenario file of the project: regolamenti/**\/scenari/ and test/scenari/. */
export async function findScenarioFiles(root: string = ROOT_DIR): Promise<string[]> {
  const isScen = (f: string) => /\.(ya?ml|json)$/.test(f);
  const a = await walk(join(root, "regolamenti"), (f) => isScen(f) && /[\\/]scenari[\\/]/.test(f));
  const b = await walk(join(root, "test", "scenari"), isScen);
  return [...a, ...b];
}

/** A scenario file's cases; throws with the file name when it is not a YAML/JSON list. */
export async function readScenarioFile(file: string): Promise<Caso[]> {
  const text = await readFile(file, "utf8");
  let data: unknown;
  try { data = parseYaml(text); } catch (e) { throw new Error(`${file}: YAML non valido: ${e instanceof Error ? e.message : String(e)}`); }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new Error(`${file}: un file di scenari è una lista di casi`);
  return data as Caso[];
}

// ── for the command line: a regolamento named by id, id@versione or file; a question file ────

/** A question (or any JSON/YAML document) from a file. */
export async function readDocument(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try { return parseYaml(text); } catch (e) { throw new Error(`${file}: JSON/YAML non valido: ${e instanceof Error ? e.message : String(e)}`); }
}

/**
 * `velletri`, `velletri@2024.1` or `path/to/file.regolamento` → the regolamento (a file is
 * compiled with the catalogue's baselines in force at its date, and added to the catalogue).
 */
export async function resolveRegolamento(spec: string, catalog: Catalog, date?: string): Promise<Regolamento> {
  if (spec.endsWith(".regolamento")) {
    const source = await readFile(spec, "utf8");
    const h = readHeader(source);
    const bases = h ? catalog.bases({ id: h.id, applica: h.applica } as Regolamento, date ?? h.inVigoreDal) : [];
    const { regolamento, diagnostics } = compile(source, { bases });
    if (!regolamento) throw new Error(`${spec} non compila:\n${diagnostics.filter((d) => d.severity === "error").map((d) => `${spec}:${d.line}:${d.col}: ${d.code} ${d.message}`).join("\n")}`);
    catalog.add(regolamento);
    return regolamento;
  }
  const [id, versione] = spec.split("@") as [string, string | undefined];
  const list = catalog.versions(id);
  if (list.length === 0) throw new Error(`regolamento sconosciuto: ${id} (noti: ${catalog.ids().join(", ")})`);
  if (versione !== undefined) {
    const r = list.find((x) => x.versione === versione);
    if (!r) throw new Error(`${id}: versione sconosciuta ${versione} (versioni: ${list.map((x) => x.versione).join(", ")})`);
    return r;
  }
  return (date ? catalog.inForce(id, date) : undefined) ?? list[list.length - 1]!;
}
