// Party keys are bound to procedures (table chiavi_procedimenti): at issue (`POST /v1/chiavi` with
// `procedimento`), when the key opens one, or when the segreteria grants it another. A party's label
// ("A") is free text and never identity: only a binding lets a party key read or act.
import { sql } from "drizzle-orm";
import { CANALE_REVOCHE } from "../auth/verifica.ts";
import type { Database, Tx } from "../db/open.ts";
import { ErroreApi } from "../errori/errore.ts";
import type { Procedimento } from "../engine-adapter.ts";

/**
 * Binds key `chiaveId` to procedure `pid` (idempotent) and tells every server to forget the key's
 * cached credential at commit. True when the binding is new.
 */
export async function legaChiave(tx: Tx, organismo: string, chiaveId: string, pid: string, concessaDa: string): Promise<boolean> {
  const nuova = (await tx.execute(sql`insert into chiavi_procedimenti (organismo_id, chiave_id, procedimento_id, concessa_da)
    values (${organismo}, ${chiaveId}, ${pid}, ${concessaDa}) on conflict do nothing returning 1 as x`)) as unknown;
  await tx.execute(sql`select pg_notify(${CANALE_REVOCHE}, ${`${organismo}.${chiaveId}`})`);
  return (Array.isArray(nuova) ? nuova : ((nuova as { rows?: unknown[] }).rows ?? [])).length > 0;
}

/**
 * Checks that party key `chiaveId` may be bound to procedure `pid`: the key is a live party key of
 * the organismo, and its party is one of the procedure's. Returns the party id.
 */
export async function verificaLegame(database: Database, tx: Tx, organismo: string, chiaveId: string, pid: string, parte?: string): Promise<string> {
  const [p] = await database.rows<{ fatti: Procedimento }>(tx, sql`select fatti from procedimenti where organismo_id = ${organismo} and id = ${pid}`);
  if (!p) throw new ErroreApi(404, "not_found", `Procedimento ${pid} non trovato.`);
  let idParte = parte;
  if (idParte === undefined) {
    const [k] = await database.rows<{ ruolo: string; parte: string | null; revocata: boolean }>(
      tx,
      sql`select ruolo, parte, revocata from chiavi where organismo_id = ${organismo} and id = ${chiaveId}`,
    );
    if (!k || k.revocata) throw new ErroreApi(404, "not_found", "Chiave non trovata (o revocata).");
    if (k.ruolo !== "parte" || !k.parte) throw new ErroreApi(422, "not_a_party_key", "Solo una chiave di parte si lega a un procedimento: le altre lo vedono per ruolo.");
    idParte = k.parte;
  }
  if (!(p.fatti.parti ?? []).some((x) => x.id === idParte))
    throw new ErroreApi(422, "party_not_in_procedure", `La parte ${idParte} non è tra le parti del procedimento ${pid}: la chiave non vi è legata.`);
  return idParte;
}
