// Where the package's own files are, whether the code runs from its sources (tsx: this file is
// percorsi.ts at the root) or bundled (`npm start`: dist/server/main.mjs, server/compila.ts). A path
// written relative to import.meta.url would point elsewhere once bundled, so every file the server
// reads at run time (regolamenti, migrations, the editor's build, the analysis worker) starts here.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder up from this code's file that holds a package.json: the repository's root. */
function radice(da: string): string {
  for (let d = da; ; d = dirname(d)) {
    if (existsSync(join(d, "package.json"))) return d;
    if (dirname(d) === d) throw new Error(`package.json non trovato sopra ${da}`);
  }
}

export const RADICE = radice(dirname(fileURLToPath(import.meta.url)));
/** True under tsx (this file is TypeScript), false in the bundle. */
export const DA_SORGENTE = import.meta.url.endsWith(".ts");
/** Where `server/compila.ts` writes the bundles. */
export const DIST = join(RADICE, "dist");
