// The register bench's organismi (issue 15 § 1) are generated variants, not byte copies: each has
// its own id and registro, most differ from their seed in terms, fees or parametri, and all compile.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGOLAMENTI_DIR } from "../regolamenti/load.ts";
import { compilaVarianti, idVariante } from "./registro.ts";
import { SEMI, variante } from "./varianti.ts";

describe("varianti del registro", () => {
  it("diverse tra loro e dal seme, e compilano tutte", async () => {
    const n = 40;
    const { versioni } = await compilaVarianti(n);
    expect(versioni).toHaveLength(n);
    expect(new Set(versioni.map((v) => v.sorgente)).size).toBe(n);
    expect(new Set(versioni.map((v) => v.regolamento.id))).toEqual(new Set(Array.from({ length: n }, (_, i) => idVariante(i))));
    // Beyond the header: rules (terms, fees) or parametri differ from the seed's in most variants.
    const semi = Object.fromEntries(SEMI.map((s) => [s, readFileSync(join(REGOLAMENTI_DIR, `${s}.regolamento`), "utf8")]));
    const corpo = (t: string) => t.split("\n").filter((r) => !/^regolamento\s|^\s+registro\s/.test(r)).join("\n");
    const diverse = versioni.filter((v, i) => corpo(v.sorgente) !== corpo(semi[SEMI[i % SEMI.length]!]!));
    expect(diverse.length).toBeGreaterThan(n * 0.75);
    // And the compiled rules too: the same seed gives different IR for different variants.
    const regole = (i: number) => JSON.stringify(versioni[i]!.regolamento.regole).replaceAll(idVariante(i), "X");
    expect(regole(0)).not.toBe(regole(4));
    // Deterministic: the same variant every run.
    expect(variante(semi["645"]!, "x", 7)).toBe(variante(semi["645"]!, "x", 7));
  }, 120_000);
});
