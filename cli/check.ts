// `regolamento check <file…>`: prints `file:line:col: code message` per diagnostic; exit 1 on any error.
// A clean run prints one line: "3 file, nessun errore" (with the warnings counted, if any).
// Files that apply baselines are checked against them (regolamenti/normativa/*.regolamento, the
// version in force at the file's `in vigore dal`), so cross-file references are verified.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { RADICE } from "../percorsi.ts";
import { compile, readHeader, type Diagnostic } from "../dsl/index.ts";
import { prepare } from "../engine/prepare.ts";
import { risolviBasi, type FonteBase } from "../dsl/basi.ts";
import type { Regolamento } from "../engine/ir.ts";
import { salti } from "../engine/analisi/coerenza.ts";
import { conformitaDi, type RilievoConformita } from "../engine/analisi/conformita.ts";
import { loadAll } from "../regolamenti/load.ts";
import type { Catalog } from "../engine/catalog.ts";

const NORMATIVA = path.join(RADICE, "regolamenti", "normativa");

/** The baseline sources (`--basi <dir>` or regolamenti/normativa/). */
export async function fontiBasi(dir = NORMATIVA): Promise<FonteBase[]> {
  let nomi: string[];
  try {
    nomi = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".regolamento"));
  } catch {
    return [];
  }
  return Promise.all(nomi.sort().map(async (n) => ({ file: path.resolve(dir, n), source: await readFile(path.resolve(dir, n), "utf8") })));
}

/** The applied baselines of a source (none when it applies none); problems are printed to stderr. */
export function basiPer(source: string, file: string, fonti: FonteBase[]): Regolamento[] | undefined {
  const h = readHeader(source);
  if (!h || h.applica.length === 0) return undefined;
  const { bases, problemi } = risolviBasi(h, fonti, path.resolve(file));
  for (const p of problemi) process.stderr.write(`${file}: base: ${p}\n`);
  // With a baseline missing, cross-file checks would report false errors: check the file alone.
  return problemi.length ? undefined : bases;
}

/** Files named, with folders expanded to the `.regolamento` files they contain. */
export async function espandi(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const s = await stat(a).catch(() => undefined);
    if (s?.isDirectory()) {
      const nomi = (await readdir(a, { recursive: true })).filter((f) => f.endsWith(".regolamento")).sort();
      out.push(...nomi.map((n) => path.join(a, n)));
    } else out.push(a);
  }
  return out;
}

/** The file's text, or undefined after saying on stderr why it cannot be read. */
export async function leggiSorgente(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    console.error(`${file}: impossibile leggere il file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return undefined;
  }
}

export function riga(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.col}: ${d.code} ${d.severity === "warning" ? "avviso: " : ""}${d.message}`;
}

/** Splits `--basi <dir>` off the arguments. */
export function opzioneBasi(args: string[]): { files: string[]; basi?: string } {
  const i = args.indexOf("--basi");
  if (i < 0) return { files: args };
  const basi = args[i + 1];
  return basi ? { files: [...args.slice(0, i), ...args.slice(i + 2)], basi } : { files: args.slice(0, i) };
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const { files: nomi, basi } = opzioneBasi(args.filter((a) => a !== "--json"));
  if (nomi.length === 0 || nomi.includes("--help")) {
    console.error("uso: regolamento check [--json] [--basi <cartella>] <file o cartella…>");
    return 2;
  }
  const files = await espandi(nomi);
  const fonti = await fontiBasi(basi);
  let errori = 0;
  let avvisi = 0;
  let illeggibili = 0;
  const perFile: unknown[] = [];
  let catalogo: Catalog | undefined;
  for (const file of files) {
    const source = await leggiSorgente(file);
    if (source === undefined) { illeggibili++; continue; }
    const bases = basiPer(source, file, fonti);
    const { regolamento, diagnostics: diags } = compile(source, bases ? { bases } : {});
    if (!json) for (const d of diags) console.log(riga(file, d));
    errori += diags.filter((d) => d.severity === "error").length;
    avvisi += diags.filter((d) => d.severity === "warning").length;
    // What only merging with the baselines shows (an exception following a replaced rule…).
    if (regolamento && !diags.some((d) => d.severity === "error")) {
      for (const a of prepare(regolamento, bases ?? []).avvisi) { if (!json) console.log(`${file}: avviso: ${a}`); avvisi++; }
    }
    // Conformity to the law (issue 13 § 1), when the file applies the project's baselines.
    let conformi: RilievoConformita[] = [];
    if (regolamento && !basi && bases?.length && !diags.some((d) => d.severity === "error")) {
      catalogo ??= (await loadAll()).catalog;
      conformi = conformitaDi(catalogo, regolamento);
      for (const x of conformi) {
        if (!json) console.log(`${file}:${(x.regola && regolamento.regole.find((g) => g.nome === x.regola!.nome)?.riga) ?? 1}:1: ${x.codice} ${x.gravita === "avviso" ? "avviso: " : ""}${x.messaggio}`);
        if (x.gravita === "errore") errori++; else avvisi++;
      }
    }
    // The jumps of every fee table at each limit (issue 13 § 2): what a Responsabile checks for typos.
    if (json) perFile.push({ file, diagnostics: diags, conformita: conformi, salti: regolamento ? regolamento.regole.flatMap((r) => (r.tipo === "tariffa" ? salti(r) : [])) : [] });
  }
  if (json) console.log(JSON.stringify(perFile, null, 2));
  if (illeggibili || errori) console.error(`${files.length} file, ${errori} errori, ${avvisi} avvisi`);
  // Success is one line on stdout, so a clean run says so rather than nothing.
  else if (!json) console.log(`${files.length} file, nessun errore${avvisi ? `, ${avvisi} ${avvisi === 1 ? "avviso" : "avvisi"}` : ""}`);
  return illeggibili ? 2 : errori ? 1 : 0;
}
