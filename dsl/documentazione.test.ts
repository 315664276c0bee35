// The examples of docs/linguaggio.md are real: every code block (except the shell one and the
// fragments marked with "…" in place of clauses) parses without syntax errors; a block of
// condition clauses is checked one guard per line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "./index.ts";
import { TESTA_BASI } from "./test-utils.ts";

const doc = readFileSync(new URL("../docs/linguaggio.md", import.meta.url), "utf8");
const blocchi = [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
const esempi = blocchi.filter((b) => !b.startsWith("npm") && !/:\s*…\s*$/m.test(b));

describe("docs/linguaggio.md", () => {
  it("has examples", () => {
    expect(esempi.length).toBeGreaterThan(10);
  });
  for (const [i, b] of esempi.entries()) {
    it(`example ${i + 1} parses: ${b.split("\n")[0]}`, () => {
      // a block of condition clauses: each line becomes a guard of its own
      const condizioni = /^(quando|richiede) /.test(b);
      const corpo = condizioni
        ? b.trim().split("\n").map((l, j) => `vincolo c${j}: per adesione ${l.trim()}${l.trim().startsWith("quando") ? " vieta" : ""}`).join("\n")
        : b;
      const src = b.startsWith("regolamento") ? b : TESTA_BASI + corpo;
      const errori = check(src).filter((d) => d.code === "E001");
      expect(errori).toEqual([]);
    });
  }
});
