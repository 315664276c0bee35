// `regolamento test [scenari.yaml…]`: runs scenario files (default: all the project's); prints each
// failure with what was expected and what came, then `N passed, N failed`. Exit 1 on any failure.
import { dirname, resolve } from "node:path";
import { loadAll, findScenarioFiles, readScenarioFile, resolveRegolamento } from "../regolamenti/load.ts";
import { eseguiCaso, type Caso } from "../engine/scenari.ts";

export async function run(args: string[]): Promise<number> {
  // After a second, a progress line on stderr: rewritten in place on a terminal, once otherwise.
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let progressShown = false;
  const progress = (msg: string) => {
    if (Date.now() - started < 1000 || (progressShown && !tty)) return;
    process.stderr.write(tty ? `\r${msg}`.padEnd(70) : `${msg}…\n`);
    progressShown = true;
  };
  let catalog;
  try { catalog = (await loadAll()).catalog; } catch (e) { console.error(e instanceof Error ? e.message : String(e)); return 1; }
  const files = args.filter((a) => !a.startsWith("--"));
  const paths = files.length ? files : await findScenarioFiles();
  let passed = 0, failed = 0, done = 0, daVerificare = 0;
  for (const file of paths) {
    let casi: Caso[];
    try { casi = await readScenarioFile(file); } catch (e) {
      failed++;
      console.log(`✗ ${file}\n    ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    for (const caso of casi) {
      done++;
      progress(`scenari: ${done} casi (${file})`);
      let c = caso;
      // A case may name a regolamento file instead of an organismo id (relative to the scenario file).
      if (typeof c?.organismo === "string" && c.organismo.endsWith(".regolamento")) {
        try { c = { ...c, organismo: (await resolveRegolamento(resolve(dirname(file), c.organismo), catalog)).id }; } catch (e) {
          failed++; console.log(`✗ ${file} › ${c.nome}\n    ${e instanceof Error ? e.message : String(e)}`); continue;
        }
      }
      if (c.da_verificare === true) daVerificare++;
      const esito = eseguiCaso(catalog, c);
      if (esito.differenze.length === 0) { passed++; continue; }
      failed++;
      if (progressShown && tty) { process.stderr.write("\r".padEnd(71) + "\r"); progressShown = false; }
      console.log(`✗ ${file} › ${esito.nome}`);
      for (const d of esito.differenze) console.log(`    ${d}`);
      console.log(`    atteso:   ${JSON.stringify(c.atteso)}`);
      if (esito.risposta) {
        const r = esito.risposta;
        console.log(`    ottenuto: ${JSON.stringify({ esito: r.esito, motivi: r.motivi.map((m) => `${m.regola} (${m.cita})`), fase: r.fase, scadenze: r.scadenze.map((s) => `${s.nome}${s.parte ? `/${s.parte}` : ""} ${s.dal ?? ""}…${s.entro ?? ""}`), totale: r.indennita.totale })}`);
      }
    }
  }
  if (progressShown && tty) process.stderr.write("\n");
  if (daVerificare > 0) console.log(`${daVerificare} casi da verificare (attesi generati dal motore, non ancora confermati sul testo)`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
