// `regolamento genera-scenari <file|id> --out <dir>`: boundary scenarios from the rules (engine/analisi/genera.ts),
// one YAML file per regolamento, every case `da_verificare: true` until a reader confirms it.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { loadAll, resolveRegolamento } from "../regolamenti/load.ts";
import { generaScenari } from "../engine/analisi/genera.ts";

const USO = "uso: regolamento genera-scenari <organismo|file.regolamento> --out <cartella>";

export async function run(args: string[]): Promise<number> {
  let a;
  try {
    a = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" } } });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USO}`);
    return 2;
  }
  const [spec] = a.positionals;
  if (!spec || !a.values.out) { console.error(USO); return 2; }
  try {
    const { catalog } = await loadAll();
    const r = await resolveRegolamento(spec, catalog);
    const casi = generaScenari(catalog, r.id, { versione: r.versione });
    await mkdir(a.values.out, { recursive: true });
    const file = path.join(a.values.out, `${r.id}-confini.yaml`);
    const intestazione = [
      `# Scenari ai confini generati da \`regolamento genera-scenari\` per ${r.id} ${r.versione}: ${casi.length} casi.`,
      "# L'atteso di ogni caso è la risposta attuale del motore (da_verificare: true): chi legge il testo lo conferma",
      "# (togliendo da_verificare) o lo corregge. `perche` dice quale regola e quale soglia il caso mette alla prova.",
      "",
    ].join("\n");
    await writeFile(file, intestazione + stringify(casi, { lineWidth: 0 }));
    console.log(`${file}: ${casi.length} casi da verificare`);
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
