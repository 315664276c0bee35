// The Monarch grammar's regexes, checked where they decide a token's kind (Monaco itself needs a DOM).
import { describe, expect, it, vi } from "vitest";

vi.mock("monaco-editor/editor/editor.api", () => ({}));
const { monarch } = await import("./lingua.ts");

type Regola = [RegExp, unknown];
const regole = (monarch.tokenizer.root as Regola[]).filter((r) => Array.isArray(r) && r[0] instanceof RegExp);

/** The token kind of the first rule matching at the start of `testo`, and what it matched. */
function primo(testo: string): { token: unknown; match: string } | undefined {
  for (const [re, azione] of regole) {
    const m = new RegExp(`^(?:${re.source})`, re.flags).exec(testo);
    if (m) return { token: azione, match: m[0] };
  }
  return undefined;
}

describe("monarch", () => {
  it("reads a date whole, not as a number followed by dashes", () => {
    expect(primo("2013-11-27 ")).toEqual({ token: "number.data", match: "2013-11-27" });
  });

  it("reads Italian numbers with their currency and percent", () => {
    expect(primo("25.000,01 €:")?.match).toBe("25.000,01 €");
    expect(primo("22%")?.match).toBe("22%");
    expect(primo("€ 25.000 ")?.match).toBe("€ 25.000");
  });

  it("reads baseline ids as one token and skips spaces", () => {
    expect(primo("dlgs-28-2010,")).toEqual({ token: "type.fonte", match: "dlgs-28-2010" });
    expect(primo("   x")).toEqual({ token: "white", match: "   " });
  });

  it("names the rule after its kind, and azione.x is a fact", () => {
    expect(primo("vincolo praticanti_fino_a_25000:")?.token).toEqual(["keyword.dichiarazione", "", "entity.name.regola"]);
    expect(primo("azione.mediatore")).toEqual({ token: "variable.fatto", match: "azione" });
  });
});
