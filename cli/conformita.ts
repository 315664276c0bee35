// `regolamento conformita <file|id[@versione]> [--json]`: the departures from the law the law does
// not allow, each with a counterexample (a question both answer differently), and the warnings
// (every `sostituisce` of a law rule, every law rule never reached). Exit 1 on a finding of gravity
// `errore`.
import { loadAll, resolveRegolamento } from "../regolamenti/load.ts";
import { conformita, descriviControesempio, type RilievoConformita } from "../engine/analisi/conformita.ts";

export function testoRilievo(x: RilievoConformita): string {
  const c = descriviControesempio(x);
  return `${x.codice} ${x.gravita === "avviso" ? "avviso: " : ""}${x.messaggio}${c ? `\n    controesempio: ${c}` : ""}`;
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const [spec] = args.filter((a) => !a.startsWith("--"));
  if (!spec) { console.error("uso: regolamento conformita <file.regolamento|id[@versione]> [--json]"); return 2; }
  try {
    const { catalog } = await loadAll();
    const r = await resolveRegolamento(spec, catalog);
    const rilievi = conformita(catalog, r.id, { versione: r.versione });
    if (json) console.log(JSON.stringify(rilievi, null, 2));
    else {
      console.log(`${r.id} ${r.versione}: ${rilievi.filter((x) => x.gravita === "errore").length} errori, ${rilievi.filter((x) => x.gravita === "avviso").length} avvisi`);
      for (const x of rilievi) console.log(testoRilievo(x));
    }
    return rilievi.some((x) => x.gravita === "errore") ? 1 : 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
}
