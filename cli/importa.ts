// `regolamento importa <testo.txt> --id <id>`: a regolamento's plain text → a skeleton `.regolamento`
// (every articolo / comma / lettera with its words, `# da codificare`, fee tables as drafts) and its
// coverage table at 0%. Refuses to overwrite a file unless --forza.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { importa } from "../dsl/importa/index.ts";
import { check } from "../dsl/index.ts";

const USO = "uso: regolamento importa <testo.txt> --id <id> [--nome \"…\"] [--in-vigore-dal AAAA-MM-GG] [--out regolamenti] [--copertura docs/copertura] [--forza]";

/** Today in Europe/Rome, as an ISO date. */
const oggi = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome" }).format(new Date());

export async function run(args: string[]): Promise<number> {
  let a;
  try {
    a = parseArgs({ args, allowPositionals: true, options: {
      id: { type: "string" }, nome: { type: "string" }, "in-vigore-dal": { type: "string" },
      out: { type: "string", default: "regolamenti" }, copertura: { type: "string", default: "docs/copertura" }, forza: { type: "boolean", default: false },
    } });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USO}`);
    return 2;
  }
  const [file] = a.positionals;
  const id = a.values.id;
  if (!file || !id) { console.error(USO); return 2; }
  if (!/^[\p{L}\p{N}_-]+$/u.test(id)) { console.error(`id non valido: "${id}" (lettere, cifre, _ e -)`); return 2; }
  const data = a.values["in-vigore-dal"] ?? oggi();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data)) { console.error(`--in-vigore-dal: atteso AAAA-MM-GG, trovato "${data}"`); return 2; }

  let testo: string;
  try { testo = await readFile(file, "utf8"); } catch (e) { console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`); return 1; }
  const r = importa(testo, { id, inVigoreDal: data, origine: path.basename(file), ...(a.values.nome ? { nome: a.values.nome } : {}) });
  const destinazioni = [path.join(a.values.out, `${id}.regolamento`), path.join(a.values.copertura, `${id}.md`)] as const;
  const esistenti = destinazioni.filter((d) => existsSync(d));
  if (esistenti.length && !a.values.forza) { console.error(`esiste già: ${esistenti.join(", ")} (--forza per sovrascrivere)`); return 1; }
  for (const [dest, contenuto] of [[destinazioni[0], r.sorgente], [destinazioni[1], r.copertura]] as const) {
    await mkdir(path.dirname(dest), { recursive: true });
    await writeFile(dest, contenuto);
  }
  const commi = r.struttura.articoli.reduce((n, x) => n + x.commi.length, 0);
  const errori = check(r.sorgente).filter((d) => d.severity === "error");
  console.log(`${destinazioni[0]}: ${r.struttura.articoli.length} articoli, ${commi} commi, ${r.struttura.lettere.length + r.struttura.articoli.reduce((n, x) => n + x.lettere.length + x.commi.reduce((m, c) => m + c.lettere.length, 0), 0)} lettere, ${r.tabelle.length} tabelle di tariffa in bozza`);
  console.log(`${destinazioni[1]}: copertura 0%`);
  if (errori.length) {
    for (const d of errori) console.error(`${destinazioni[0]}:${d.line}:${d.col}: ${d.code} ${d.message}`);
    return 1;
  }
  return 0;
}
