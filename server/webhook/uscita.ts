// The transactional outbox: a row per subscribed webhook and event, written in the transaction
// that records the event (so an event is delivered iff it was committed), and the deadline events
// (`scadenza_a_giorni`, `scadenza_scaduta`) that a periodic scan of the agenda adds, idempotent by
// `chiave_evento` (the unique key: a second scan adds nothing).
import { sql, type SQL } from "drizzle-orm";
import type { Azione } from "../engine-adapter.ts";

export const TIPI_EVENTO = ["azione_registrata", "scadenza_a_giorni", "scadenza_scaduta"] as const;
export type TipoEvento = (typeof TIPI_EVENTO)[number];

export function uscitaAzioni(organismo: string, pid: string, nuovi: { seq: number; azione: Azione; attore: object }[], condizione: SQL): SQL[] {
  if (nuovi.length === 0) return [];
  const corpi = nuovi.map((e) => ({
    chiave: `${pid}/${e.seq}`,
    corpo: { tipo: "azione_registrata", organismo, procedimento: pid, evento: { seq: e.seq, ...e.azione, attore: e.attore } },
  }));
  return [
    sql`insert into webhook_uscita (organismo_id, id, webhook_id, tipo, chiave_evento, corpo)
        select w.organismo_id, gen_random_uuid()::text, w.id, 'azione_registrata', e.chiave, e.corpo
        from webhook w, jsonb_to_recordset(${JSON.stringify(corpi)}::jsonb) as e(chiave text, corpo jsonb)
        where w.organismo_id = ${organismo} and w.attivo and 'azione_registrata' = any(w.eventi) and ${condizione}
        on conflict do nothing`,
  ];
}

/**
 * The agenda's deadline events for one organismo as of `oggi` (Europe/Rome): at N days before `entro`
 * (or later, if the scan was not running that day, until the day itself), and once expired (a
 * deadline that ended before the webhook existed is not announced). Idempotent per
 * deadline, party, end day, kind and N.
 */
export function uscitaScadenze(organismo: string, oggi: string): SQL {
  return sql`insert into webhook_uscita (organismo_id, id, webhook_id, tipo, chiave_evento, corpo)
    select w.organismo_id, gen_random_uuid()::text, w.id, k.tipo,
           a.procedimento_id || '/' || a.nome || '/' || a.parte || '/' || a.entro::text || '/' || k.tipo || coalesce('/' || k.giorni, ''),
           jsonb_build_object('tipo', k.tipo, 'organismo', a.organismo_id, 'procedimento', a.procedimento_id,
             'scadenza', jsonb_strip_nulls(jsonb_build_object('nome', a.nome, 'dal', a.dal::text, 'entro', a.entro::text, 'cita', a.cita, 'fonte', a.fonte, 'parte', nullif(a.parte, ''))))
             || case when k.giorni is null then '{}'::jsonb else jsonb_build_object('giorni', k.giorni) end
    from webhook w
    cross join lateral (
      select 'scadenza_a_giorni'::text as tipo, g as giorni from unnest(w.giorni) as g where 'scadenza_a_giorni' = any(w.eventi)
      union all
      select 'scadenza_scaduta', null::int where 'scadenza_scaduta' = any(w.eventi)
    ) k
    join scadenze_agenda a on a.organismo_id = w.organismo_id
      and case when k.giorni is null
            then a.entro < ${oggi}::date and a.entro >= (w.creato_il at time zone 'Europe/Rome')::date
            else a.entro >= ${oggi}::date and a.entro <= ${oggi}::date + k.giorni end
    where w.organismo_id = ${organismo} and w.attivo
    on conflict do nothing`;
}
