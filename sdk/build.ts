// `npm run build:sdk`: the offline engine as one dependency-free ESM file, sdk/dist/motore.js
// (json-logic-js bundled in), for Node and browsers. Prints its size, plain and gzipped.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const USCITA = fileURLToPath(new URL("./dist/motore.js", import.meta.url));

export async function costruisciMotore(outfile = USCITA): Promise<{ kb: number; kbGz: number }> {
  await build({
    entryPoints: [fileURLToPath(new URL("./motore.ts", import.meta.url))],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    logLevel: "error",
  });
  const file = readFileSync(outfile);
  return { kb: file.length / 1024, kbGz: gzipSync(file).length / 1024 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { kb, kbGz } = await costruisciMotore();
  console.log(`sdk/dist/motore.js: ${kb.toFixed(1)} kB, ${kbGz.toFixed(1)} kB gzip`);
}
