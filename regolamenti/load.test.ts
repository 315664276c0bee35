import { describe, expect, it } from "vitest";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAll, findScenarioFiles, readScenarioFile } from "./load.ts";

const base = (versione: string, dal: string, giorni: number) => `regolamento legge-x "Legge di prova"
  versione "${versione}" in vigore dal ${dal}
procedura
  fase domanda_depositata iniziale
  fase conclusa finale
articolo 1 "Termini"
  comma 1 "Il primo incontro entro ${giorni} giorni."
    termine primo_incontro:
      entro ${giorni} giorni da deposito_domanda
`;
const org = `regolamento prova "Organismo di prova"
  versione "1" in vigore dal 2024-01-01
  applica legge-x
articolo 2 "Adesione"
  comma 1 "L'invitata aderisce entro 10 giorni."
    termine adesione:
      entro 10 giorni da deposito_domanda
      per adesione
`;

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "reg-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe("loadAll", () => {
  it("loads the project's regolamenti, baselines in several versions", async () => {
    const { catalog, sources } = await loadAll();
    expect(catalog.versions("dlgs-28-2010").length).toBeGreaterThanOrEqual(2);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(sources[0]!.file).toMatch(/normativa/);
  });

  it("resolves each organismo's bases by date", async () => {
    const dir = await tree({ "normativa/x-1.regolamento": base("1", "2020-01-01", 30), "normativa/x-2.regolamento": base("2", "2025-01-01", 40), "prova.regolamento": org });
    const { catalog } = await loadAll(dir);
    expect(catalog.versions("legge-x").map((r) => r.versione)).toEqual(["1", "2"]);
    expect(catalog.prepared("prova", { date: "2024-06-01" }).basi.map((b) => b.versione)).toEqual(["1"]);
    expect(catalog.prepared("prova", { date: "2025-06-01" }).basi.map((b) => b.versione)).toEqual(["2"]);
  });

  it("a file that does not compile stops the load with file:line:col diagnostics", async () => {
    const dir = await tree({ "normativa/x.regolamento": base("1", "2020-01-01", 30), "rotto.regolamento": org.replace("per adesione", "per adesione ))) ((") });
    await expect(loadAll(dir)).rejects.toThrow(/rotto\.regolamento:\d+:\d+: E\d+/);
  });
});

describe("scenario files", () => {
  it("finds the project's scenario files and reads them as lists", async () => {
    const files = await findScenarioFiles();
    expect(files.some((f) => f.endsWith("test/scenari/motore.yaml"))).toBe(true);
    const casi = await readScenarioFile(files.find((f) => f.endsWith("motore.yaml"))!);
    expect(casi[0]?.organismo).toBe("dlgs-28-2010");
    expect(typeof casi[0]?.data).toBe("string"); // YAML dates stay ISO strings
  });
  it("a file that is not a list is a clear error", async () => {
    const dir = await tree({ "a.yaml": "nome: solo un caso\n", "b.yaml": "- [unclosed\n" });
    await expect(readScenarioFile(join(dir, "a.yaml"))).rejects.toThrow(/lista di casi/);
    await expect(readScenarioFile(join(dir, "b.yaml"))).rejects.toThrow(/YAML non valido/);
  });
});
