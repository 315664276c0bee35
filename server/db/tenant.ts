// Every query of the runtime runs in a transaction as `app_user` with the tenant set, so row-level
// security applies even to a query that forgot its `organismo_id` filter. One round trip sets both.
import { sql } from "drizzle-orm";
import type { Database, Tx } from "./open.ts";

/** `organismo` null: no tenant (only what policies make public is visible: organismi, published versions). */
export async function inTenant<T>(database: Database, organismo: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    // Not awaited before `fn`: its first queries are pipelined behind this one on the same
    // connection (one write, one round trip less). The connection runs them in order, so they
    // already see the role and the tenant; if this fails, they fail too and the transaction rolls back.
    const impostato = tx.execute(sql`select set_config('app.organismo', ${organismo ?? ""}, true), set_config('role', 'app_user', true)`);
    impostato.catch(() => {});
    const risultato = await fn(tx);
    await impostato;
    return risultato;
  });
}
