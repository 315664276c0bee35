// `regolamento <subcommand> …`: one file per subcommand, each exporting `run(args): Promise<exit code>`.
const COMANDI: Record<string, string> = {
  check: "./check.ts",
  fmt: "./fmt.ts",
  compile: "./compile.ts",
  eval: "./eval.ts",
  test: "./test.ts",
  diff: "./diff.ts",
  compare: "./compare.ts",
  chiavi: "./chiavi.ts",
  importa: "./importa.ts",
  "genera-scenari": "./genera-scenari.ts",
  conformita: "./conformita.ts",
};

const USO = `uso: regolamento <comando> [opzioni]
  check <file…>                      diagnostica (file:riga:col: codice messaggio)
  fmt [--check|--write] <file…>      formattazione canonica
  compile <file> [--json]            la forma compilata (IR)
  eval <organismo|file> <domanda>    risponde a una domanda (JSON o YAML)
  test <scenari…>                    esegue file di scenari
  diff <a> <b> [--casi <dir>]        differenza semantica; con --casi, i casi valutati con entrambi
  compare <file…> --caso <domanda>   una domanda, più organismi
  genera-scenari <file|id> --out <dir>  scenari ai confini delle regole (attesi da verificare)
  conformita <file|id> [--json]      le deroghe alla legge che la legge non ammette, con controesempi
  importa <testo.txt> --id <id>      scheletro di un regolamento dal suo testo (e copertura allo 0%)
  chiavi crea --organismo <id> --ruolo <ruolo> [--parte <id>] --server <url>`;

const [comando, ...args] = process.argv.slice(2);
const modulo = comando ? COMANDI[comando] : undefined;
if (!modulo) {
  console.error(comando && comando !== "--help" ? `comando sconosciuto: ${comando}\n${USO}` : USO);
  process.exit(comando === "--help" ? 0 : 2);
}
const { run } = (await import(modulo)) as { run: (args: string[]) => Promise<number> };
process.exitCode = await run(args);
