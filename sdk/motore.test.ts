// The offline engine (sdk/dist/motore.js, built here into a temporary folder) answers every scenario
// question exactly as the server's POST /v1/organismi/{id}/evaluate does, from the compiled form that
// GET …/regolamenti/{versione}/compilato serves. Server on PGlite in memory, or on Postgres with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { avvia, type Avviato } from "../server/avvia.ts";
import { CHIAVE_ADMIN, databaseDiProva, type DatabaseDiProva } from "../server/test-support/ambiente.ts";
import { client } from "../server/test-support/client.ts";
import { dataDiRiferimento, domandaDelCaso, type Caso } from "../engine/index.ts";
import { findScenarioFiles, loadAll, readScenarioFile } from "../regolamenti/load.ts";
import { costruisciMotore } from "./build.ts";
import type { FormaCompilata, MotoreOffline } from "./motore.ts";

let dir = "";
let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
let bundle: { motoreOffline(f: FormaCompilata): MotoreOffline };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sdk-motore-"));
  const file = join(dir, "motore.js");
  await costruisciMotore(file);
  bundle = await import(pathToFileURL(file).href);
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN });
  api = client(s.app);
});
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
  await rm(dir, { recursive: true, force: true });
});

describe("il motore offline", () => {
  it("è un solo file ESM senza import, sotto i 150 kB gzip", () => {
    const testo = readFileSync(join(dir, "motore.js"), "utf8");
    expect(testo).not.toMatch(/\bfrom\s*["']|\bimport\s*\(|\brequire\(/);
    expect(testo).toMatch(/export\s*\{[^}]*\bmotoreOffline\b/);
    expect(gzipSync(testo).length / 1024).toBeLessThan(150);
  });

  it("risponde come il server a ogni domanda degli scenari", async () => {
    const { catalog } = await loadAll();
    const casi: Caso[] = [];
    for (const f of await findScenarioFiles()) casi.push(...(await readScenarioFile(f)));
    expect(casi.length).toBeGreaterThan(400);
    const motori = new Map<string, MotoreOffline>();
    const diversi: string[] = [];
    for (const caso of casi) {
      const q = domandaDelCaso(caso);
      const organismo = String(caso.organismo);
      const versione = q.versione ?? catalog.inForce(organismo, dataDiRiferimento(q) ?? "")?.versione;
      if (!versione) continue; // the server answers 422: no version in force (tested in server/)
      const chiave = `${organismo}@${versione}`;
      let m = motori.get(chiave);
      if (!m) {
        const r = await api.req("GET", `/v1/organismi/${organismo}/regolamenti/${encodeURIComponent(versione)}/compilato`);
        expect(r.status, chiave).toBe(200);
        m = bundle.motoreOffline(r.json as FormaCompilata);
        motori.set(chiave, m);
      }
      const server = await api.req("POST", `/v1/organismi/${organismo}/evaluate`, { corpo: q });
      if (server.status !== 200) { diversi.push(`${caso.nome}: il server risponde ${server.status}`); continue; }
      const offline = JSON.parse(JSON.stringify(m.valuta(q)));
      // `per_consentire` is the server's addition to a denial (computed outside evaluate): not the engine's answer.
      const { per_consentire: _pc, ...dalServer } = server.json as Record<string, unknown>;
      if (JSON.stringify(offline) !== JSON.stringify(dalServer)) diversi.push(caso.nome);
    }
    expect(diversi).toEqual([]);
    expect(motori.size).toBeGreaterThan(5);
  });

  it("una versione non pubblicata non ha forma compilata", async () => {
    const r = await api.req("GET", "/v1/organismi/napoli/regolamenti/nessuna/compilato");
    expect(r.status).toBe(404);
  });
});
