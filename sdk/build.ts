// `npm run build:sdk`: two dependency-free ESM files for Node and browsers, each printed with its size
// (plain and gzipped): the offline engine, sdk/dist/motore.js (json-logic-js bundled in), and the typed
// client of the HTTP API, sdk/dist/client.js (hono/client bundled in; the server is imported as types
// only, so none of its code is in it).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const USCITA = fileURLToPath(new URL("./dist/motore.js", import.meta.url));
export const USCITA_CLIENT = fileURLToPath(new URL("./dist/client.js", import.meta.url));

async function impacchetta(sorgente: string, outfile: string, conditions: string[] = []): Promise<{ kb: number; kbGz: number }> {
  await build({
    entryPoints: [fileURLToPath(new URL(sorgente, import.meta.url))],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions,
    target: "es2022",
    minify: true,
    legalComments: "eof",
    logLevel: "error",
  });
  const file = readFileSync(outfile);
  return { kb: file.length / 1024, kbGz: gzipSync(file).length / 1024 };
}

// lru-cache's browser build: its default one imports node:diagnostics_channel when it can (for
// tracing we do not use), which would make the file import something.
export const costruisciMotore = (outfile = USCITA) => impacchetta("./motore.ts", outfile, ["browser"]);
export const costruisciClient = (outfile = USCITA_CLIENT) => impacchetta("./client.ts", outfile);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [nome, costruisci] of [["motore", costruisciMotore], ["client", costruisciClient]] as const) {
    const { kb, kbGz } = await costruisci();
    console.log(`sdk/dist/${nome}.js: ${kb.toFixed(1)} kB, ${kbGz.toFixed(1)} kB gzip`);
  }
}
