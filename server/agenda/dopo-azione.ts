// What a recorded action rewrites besides the event, in the event's own transaction: the
// procedure's summary (for lists), its open deadlines (the agenda) and the webhook outbox. Pure:
// statements out. Each carries `condizione` (on the one-round-trip path: "the event was written"),
// so the same statements serve as CTEs of one statement or as statements of a transaction.
import { sql, type SQL } from "drizzle-orm";
import type { Azione, Procedimento, Risposta } from "../engine-adapter.ts";
import { mediatori } from "../procedimenti/accesso.ts";
import { uscitaAzioni } from "../webhook/uscita.ts";

export interface DopoAzione {
  organismo: string;
  pid: string;
  /** The revision after the action(s): the agenda's rows are written under it. */
  revisione: number;
  fatti: Procedimento;
  /** The whole history, the new event(s) included. */
  storia: Azione[];
  /** The engine's answer on the procedure after the action, today. */
  stato: Risposta;
  /** The events just recorded (seq and action), for the outbox. */
  nuovi: { seq: number; azione: Azione; attore: object }[];
}

/** A text[] from a JSON array: one way that reads the same on both drivers. */
const testi = (xs: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb))`;

const giorno = (d: unknown) => (typeof d === "string" ? d.slice(0, 10) : undefined);

/** The deadlines the agenda keeps: those with an end day (a window without one is not on a calendar). */
export function righeAgenda(stato: Risposta) {
  return stato.scadenze
    .filter((s) => typeof s.entro === "string")
    .map((s, n) => ({ n, nome: s.nome, dal: giorno(s.dal) ?? null, entro: giorno(s.entro)!, cita: s.cita, fonte: s.fonte, parte: s.parte ?? null }));
}

export function scrittureDopoAzione(x: DopoAzione, condizione: SQL = sql`true`): SQL[] {
  const righe = righeAgenda(x.stato);
  const prossima = righe.map((r) => r.entro).sort()[0] ?? "infinity";
  const parti = (x.fatti.parti ?? []).map((p) => p.id);
  const med = [...mediatori(x.fatti, x.storia)];
  const deposito = giorno(x.storia[0]?.data)!;
  const persone = [...parti.map((x) => `parte:${x}`), ...med.map((x) => `mediatore:${x}`)];
  return [
    // Those no longer in it leave, the new ones enter (the two sets are disjoint: one statement is safe).
    sql`delete from procedimenti_persone where organismo_id = ${x.organismo} and procedimento_id = ${x.pid}
        and not (persona = any(${testi(persone)})) and ${condizione}`,
    sql`insert into procedimenti_persone (organismo_id, persona, procedimento_id)
        select ${x.organismo}, p, ${x.pid} from unnest(${testi(persone)}) as p where ${condizione}
        on conflict do nothing`,
    sql`delete from scadenze_agenda where organismo_id = ${x.organismo} and procedimento_id = ${x.pid} and revisione < ${x.revisione} and ${condizione}`,
    sql`insert into scadenze_agenda (organismo_id, procedimento_id, revisione, n, nome, dal, entro, cita, fonte, parte)
        select ${x.organismo}, ${x.pid}, ${x.revisione}, r.n, r.nome, r.dal, r.entro, r.cita, r.fonte, r.parte
        from jsonb_to_recordset(${JSON.stringify(righe)}::jsonb) as r(n int, nome text, dal date, entro date, cita text, fonte text, parte text)
        where ${condizione}`,
    sql`insert into procedimenti_sintesi (organismo_id, procedimento_id, fase, depositato_il, parti, mediatori, prossima_scadenza, revisione, aggiornato_il)
        select ${x.organismo}, ${x.pid}, ${x.stato.fase}, ${deposito}::date, ${testi(parti)}, ${testi(med)},
               ${prossima}::date, ${x.revisione}, now()
        where ${condizione}
        on conflict (organismo_id, procedimento_id) do update set fase = excluded.fase, parti = excluded.parti,
          mediatori = excluded.mediatori, prossima_scadenza = excluded.prossima_scadenza, revisione = excluded.revisione,
          aggiornato_il = excluded.aggiornato_il`,
    ...uscitaAzioni(x.organismo, x.pid, x.nuovi, condizione),
  ];
}
