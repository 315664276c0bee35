import { describe, expect, it } from "vitest";
import { difettoJson } from "./corpo-sicuro.ts";

describe("difettoJson", () => {
  it("trova il NUL grezzo o come \\u0000, non un \\\\u0000 letterale", () => {
    expect(difettoJson('{"a":"x\\u0000y"}')).toEqual({ tipo: "nul" });
    expect(difettoJson('{"a":"x\u0000"}')).toEqual({ tipo: "nul" });
    expect(difettoJson('{"a":"x\\\\u0000"}')).toBeUndefined();
    expect(difettoJson('{"a":"\\u00001"}')).toEqual({ tipo: "nul" });
  });
  it("misura l'annidamento fuori dalle stringhe", () => {
    expect(difettoJson("[".repeat(5000) + "]".repeat(5000))).toEqual({ tipo: "profondita", profondita: 65 });
    expect(difettoJson(`{"a":"${"[".repeat(500)}"}`)).toBeUndefined();
    expect(difettoJson('{"a":{"b":[1,{"c":2}]}}')).toBeUndefined();
  });
});
