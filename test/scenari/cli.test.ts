// The engine's subcommands, run in-process with their output captured.
import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run as test } from "../../cli/test.ts";
import { run as evalCmd } from "../../cli/eval.ts";
import { run as diffCmd } from "../../cli/diff.ts";
import { run as compareCmd } from "../../cli/compare.ts";

function capture() {
  const out: string[] = [], err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => { out.push(a.join(" ")); });
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => { err.push(a.join(" ")); });
  return { out, err };
}
afterEach(() => { vi.restoreAllMocks(); });

async function tmp(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cli-"));
  await writeFile(join(dir, name), text);
  return join(dir, name);
}

const CASO = `- nome: giusto
  organismo: dlgs-28-2010
  data: 2026-03-03
  procedimento: { materia: altro, parti: [ { id: A, ruolo: istante } ], eventi: [ { azione: deposito_domanda, data: 2026-03-02, parte: A } ] }
  atteso: { scadenze: [ { nome: primo_incontro, dal: 2026-03-22, entro: 2026-04-11 } ] }
- nome: sbagliato
  organismo: dlgs-28-2010
  data: 2026-03-03
  procedimento: { materia: altro, parti: [ { id: A, ruolo: istante } ], eventi: [ { azione: deposito_domanda, data: 2026-03-02, parte: A } ] }
  atteso: { scadenze: [ { nome: primo_incontro, entro: 2026-04-10 } ] }
`;

describe("regolamento test", () => {
  it("prints each failure with expected and actual, then N passed, N failed; exit 1", async () => {
    const file = await tmp("s.yaml", CASO);
    const { out } = capture();
    expect(await test([file])).toBe(1);
    expect(out.at(-1)).toBe("1 passed, 1 failed");
    const text = out.join("\n");
    expect(text).toMatch(/✗ .*s\.yaml › sbagliato/);
    expect(text).toMatch(/attesa \{"entro":"2026-04-10"\}, ottenuta \[\{"dal":"2026-03-22","entro":"2026-04-11"\}\]/);
    expect(text).toMatch(/atteso: /);
    expect(text).toMatch(/ottenuto: /);
  });
  it("exit 0 when all pass", async () => {
    const file = await tmp("ok.yaml", CASO.split("- nome: sbagliato")[0]!);
    const { out } = capture();
    expect(await test([file])).toBe(0);
    expect(out.at(-1)).toBe("1 passed, 0 failed");
  });
  it("a file that is not a scenario list counts as a failure", async () => {
    const file = await tmp("bad.yaml", "nome: x\n");
    const { out } = capture();
    expect(await test([file])).toBe(1);
    expect(out.at(-1)).toBe("0 passed, 1 failed");
  });
});

describe("regolamento eval / diff / compare", () => {
  it("eval answers a question file, in text or JSON", async () => {
    const q = await tmp("q.json", JSON.stringify({ data: "2026-03-03", procedimento: { materia: "altro", parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }], eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }] }, azione: { azione: "adesione", parte: "A" } }));
    let c = capture();
    expect(await evalCmd(["dlgs-28-2010", q, "--json"])).toBe(0);
    const r = JSON.parse(c.out.join("\n"));
    expect(r.esito).toBe("negato");
    expect(r.motivi[0].fonte).toBe("dlgs-28-2010");
    vi.restoreAllMocks();
    c = capture();
    expect(await evalCmd(["dlgs-28-2010", q])).toBe(0);
    expect(c.out.join("\n")).toMatch(/esito: NEGATO[\s\S]*primo_incontro: dal 2026-03-22 entro 2026-04-11/);
    vi.restoreAllMocks();
    c = capture();
    expect(await evalCmd(["nessuno", q])).toBe(1);
    expect(c.err.join("\n")).toMatch(/sconosciuto: nessuno/);
  });
  it("diff between two versions of the baseline", async () => {
    const { out } = capture();
    expect(await diffCmd(["dlgs-28-2010@2023-02-28", "dlgs-28-2010@2025-01-25"])).toBe(0);
    expect(out.join("\n")).toMatch(/~ durata_procedimento: 3 → 6 mesi \(art\. 6 c\. 1\)/);
  });
  it("compare: one case, several organismi; without a case, the matrix", async () => {
    const q = await tmp("q.yaml", "data: 2026-03-03\nprocedimento: { materia: altro, valore: 1000, tipo: volontaria, parti: [ { id: A, ruolo: istante } ], eventi: [ { azione: deposito_domanda, data: 2026-03-02, parte: A } ] }\n");
    let c = capture();
    expect(await compareCmd(["dlgs-28-2010", "dm-150-2023", "--caso", q, "--json"])).toBe(0);
    const r = JSON.parse(c.out.join("\n"));
    expect(r.map((x: { organismo: string }) => x.organismo)).toEqual(["dlgs-28-2010", "dm-150-2023"]);
    expect(r[1].risposta.indennita.totale).toBe(122);
    vi.restoreAllMocks();
    c = capture();
    expect(await compareCmd(["dlgs-28-2010", "dm-150-2023"])).toBe(0);
    expect(c.out.join("\n")).toMatch(/Primo incontro \(finestra\)/);
  });
});
