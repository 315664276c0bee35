// `Idempotency-Key`: the first request's answer is stored in the same transaction as its effects, so
// a retry returns it and records nothing twice. A concurrent retry waits on the key's row (the
// INSERT … ON CONFLICT blocks until the first commits or rolls back). Refusals (4xx) roll back and
// are not stored: a retry is evaluated again.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "../db/open.ts";
import { ErroreApi } from "../errori/errore.ts";

export interface Esito {
  status: 200 | 201;
  corpo: Record<string, unknown>;
  ripetuta?: boolean;
}

export function improntaRichiesta(...parti: string[]): string {
  return createHash("sha256").update(parti.join("\u0000")).digest("hex");
}

/**
 * The header checked and scoped to the credential that sent it: stored as `<id della chiave> <chiave>`
 * (a space cannot occur in a key), so two keys of one organismo that happen to pick the same
 * Idempotency-Key never see each other's answers nor collide.
 */
export function validaChiaveIdempotenza(chiave: string | undefined, credenziale: string): string | undefined {
  if (chiave === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(chiave)) throw new ErroreApi(400, "invalid_idempotency_key", "Idempotency-Key: da 1 a 200 caratteri ASCII visibili.");
  return `${credenziale} ${chiave}`;
}

export async function idempotente(
  database: Database,
  tx: Tx,
  organismo: string,
  chiave: string | undefined,
  impronta: string,
  esegui: () => Promise<Esito>,
): Promise<Esito> {
  if (chiave === undefined) return esegui();
  const nuova = await database.rows<{ chiave: string }>(
    tx,
    sql`insert into idempotenza (organismo_id, chiave, impronta, status, risposta)
        values (${organismo}, ${chiave}, ${impronta}, 0, 'null'::jsonb) on conflict do nothing returning chiave`,
  );
  if (nuova.length === 0) {
    const [riga] = await database.rows<{ impronta: string; status: number; risposta: Record<string, unknown> }>(
      tx,
      sql`select impronta, status, risposta from idempotenza where organismo_id = ${organismo} and chiave = ${chiave}`,
    );
    if (!riga || riga.impronta !== impronta)
      throw new ErroreApi(409, "idempotency_key_reused", "Questa Idempotency-Key è già stata usata per una richiesta diversa.");
    return { status: riga.status as 200 | 201, corpo: riga.risposta, ripetuta: true };
  }
  const esito = await esegui();
  await tx.execute(
    sql`update idempotenza set status = ${esito.status}, risposta = ${JSON.stringify(esito.corpo)}::jsonb
        where organismo_id = ${organismo} and chiave = ${chiave}`,
  );
  return esito;
}
