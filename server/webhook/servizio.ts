// Webhooks of an organismo (its responsabile manages them): register (the secret is shown once),
// list, deactivate, and the delivery log.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { ErroreApi } from "../errori/errore.ts";
import { urlNonAmmesso } from "./destinazione.ts";
import { nuovoSegreto } from "./firma.ts";
import type { TipoEvento } from "./uscita.ts";

export interface NuovoWebhook {
  url: string;
  eventi: TipoEvento[];
  giorni?: number[];
}

interface RigaWebhook {
  id: string;
  url: string;
  eventi: string[];
  giorni: number[];
  attivo: boolean;
  creato_il: string;
}

const descrivi = (r: RigaWebhook) => ({ id: r.id, url: r.url, eventi: r.eventi, giorni: r.giorni.map(Number), attivo: r.attivo, creato_il: new Date(r.creato_il).toISOString() });

export async function registraWebhook(database: Database, organismo: string, w: NuovoWebhook) {
  const perche = urlNonAmmesso(w.url);
  if (perche) throw new ErroreApi(422, "webhook_url_refused", `URL del webhook non ammesso: ${perche}.`);
  const giorni = [...new Set(w.giorni ?? [])].sort((a, b) => a - b);
  if (w.eventi.includes("scadenza_a_giorni") !== giorni.length > 0)
    throw new ErroreApi(422, "invalid_webhook", "`giorni` (quanti giorni prima della scadenza) va dato se e solo se si chiede `scadenza_a_giorni`.");
  const id = randomUUID();
  const segreto = nuovoSegreto();
  const [riga] = await inTenant(database, organismo, (tx) =>
    database.rows<RigaWebhook>(
      tx,
      sql`insert into webhook (organismo_id, id, url, eventi, giorni, segreto)
          values (${organismo}, ${id}, ${w.url}, array(select jsonb_array_elements_text(${JSON.stringify([...new Set(w.eventi)])}::jsonb)),
                  array(select (jsonb_array_elements_text(${JSON.stringify(giorni)}::jsonb))::int), ${segreto})
          returning id, url, eventi, giorni, attivo, creato_il`,
    ),
  );
  return { ...descrivi(riga!), segreto };
}

export async function elencaWebhook(database: Database, organismo: string) {
  const righe = await inTenant(database, organismo, (tx) =>
    database.rows<RigaWebhook>(tx, sql`select id, url, eventi, giorni, attivo, creato_il from webhook where organismo_id = ${organismo} order by creato_il, id`),
  );
  return righe.map(descrivi);
}

export async function disattivaWebhook(database: Database, organismo: string, id: string) {
  const righe = await inTenant(database, organismo, (tx) =>
    database.rows<{ id: string }>(tx, sql`update webhook set attivo = false where organismo_id = ${organismo} and id = ${id} returning id`),
  );
  if (righe.length === 0) throw new ErroreApi(404, "not_found", "Webhook non trovato.");
}

interface RigaConsegna {
  id: string;
  uscita_id: string;
  webhook_id: string;
  tipo: string;
  chiave_evento: string;
  tentativo: number;
  status: number | null;
  errore: string | null;
  durata_ms: number;
  il: string;
  /** The column's enum (db/schema.ts webhook_uscita.stato). */
  stato: "in_attesa" | "consegnata" | "fallita";
}

/** The last attempts, newest first, with the outbox row's state (in_attesa, consegnata, fallita). */
export async function consegne(database: Database, organismo: string, f: { webhook?: string; limite?: number }) {
  const righe = await inTenant(database, organismo, (tx) =>
    database.rows<RigaConsegna>(
      tx,
      sql`select c.id, c.uscita_id, c.webhook_id, u.tipo, u.chiave_evento, c.tentativo, c.status, c.errore, c.durata_ms, c.il, u.stato
          from webhook_consegne c join webhook_uscita u on u.organismo_id = c.organismo_id and u.id = c.uscita_id
          where c.organismo_id = ${organismo} ${f.webhook ? sql`and c.webhook_id = ${f.webhook}` : sql``}
          order by c.il desc, c.id limit ${f.limite ?? 100}`,
    ),
  );
  return righe.map((r) => ({
    id: r.id,
    consegna: r.uscita_id,
    webhook: r.webhook_id,
    tipo: r.tipo,
    evento: r.chiave_evento,
    tentativo: Number(r.tentativo),
    status: r.status === null ? null : Number(r.status),
    errore: r.errore,
    durata_ms: Number(r.durata_ms),
    il: new Date(r.il).toISOString(),
    stato: r.stato,
  }));
}
