// `regolamento fmt [--check|--write] <file…>`: the canonical layout. Default prints the formatted
// text; --check exits 1 when a file would change (and says "3 file già formattati" when none would);
// --write rewrites files in place.
import { writeFile } from "node:fs/promises";
import { format } from "../dsl/index.ts";
import { espandi, leggiSorgente, riga } from "./check.ts";

export async function run(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const write = args.includes("--write");
  const nomi = args.filter((a) => a !== "--check" && a !== "--write");
  if (nomi.length === 0 || (check && write) || nomi.some((f) => f.startsWith("--"))) {
    console.error("uso: regolamento fmt [--check|--write] <file o cartella…>");
    return 2;
  }
  const files = await espandi(nomi);
  let esito = 0;
  let daFormattare = 0;
  for (const file of files) {
    const source = await leggiSorgente(file);
    if (source === undefined) { esito = 2; continue; }
    const { text, diagnostics } = format(source);
    if (text === undefined) {
      for (const d of diagnostics) console.error(riga(file, d));
      console.error(`${file}: non formattato: correggi prima gli errori di sintassi`);
      esito = Math.max(esito, 1);
      continue;
    }
    if (check) {
      if (text !== source) {
        console.log(`${file}: da formattare`);
        daFormattare++;
        esito = Math.max(esito, 1);
      }
    } else if (write) {
      if (text !== source) {
        await writeFile(file, text, "utf8");
        console.error(`${file}: formattato`);
      }
    } else process.stdout.write(text);
  }
  // --check: one line that says the outcome ("3 file già formattati").
  if (check && esito === 0) console.log(`${files.length} file già ${files.length === 1 ? "formattato" : "formattati"}`);
  else if (check && daFormattare) console.error(`${daFormattare} di ${files.length} file da formattare`);
  return esito;
}
