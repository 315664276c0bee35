// The administrator's key: REGOLAMENTO_ADMIN_KEY when set (only its hash is kept in memory), else one
// generated at first start, stored hashed, and returned once so that main.ts prints it.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { TENANT_AMMINISTRAZIONE, impronta } from "../auth/chiave.ts";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";

/** REGOLAMENTO_ADMIN_KEY shorter than this is refused at start (generated keys are ~70 characters). */
export const LUNGHEZZA_MINIMA_CHIAVE_ADMIN = 32;

/** A configuration the server must not start with: main.ts prints the message, without a stack trace. */
export class ErroreConfigurazione extends Error {}

export function controllaChiaveAdmin(chiave: string | undefined): void {
  if (chiave !== undefined && chiave.length < LUNGHEZZA_MINIMA_CHIAVE_ADMIN)
    throw new ErroreConfigurazione(
      `REGOLAMENTO_ADMIN_KEY è lunga ${chiave.length} caratteri: ne servono almeno ${LUNGHEZZA_MINIMA_CHIAVE_ADMIN} ` +
        `(per esempio: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"). Il server non parte.`,
    );
}

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
