// `npm start` runs the server bundled by esbuild (dist/server/main.mjs), not through tsx: tsx's loader
// keeps a thread with a V8 heap of its own, and the sources and source maps it made (≈ 20 MB of RSS
// at start, 30–55 MB with 1,000 organismi: issue 15 § 1, docs/prestazioni.md). The package's modules
// stay outside the bundle (node_modules, as installed). Tests and benches that start a server process
// start this same bundle, the same way (`avvioDiNpmStart`).
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, RADICE } from "../percorsi.ts";

/** Bundle under dist/ (without .mjs) → its source. The worker is the analysis pool's (lavoro/analisi.ts). */
export const VOCI_SERVER: Record<string, string> = { "server/main": "server/main.ts", "server/lavoratore": "server/lavoro/lavoratore.ts" };

/**
 * Bundles `voci` into dist/. Each file is written under another name and renamed: servers started
 * while another process rebuilds (parallel test files) never read half a file.
 */
export async function compila(voci: Record<string, string> = VOCI_SERVER): Promise<string[]> {
  const { outputFiles } = await build({
    entryPoints: Object.fromEntries(Object.entries(voci).map(([uscita, sorgente]) => [uscita, join(RADICE, sorgente)])),
    outdir: DIST,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    // Read only with NODE_OPTIONS=--enable-source-maps (stack traces in the sources).
    sourcemap: "linked",
    write: false,
    logLevel: "error",
  });
  for (const f of outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    const provvisorio = `${f.path}.${process.pid}.tmp`;
    writeFileSync(provvisorio, f.contents);
    renameSync(provvisorio, f.path);
  }
  return outputFiles.map((f) => f.path).filter((p) => p.endsWith(".mjs"));
}

/**
 * How `npm start` runs the bundle: the last command of its script in package.json, `VAR=valore …
 * node <file>`. Read from there so that a test or a bench starts the server exactly as a user does.
 */
export function avvioDiNpmStart(): { env: Record<string, string>; file: string } {
  const { scripts } = JSON.parse(readFileSync(join(RADICE, "package.json"), "utf8")) as { scripts: { start: string } };
  const parole = scripts.start.split("&&").at(-1)!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(parole[0] ?? "")) {
    const [nome, ...valore] = parole.shift()!.split("=");
    env[nome!] = valore.join("=");
  }
  if (parole[0] !== "node" || parole.length !== 2) throw new Error(`package.json: lo script start deve finire con "node <file>", non "${parole.join(" ")}"`);
  return { env, file: join(RADICE, parole[1]!) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await compila()) console.log(`server: ${file.slice(RADICE.length + 1)}`);
}
