// The CLI subcommands of the language (cli/check.ts, cli/fmt.ts, cli/compile.ts), run in-process on
// temporary files: output lines, exit codes, and cross-file checks against a baselines folder.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run as check } from "../cli/check.ts";
import { run as fmt } from "../cli/fmt.ts";
import { run as compile } from "../cli/compile.ts";

let dir = "";
const f = (n: string) => path.join(dir, n);

async function cattura(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const write = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const ewrite = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  try {
    const code = await fn();
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    ewrite.mockRestore();
  }
}

const BUONO = `regolamento prova "Prova"
  versione 1 in vigore dal 2026-01-01
articolo 1
  comma 1
    vincolo v: per adesione vieta
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dsl-cli-"));
  await writeFile(f("buono.regolamento"), BUONO);
  await writeFile(f("cattivo.regolamento"), `${BUONO}    vincolo w per adesione vieta\n    vincolo z: per adesone vieta\n`);
  await mkdir(f("basi"));
  await writeFile(f("basi/base-1.regolamento"), `regolamento base "Base" versione 1 in vigore dal 2020-01-01\ntermine risposta_proposta: entro 7 giorni da formulazione_proposta\n`);
  await writeFile(f("basi/base-2.regolamento"), `regolamento base "Base" versione 2 in vigore dal 2030-01-01\ntermine risposta_nuova: entro 7 giorni da formulazione_proposta\n`);
  await writeFile(
    f("applica.regolamento"),
    `regolamento org "Org" versione 1 in vigore dal 2026-01-01 applica base\ntermine r sostituisce risposta_proposta di base: entro 10 giorni da formulazione_proposta\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("regolamento check", () => {
  it("prints file:line:col: code message and exits 1 on errors", async () => {
    const r = await cattura(() => check([f("cattivo.regolamento")]));
    expect(r.code).toBe(1);
    expect(r.out.split("\n")).toEqual([
      `${f("cattivo.regolamento")}:6:15: E001 atteso ':' dopo il nome della regola 'w', trovato 'per'`,
      // the rest of the file is still checked for meaning
      `${f("cattivo.regolamento")}:7:20: E010 azione sconosciuta 'adesone': forse intendevi 'adesione'?`,
    ]);
    expect((await cattura(() => check([f("buono.regolamento")]))).code).toBe(0);
  });
  it("checks cross-file references against the base version in force at the file's date", async () => {
    const r = await cattura(() => check(["--basi", f("basi"), f("applica.regolamento")]));
    expect(r.out).toBe("1 file, nessun errore");
    expect(r.code).toBe(0);
    // without the baselines folder the reference is only a warning
    const lone = await cattura(() => check(["--basi", f("nessuna"), f("applica.regolamento")]));
    expect(lone.out).toContain("E021 avviso:");
    expect(lone.code).toBe(0);
  });
  it("says what merging with the baselines shows: a law's exception following the rule put in place of its target", async () => {
    await mkdir(f("basi-ecc"));
    await writeFile(f("basi-ecc/legge.regolamento"), `regolamento legge "Legge" versione 1 in vigore dal 2020-01-01
termine risposta_proposta: entro 7 giorni da formulazione_proposta
eccezione quindici_giorni a risposta_proposta:
  quando materia = responsabilita_medica
  entro 15 giorni da formulazione_proposta
`);
    await writeFile(f("sostituisce.regolamento"), `regolamento org "Org" versione 1 in vigore dal 2026-01-01 applica legge
termine risposta_org sostituisce risposta_proposta di legge: entro 10 giorni da formulazione_proposta
`);
    const r = await cattura(() => check(["--basi", f("basi-ecc"), f("sostituisce.regolamento")]));
    expect(r.out).toContain(`${f("sostituisce.regolamento")}: avviso: eccezione quindici_giorni`);
    expect(r.out).toContain("risposta_proposta di legge è sostituita da risposta_org");
    expect(r.code).toBe(0);
  });
  it("expands folders, and a missing file is exit 2", async () => {
    const r = await cattura(() => check([f("basi")]));
    expect(r.code).toBe(0);
    // Success is one line.
    expect(r.out).toBe("2 file, nessun errore");
    expect((await cattura(() => check([f("manca.regolamento")]))).code).toBe(2);
    expect((await cattura(() => check([]))).code).toBe(2);
  });
});

describe("regolamento fmt", () => {
  it("prints the formatted text; --check exits 1 when a file would change; --write rewrites it", async () => {
    const p = f("da-formattare.regolamento");
    await writeFile(p, `regolamento p "P" versione 1 in vigore dal 2026-01-01\nvincolo v: per adesione vieta\n`);
    const stampa = await cattura(() => fmt([p]));
    expect(stampa.code).toBe(0);
    expect(stampa.out).toContain("vincolo v:\n  per adesione\n  vieta\n");
    expect((await cattura(() => fmt(["--check", p]))).code).toBe(1);
    expect((await cattura(() => fmt(["--write", p]))).code).toBe(0);
    expect(await readFile(p, "utf8")).toBe(stampa.out);
    const ok = await cattura(() => fmt(["--check", p]));
    expect(ok.code).toBe(0);
    expect(ok.out).toBe("1 file già formattato");
  });
  it("refuses files with syntax errors", async () => {
    const r = await cattura(() => fmt(["--check", f("cattivo.regolamento")]));
    expect(r.code).toBe(1);
    expect(r.err).toContain("E001");
  });
});

describe("regolamento compile", () => {
  it("--json prints the IR; without it a readable summary", async () => {
    const j = await cattura(() => compile([f("buono.regolamento"), "--json"]));
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toMatchObject({ id: "prova", regole: [{ nome: "v", cita: "art. 1 c. 1", azioni: ["adesione"] }] });
    const s = await cattura(() => compile([f("buono.regolamento")]));
    expect(s.out).toContain("prova — Prova");
    expect(s.out).toMatch(/art\. 1 c\. 1\s+vincolo\s+v\s+adesione vietata/);
    const bad = await cattura(() => compile([f("cattivo.regolamento")]));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("E001");
  });
});
