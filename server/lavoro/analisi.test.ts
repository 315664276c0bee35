// The analysis threads start at the first job, not with the server (issue 15 § 1: start time, RSS).
import { afterAll, describe, expect, it } from "vitest";
import { avvia } from "../avvia.ts";
import { CHIAVE_ADMIN, SEMI_DI_PROVA, databaseDiProva } from "../test-support/ambiente.ts";

const pulizie: (() => Promise<void>)[] = [];
afterAll(async () => { for (const f of pulizie.reverse()) await f(); });

describe("thread di analisi", () => {
  it("nessun thread prima del primo check; il primo check li avvia", async () => {
    const db = await databaseDiProva();
    pulizie.push(() => db.elimina());
    const s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
    pulizie.push(() => s.chiudi());
    const analisi = s.dipendenze.analisi;
    expect(analisi.threadAvviati).toBe(0);
    // Questions need no thread.
    expect((await s.app.request("/v1/organismi")).status).toBe(200);
    expect(analisi.threadAvviati).toBe(0);
    const r = await s.app.request("/v1/check", { method: "POST", headers: { "content-type": "text/plain" }, body: "regolamento x \"X\" versione 1 in vigore dal 2024-01-01\n" });
    expect(r.status, await r.text()).toBe(200);
    expect(analisi.threadAvviati).toBeGreaterThan(0);
  }, 120_000);
});
