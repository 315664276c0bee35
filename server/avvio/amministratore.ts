// The administrator's key: REGOLAMENTO_ADMIN_KEY when set (only its hash is kept in memory), else one
// generated at first start, stored hashed, and returned once so that main.ts prints it.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { TENANT_AMMINISTRAZIONE, impronta } from "../auth/chiave.ts";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";

/** One fixed id: two servers starting together cannot both create an administrator key. */
const ID_AMMINISTRATORE = "000000000000";

export async function chiaveAmministratore(database: Database, daAmbiente: string | undefined): Promise<{ hashAmbiente?: string; generata?: string }> {
  if (daAmbiente) return { hashAmbiente: impronta(daAmbiente) };
  const chiave = `${TENANT_AMMINISTRAZIONE}.${ID_AMMINISTRATORE}.${randomBytes(32).toString("base64url")}`;
  const inserita = await inTenant(database, TENANT_AMMINISTRAZIONE, (tx) =>
    database.rows<{ id: string }>(
      tx,
      sql`insert into chiavi (organismo_id, id, hash, ruolo) values (${TENANT_AMMINISTRAZIONE}, ${ID_AMMINISTRATORE}, ${impronta(chiave)}, 'amministratore')
          on conflict do nothing returning id`,
    ),
  );
  return inserita.length ? { generata: chiave } : {};
}
