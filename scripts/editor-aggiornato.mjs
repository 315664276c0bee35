#!/usr/bin/env node
// `npm start`: builds the editor only when editor/dist is missing or older than a file it is built
// from (editor/, dsl/, engine/, package-lock.json). `--controlla` only says whether it is up to date
// (exit 0) or not (exit 1), building nothing.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const radice = fileURLToPath(new URL("..", import.meta.url));

/** The newest mtime under `percorso`, skipping editor/dist, node_modules and tests. */
function piuRecente(percorso) {
  const st = statSync(percorso, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return /\.test\.ts$/.test(percorso) ? 0 : st.mtimeMs;
  let max = 0;
  for (const voce of readdirSync(percorso)) {
    if (voce === "dist" || voce === "node_modules" || voce.startsWith(".")) continue;
    max = Math.max(max, piuRecente(join(percorso, voce)));
  }
  return max;
}

/** True when `<base>/editor/dist/index.html` is newer than every file the editor is built from. */
export function editorAggiornato(base = radice) {
  const uscita = join(base, "editor", "dist", "index.html");
  if (!existsSync(uscita)) return false;
  const costruito = statSync(uscita).mtimeMs;
  const fonti = [...["editor", "dsl", "engine"].map((d) => join(base, d)), join(base, "package-lock.json")];
  return Math.max(...fonti.map(piuRecente)) <= costruito;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const aggiornato = editorAggiornato();
  if (process.argv.includes("--controlla")) process.exit(aggiornato ? 0 : 1);
  if (aggiornato) {
    console.log("editor: editor/dist è aggiornato, nessuna ricostruzione.");
  } else {
    console.log("editor: ricostruisco editor/dist (sorgenti più recenti o build assente)…");
    const r = spawnSync(process.execPath, [join(radice, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "editor/vite.config.ts"], { cwd: radice, stdio: "inherit" });
    process.exit(r.status ?? 1);
  }
}
