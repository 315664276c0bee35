// The analysis commands of issue 13, run in-process: check --json (the jumps), eval with
// per_consentire, diff --casi (a draft against the organismo's cases).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { run as check } from "./check.ts";
import { run as evalCmd } from "./eval.ts";
import { run as diffCmd } from "./diff.ts";

let dir = "";
const SORGENTE_645 = new URL("../regolamenti/645.regolamento", import.meta.url);

async function cattura(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const ewrite = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  try {
    return { code: await fn(), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    ewrite.mockRestore();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "analisi-"));
  const src = await readFile(SORGENTE_645, "utf8");
  await writeFile(path.join(dir, "645-refuso.regolamento"), src.replace("fino a 10.000 €: 450 €", "fino a 10.000 €: 45 €"));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe("check --json", () => {
  it("il refuso 450 → 45: E100 con i salti della tabella a ogni limite", async () => {
    const r = await cattura(() => check(["--json", path.join(dir, "645-refuso.regolamento")]));
    expect(r.code).toBe(1);
    const [f] = JSON.parse(r.out) as { diagnostics: { code: string; message: string }[]; salti: { regola: string; limite: number; prima: number; dopo: number }[] }[];
    expect(f!.diagnostics.map((d) => d.code)).toEqual(["E100"]);
    // the compiled form is refused, so the jumps are the true file's
    const ok = await cattura(() => check(["--json", SORGENTE_645.pathname]));
    // 645's own text has no E1xx; its spese di avvio of 2013 depart from D.M. 150/2023 (C006, docs/conformita.md)
    expect((JSON.parse(ok.out) as { diagnostics: unknown[]; conformita: { codice: string }[] }[])[0]!.diagnostics).toEqual([]);
    expect((JSON.parse(ok.out) as { conformita: { codice: string }[] }[])[0]!.conformita.map((x) => x.codice)).toContain("C006");
    const salti = (JSON.parse(ok.out) as typeof f[])[0]!.salti;
    expect(salti).toContainEqual({ voce: "spese_mediazione", regola: expect.any(String), tabella: expect.any(String), limite: 5000, prima: 250, dopo: 450, differenza: 200 });
  });
});

describe("eval: per_consentire", () => {
  it("un diniego dice cosa lo consentirebbe, nel testo e nel JSON", async () => {
    const q = {
      data: "2026-03-05",
      procedimento: { materia: "condominio", valore: 30000, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }], eventi: [{ azione: "deposito_domanda", data: "2026-03-04", parte: "A" }] },
      azione: { azione: "designazione_mediatore", data: "2026-03-05", ruolo: "responsabile", mediatore: { id: "m", categoria: "praticante_abilitato" } },
    };
    const f = path.join(dir, "q.json");
    await writeFile(f, JSON.stringify(q));
    const t = await cattura(() => evalCmd(["velletri", f]));
    expect(t.out).toContain("per consentire");
    expect(t.out).toContain("valore = 25.000 invece di 30.000 [praticanti_fino_a_25000 (art. 5 c. 4)]");
    const j = await cattura(() => evalCmd(["velletri", f, "--json"]));
    expect(JSON.parse(j.out).per_consentire[0]).toMatchObject({ tipo: "fatto", campo: "valore", a: 25000 });
  });
});

describe("diff --casi", () => {
  it("una bozza contro i casi dell'organismo: esiti, termini, indennità, e il totale per voce", async () => {
    const casi = path.join(dir, "casi");
    await mkdir(casi);
    const proc = (valore: number) => ({
      materia: "altro", tipo: "volontaria", valore, tabella: { nome: "libera" },
      parti: [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }],
      eventi: [{ azione: "deposito_domanda", data: "2026-03-04", parte: "A" }, { azione: "adesione", data: "2026-03-06", parte: "B" }, { azione: "primo_incontro", data: "2026-03-27", esito: "prosecuzione", presenti: ["A", "B"] }],
    });
    await writeFile(path.join(casi, "a.yaml"), stringify([
      { nome: "dieci mila", organismo: "645", data: "2026-03-30", procedimento: proc(10000), atteso: {} },
      { nome: "cento mila", organismo: "645", data: "2026-03-30", procedimento: proc(100000), atteso: {} },
    ]));
    const r = await cattura(() => diffCmd(["645", path.join(dir, "645-refuso.regolamento"), "--casi", casi, "--json"]));
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect([d.casi, d.invariati]).toEqual([2, 1]);
    expect(d.cambiati[0].caso).toBe("dieci mila");
    expect(d.cambiati[0].indennita).toContainEqual({ parte: "A", voce: "spese_mediazione", prima: 450, dopo: 45, differenza: -405, cita: "art. 12 c. 4" });
    expect(d.totali_per_voce).toContainEqual({ voce: "spese_mediazione", differenza: -810, casi: 1 });
    const t = await cattura(() => diffCmd(["645", path.join(dir, "645-refuso.regolamento"), "--casi", casi]));
    expect(t.out).toContain("2 casi: 1 cambiano, 1 invariati");
    expect(t.out).toMatch(/spese_mediazione: .*810,00 in 1 casi/);
    expect(t.out).toContain("spese_mediazione (A): € 450,00 → € 45,00 (€ -405,00) [art. 12 c. 4]");
  });
});
