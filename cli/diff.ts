// `regolamento diff <a> <b> [--json]`: semantic differences; a and b are files or id[@versione].
import { loadAll, resolveRegolamento } from "../regolamenti/load.ts";
import { diff } from "../engine/index.ts";

const SEGNO = { aggiunta: "+", rimossa: "−", modificata: "~" } as const;

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const [a, b] = args.filter((x) => !x.startsWith("--"));
  if (!a || !b) { console.error("uso: regolamento diff <a> <b> [--json]   (file .regolamento o id[@versione])"); return 2; }
  try {
    const { catalog } = await loadAll();
    const ra = await resolveRegolamento(a, catalog);
    const rb = await resolveRegolamento(b, catalog);
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
