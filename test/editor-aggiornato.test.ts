import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (npm start runs it with node), no type declarations
import { editorAggiornato } from "../scripts/editor-aggiornato.mjs";

const base = mkdtempSync(join(tmpdir(), "editor-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const scrivi = (percorso: string, secondi: number) => {
  const f = join(base, percorso);
  mkdirSync(join(f, ".."), { recursive: true });
  writeFileSync(f, "x");
  utimesSync(f, secondi, secondi);
};

describe("npm start ricostruisce l'editor solo se serve", () => {
  it("senza build: da costruire; build più recente delle fonti: no; una fonte toccata dopo: sì", () => {
    scrivi("editor/main.ts", 1000);
    scrivi("dsl/parse.ts", 1000);
    scrivi("engine/evaluate.ts", 1000);
    scrivi("package-lock.json", 1000);
    expect(editorAggiornato(base)).toBe(false);
    scrivi("editor/dist/index.html", 2000);
    expect(editorAggiornato(base)).toBe(true);
    scrivi("engine/evaluate.test.ts", 3000); // tests are not built into the editor
    expect(editorAggiornato(base)).toBe(true);
    scrivi("dsl/parse.ts", 3000);
    expect(editorAggiornato(base)).toBe(false);
  });
});
