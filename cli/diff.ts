// `regolamento diff <a> <b> [--json] [--casi <dir|file…>]`: semantic differences; a and b are files or
// id[@versione]. With `--casi`, every case of the scenario files there is evaluated under both and
// what changes is listed (outcomes, deadlines, fees per voce, with the total per voce).
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { loadAll, readScenarioFile, resolveRegolamento } from "../regolamenti/load.ts";
import { diff, type Catalog, type Regolamento } from "../engine/index.ts";
import { readHeader } from "../dsl/index.ts";
import { analizza } from "../dsl/analizza.ts";
import { readFile } from "node:fs/promises";
import { diffCasi, preparatoreDi, type DiffCasi } from "../engine/analisi/diff-casi.ts";
import type { Caso } from "../engine/scenari.ts";
import { eur } from "./formato.ts";

const SEGNO = { aggiunta: "+", rimossa: "−", modificata: "~" } as const;

/** A file is compiled on its own (not added to the catalogue: a draft may carry the published version's number). */
async function regolamentoDi(spec: string, catalog: Catalog): Promise<Regolamento> {
  if (!spec.endsWith(".regolamento")) return resolveRegolamento(spec, catalog);
  const source = await readFile(spec, "utf8");
  const h = readHeader(source);
  const bases = h ? catalog.bases({ id: h.id, applica: h.applica } as Regolamento, h.inVigoreDal) : [];
  const { regolamento, diagnostics } = analizza(source, { bases });
  // A draft is compared even with the findings of the analysis (E1xx): they are what the diff helps to judge.
  const errori = diagnostics.filter((d) => d.severity === "error");
  for (const d of errori) process.stderr.write(`${spec}:${d.line}:${d.col}: ${d.code} ${d.message}\n`);
  if (!regolamento || errori.some((d) => !/^E1\d\d$/.test(d.code))) throw new Error(`${spec} non compila:\n${diagnostics.filter((d) => d.severity === "error").map((d) => `${spec}:${d.line}:${d.col}: ${d.code} ${d.message}`).join("\n")}`);
  return regolamento;
}

async function casiDa(percorsi: string[]): Promise<Caso[]> {
  const out: Caso[] = [];
  for (const x of percorsi) {
    const s = await stat(x);
    const files = s.isDirectory() ? (await readdir(x, { recursive: true })).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(x, f)) : [x];
    for (const f of files) out.push(...(await readScenarioFile(f)));
  }
  return out;
}

const fin = (w?: { dal?: string; entro?: string }) => (w ? `${w.dal ? `dal ${w.dal} ` : ""}${w.entro ? `entro ${w.entro}` : ""}`.trim() || "aperto" : "assente");

export function testoCasi(d: DiffCasi): string {
  const out = [`${d.casi} casi: ${d.cambiati.length} cambiano, ${d.invariati} invariati`];
  for (const c of d.cambiati) {
    out.push(`• ${c.caso}`);
    if (c.esito) out.push(`    esito: ${c.esito.prima ?? "—"} → ${c.esito.dopo ?? "—"}${c.esito.motivi_dopo.length ? ` (${c.esito.motivi_dopo.join("; ")})` : ""}`);
    for (const s of c.scadenze) out.push(`    termine ${s.nome}${s.parte ? ` (${s.parte})` : ""}: ${fin(s.prima)} → ${fin(s.dopo)}${s.cita ? ` [${s.cita}]` : ""}`);
    for (const v of c.indennita) out.push(`    ${v.voce} (${v.parte}): ${v.prima === null ? "—" : eur(v.prima)} → ${v.dopo === null ? "—" : eur(v.dopo)}${v.differenza !== null ? ` (${v.differenza >= 0 ? "+" : ""}${eur(v.differenza)})` : ""}${v.cita ? ` [${v.cita}]` : ""}`);
  }
  if (d.totali_per_voce.length) {
    out.push("differenza delle indennità per voce (somma su casi e parti, IVA esclusa):");
    for (const t of d.totali_per_voce) out.push(`  ${t.voce}: ${t.differenza >= 0 ? "+" : ""}${eur(t.differenza)} in ${t.casi} casi`);
  }
  return out.join("\n");
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const i = args.indexOf("--casi");
  const casiArg = i >= 0 ? args.slice(i + 1).filter((x) => !x.startsWith("--")) : [];
  const [a, b] = (i >= 0 ? args.slice(0, i) : args).filter((x) => !x.startsWith("--"));
  if (!a || !b || (i >= 0 && casiArg.length === 0)) { console.error("uso: regolamento diff <a> <b> [--json] [--casi <cartella o file di scenari…>]   (file .regolamento o id[@versione])"); return 2; }
  try {
    const { catalog } = await loadAll();
    const ra = await regolamentoDi(a, catalog);
    const rb = await regolamentoDi(b, catalog);
    if (i >= 0) {
      const d = diffCasi({ a: preparatoreDi(ra, catalog), b: preparatoreDi(rb, catalog) }, await casiDa(casiArg));
      console.log(json ? JSON.stringify(d, null, 2) : `${ra.id} ${ra.versione} → ${rb.id} ${rb.versione}\n${testoCasi(d)}`);
      return 0;
    }
    const changes = diff(ra, rb);
    if (json) { console.log(JSON.stringify(changes, null, 2)); return 0; }
    console.log(`${ra.id} ${ra.versione} → ${rb.id} ${rb.versione}: ${changes.length} differenze`);
    for (const c of changes) console.log(`${SEGNO[c.kind]} ${c.descrizione}`);
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
