// `npm start` runs the server bundled (server/compila.ts), not through tsx. The bundle must find what
// the sources found beside them (regolamenti/, the migrations, the analysis worker) from dist/, and be
// started with the start script's environment: the same start tests and benches use.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DA_SORGENTE, DIST, RADICE } from "../percorsi.ts";
import { avvioDiNpmStart, compila } from "./compila.ts";
import { CHIAVE_ADMIN } from "./test-support/ambiente.ts";
import { avviaProcesso, chiama, type Processo } from "./test-support/processo.ts";

describe("il server compilato, come lo avvia npm start", () => {
  let cartella: string;
  let p: Processo | undefined;
  beforeAll(async () => {
    cartella = await mkdtemp(join(tmpdir(), "compilato-"));
  });
  afterAll(async () => {
    await p?.uccidi("SIGTERM");
    await rm(cartella, { recursive: true, force: true });
  });

  it("dalle sorgenti la radice è la cartella di package.json", async () => {
    expect(DA_SORGENTE).toBe(true);
    expect(JSON.parse(await readFile(join(RADICE, "package.json"), "utf8")).name).toBe("regolamenti-mediazione");
  });

  it("npm start avvia dist/server/main.mjs con l'allocatore che restituisce la memoria", () => {
    const avvio = avvioDiNpmStart();
    expect(avvio.file).toBe(join(DIST, "server", "main.mjs"));
    expect(avvio.env.GLIBC_TUNABLES).toMatch(/^glibc\.malloc\.trim_threshold=\d+$/);
  });

  it("il bundle contiene il nostro codice intero: importa solo pacchetti e moduli di Node", async () => {
    const file = await compila();
    expect(file.map((f) => f.slice(DIST.length + 1)).sort()).toEqual(["server/lavoratore.mjs", "server/main.mjs"]);
    for (const f of file) {
      const testo = await readFile(f, "utf8");
      expect(testo.match(/(?:from|import\()\s*["']\.{1,2}\/[^"']*["']/g) ?? [], f).toEqual([]);
    }
  });

  it("parte, carica i regolamenti della cartella regolamenti/ e fa un check nel thread di analisi", async () => {
    // No REGOLAMENTO_SEMI: the default folder, found from dist/ as from the sources.
    p = await avviaProcesso({ REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN, REGOLAMENTO_DATA: cartella, DATABASE_URL: "", REGOLAMENTO_SEMI: "" });
    const organismi = await chiama(p.url, "GET", "/v1/organismi");
    expect(organismi.status).toBe(200);
    expect((organismi.json as { id: string }[]).map((o) => o.id).sort()).toEqual(["645", "maremma", "napoli", "sondrio", "velletri"]);
    const check = await chiama(p.url, "POST", "/v1/check", { corpo: { sorgente: "regolamento x" } });
    expect(check.status).toBe(200);
    expect(check.json.diagnostics[0]).toMatchObject({ code: "E001", line: 1 });
  });
});
