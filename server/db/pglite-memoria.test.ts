// PGlite's shared_buffers: 16 MB unless REGOLAMENTO_PGLITE_MEMORIA_MB says otherwise (Postgres's 128 MB
// default held ≈ 140 MB more RSS at start: bench/registro.ts).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dovePerAmbiente } from "../avvia.ts";
import { openDatabase } from "./open.ts";
import { inTenant } from "./tenant.ts";

describe.skipIf(process.env.DATABASE_URL)("memoria di PGlite", () => {
  it("shared_buffers di 16 MB, o quelli dell'ambiente", async () => {
    const db = await openDatabase({ memory: true });
    try {
      const [r] = await inTenant(db, null, (tx) => db.rows<{ shared_buffers: string }>(tx, sql`show shared_buffers`));
      expect(r?.shared_buffers).toBe("16MB");
    } finally {
      await db.close();
    }
    expect(dovePerAmbiente({ REGOLAMENTO_PGLITE_MEMORIA_MB: "8" })).toMatchObject({ memoriaMb: 8 });
    expect(dovePerAmbiente({})).not.toHaveProperty("memoriaMb");
    expect(() => dovePerAmbiente({ REGOLAMENTO_PGLITE_MEMORIA_MB: "molta" })).toThrow(/MB/);
  });
});
