import { describe, expect, it } from "vitest";
import { MemoriaLimitata } from "./memoria.ts";

describe("MemoriaLimitata: LRU in byte", () => {
  it("tiene il totale sotto il budget togliendo le voci usate meno di recente", () => {
    const m = new MemoriaLimitata<string, number>(100);
    m.set("a", 1, 40);
    m.set("b", 2, 40);
    expect(m.get("a")).toBe(1); // read: a is not refreshed by get, b and a keep insertion order
    m.set("c", 3, 40);
    expect(m.byte).toBeLessThanOrEqual(100);
    expect(m.get("a")).toBeUndefined();
    expect([m.get("b"), m.get("c")]).toEqual([2, 3]);
    m.set("b", 4, 40); // rewritten: most recent
    m.set("d", 5, 40);
    expect(m.get("c")).toBeUndefined();
    expect([m.get("b"), m.get("d")]).toEqual([4, 5]);
  });

  it("una voce più grande del budget non è tenuta (e non svuota le altre)", () => {
    const m = new MemoriaLimitata<string, number>(100);
    m.set("a", 1, 10);
    m.set("grande", 2, 1000);
    expect(m.get("grande")).toBeUndefined();
    expect(m.get("a")).toBe(1);
    expect(m.byte).toBe(10);
  });

  it("mille stati da 2 MB con un budget di 64 MB: ne restano al più 32", () => {
    const m = new MemoriaLimitata<number, string>(64 * 1024 * 1024);
    for (let i = 0; i < 1000; i++) m.set(i, "x", 2 * 1024 * 1024);
    expect(m.size).toBe(32);
    expect(m.byte).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});
