// A start on a seeded database reads the seed files' names without the parser: the language is not
// loaded (issue 15 § 1: start time, RSS); the line-by-line reading agrees with the parser's.
import { readFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { avvia } from "../avvia.ts";
import { motore, motoreSenzaLingua } from "../engine-adapter.ts";
import { CHIAVE_ADMIN, SEMI_DI_PROVA, databaseDiProva } from "../test-support/ambiente.ts";
import { idEVersione } from "./semina.ts";

const pulizie: (() => Promise<void>)[] = [];
afterAll(async () => { for (const f of pulizie.reverse()) await f(); });

describe("semina senza linguaggio", () => {
  it("id e versione letti riga per riga sono quelli del parser, per ogni seme", async () => {
    const m = await motore();
    for (const dir of [undefined, SEMI_DI_PROVA]) {
      const { sources } = await m.sorgenti(dir);
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect(idEVersione(await readFile(s.file, "utf8")), s.file).toBe(`${s.id}@${s.versione}`);
    }
    expect(idEVersione("# solo un commento\n")).toBeUndefined();
    expect(idEVersione('regolamento x "X"\n  in vigore dal 2024-01-01\n')).toBeUndefined();
  });

  it("un riavvio sul database già seminato non carica il linguaggio", async () => {
    const dir = await mkdtemp(join(tmpdir(), "semina-"));
    pulizie.push(() => rm(dir, { recursive: true, force: true }));
    const db = await databaseDiProva(process.env.DATABASE_URL ? {} : { dataDir: dir });
    pulizie.push(() => db.elimina());
    const primo = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
    expect(primo.semina.inseriti.length).toBeGreaterThan(0);
    await primo.chiudi();
    const lingua = vi.spyOn(motoreSenzaLingua(), "lingua");
    try {
      const secondo = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
      await secondo.chiudi();
      expect(secondo.semina.inseriti).toEqual([]);
      expect(lingua).not.toHaveBeenCalled();
    } finally {
      lingua.mockRestore();
    }
  }, 120_000);
});
