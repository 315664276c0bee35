import { describe, expect, it } from "vitest";
import { LruByte } from "./lru-byte.ts";

describe("LruByte: LRU in byte stimati", () => {
  it("tiene il totale sotto il budget togliendo le voci usate meno di recente (una lettura rinfresca)", () => {
    const m = new LruByte<string, number>(100);
    m.set("a", 1, 40);
    m.set("b", 2, 40);
    expect(m.get("a")).toBe(1); // read: a is now the most recent
    m.set("c", 3, 40);
    expect(m.byte).toBeLessThanOrEqual(100);
    expect(m.get("b")).toBeUndefined();
    expect([m.get("a"), m.get("c")]).toEqual([1, 3]);
    expect(m.espulse).toBe(1);
    m.set("a", 4, 40); // rewritten: most recent, not an eviction
    m.set("d", 5, 40);
    expect(m.get("c")).toBeUndefined();
    expect([m.get("a"), m.get("d")]).toEqual([4, 5]);
    expect(m.espulse).toBe(2);
    expect(m.byteDi("a")).toBe(40);
  });

  it("una voce più grande del budget non è tenuta (e non svuota le altre); riscritta troppo grande, la vecchia va", () => {
    const m = new LruByte<string, number>(100);
    m.set("a", 1, 10);
    m.set("grande", 2, 1000);
    expect(m.get("grande")).toBeUndefined();
    expect(m.get("a")).toBe(1);
    expect(m.byte).toBe(10);
    m.set("a", 3, 1000);
    expect(m.get("a")).toBeUndefined();
    expect(m.byte).toBe(0);
  });

  it("mille stati da 2 MB con un budget di 64 MB: ne restano 32, gli ultimi", () => {
    const m = new LruByte<number, string>(64 * 1024 * 1024);
    for (let i = 0; i < 1000; i++) m.set(i, "x", 2 * 1024 * 1024);
    expect(m.size).toBe(32);
    expect(m.byte).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect([...m.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => 968 + i));
    expect(m.espulse).toBe(968);
  });

  it("delete e clear liberano il totale", () => {
    const m = new LruByte<string, number>(100);
    m.set("a", 1, 30);
    m.set("b", 2, 30);
    m.delete("a");
    expect(m.byte).toBe(30);
    m.clear();
    expect([m.size, m.byte]).toEqual([0, 0]);
  });
});
