// `regolamento importa`: files written, never overwritten without --forza, usage errors.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run } from "./importa.ts";
import { check } from "../dsl/index.ts";

let dir = "";
beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), "importa-")); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function esegui(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    return { code: await run(args), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe("regolamento importa", () => {
  const testo = path.join(import.meta.dirname, "../regolamenti/testi/645.txt");
  it("scrive lo scheletro e la copertura, che compila", async () => {
    const r = await esegui([testo, "--id", "bozza", "--out", dir, "--copertura", dir, "--in-vigore-dal", "2026-01-01"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("13 articoli");
    expect(r.out).toContain("2 tabelle di tariffa in bozza");
    const sorgente = await readFile(path.join(dir, "bozza.regolamento"), "utf8");
    expect(sorgente).toContain('versione "bozza" in vigore dal 2026-01-01');
    expect(check(sorgente).filter((d) => d.severity === "error")).toEqual([]);
    expect(await readFile(path.join(dir, "bozza.md"), "utf8")).toContain("(0%)");
  });
  it("non sovrascrive senza --forza", async () => {
    const r = await esegui([testo, "--id", "bozza", "--out", dir, "--copertura", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--forza");
    expect((await esegui([testo, "--id", "bozza", "--out", dir, "--copertura", dir, "--forza"])).code).toBe(0);
  });
  it("dice come si usa quando mancano il file o l'id, o la data è sbagliata", async () => {
    expect((await esegui([testo])).code).toBe(2);
    expect((await esegui([testo, "--id", "x y"])).err).toContain("id non valido");
    expect((await esegui([testo, "--id", "x", "--in-vigore-dal", "6/12/2026"])).code).toBe(2);
    expect((await esegui([path.join(dir, "manca.txt"), "--id", "x", "--out", dir, "--copertura", dir])).code).toBe(1);
  });
});
