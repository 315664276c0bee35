// The cache of verified keys: bounded, least recently used out. It used to empty itself whole past
// 10,000 keys, so the busiest keys were looked up again with the rest.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Verificatore } from "./verifica.ts";
import type { Database } from "../db/open.ts";
import type { Credenziale } from "./credenziale.ts";

afterEach(() => { vi.restoreAllMocks(); });

describe("Verificatore: cache delle chiavi verificate", () => {
  it("oltre 10.000 chiavi escono le meno usate di recente, non tutte", async () => {
    // The database lookup, counted (the cache is what is under test, not the lookup).
    const cerca = vi.spyOn(Verificatore.prototype as unknown as { cerca: (c: string, h: string) => Promise<Credenziale> }, "cerca")
      .mockImplementation(async (c) => ({ tipo: "chiave", id: c, organismo: "alfa", ruolo: "responsabile" }) as unknown as Credenziale);
    const v = new Verificatore({} as Database);
    const chiave = (i: number) => `Bearer chiave-di-prova-${String(i).padStart(6, "0")}`;
    for (let i = 0; i < 10_000; i++) await v.verifica(chiave(i));
    await v.verifica(chiave(0)); // used again: the most recent
    expect(cerca).toHaveBeenCalledTimes(10_000);
    for (let i = 10_000; i < 10_010; i++) await v.verifica(chiave(i));
    expect(cerca).toHaveBeenCalledTimes(10_010);
    // Still known: the one used again and the latest; gone: the least recently used.
    await v.verifica(chiave(0));
    await v.verifica(chiave(10_009));
    await v.verifica(chiave(5_000));
    expect(cerca).toHaveBeenCalledTimes(10_010);
    await v.verifica(chiave(1));
    expect(cerca).toHaveBeenCalledTimes(10_011);
  });
});
