// What a recorded action rewrites besides the event, in the event's own transaction: the
// procedure's summary and persons (for lists), its open deadlines (the agenda) and the webhook
// outbox. Pure: statements out. Each carries `condizione` (on the one-round-trip path: "the event
// was written"), so the same statements serve as CTEs of one statement or as statements of a
// transaction. Rows that did not change are not written (most actions change no deadline and no
// summary column): a delete of what left and an upsert guarded by IS DISTINCT FROM, on disjoint
// keys, so one statement may hold both.
import { sql, type SQL } from "drizzle-orm";
import type { Azione, Procedimento, Risposta } from "../engine-adapter.ts";
import { mediatori } from "../procedimenti/accesso.ts";
import { uscitaAzioni } from "../webhook/uscita.ts";

export interface DopoAzione {
  organismo: string;
  pid: string;
  fatti: Procedimento;
  /** The whole history, the new event(s) included. */
  storia: Azione[];
  /** The engine's answer on the procedure after the action, today. */
  stato: Risposta;
  /** The events just recorded (seq and action), for the outbox. */
  nuovi: { seq: number; azione: Azione; attore: object }[];
  /**
   * The state before the action, when known (the action path): what did not change is not written
   * at all, so most actions add no statement but the outbox's. Unknown (a new procedure, a rebuild): all.
   */
  prima?: { stato: Risposta; storia: Azione[] };
}

/** A text[] from a JSON array: one way that reads the same on both drivers. */
const testi = (xs: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(xs)}::jsonb))`;

const giorno = (d: unknown) => (typeof d === "string" ? d.slice(0, 10) : undefined);

/** The deadlines the agenda keeps: those with an end day (a window without one is not on a calendar), one per name and party. */
export function righeAgenda(stato: Risposta) {
  const viste = new Set<string>();
  return stato.scadenze
    .filter((s) => typeof s.entro === "string")
    .map((s) => ({ nome: s.nome, parte: s.parte ?? "", dal: giorno(s.dal) ?? null, entro: giorno(s.entro)!, cita: s.cita, fonte: s.fonte }))
    .filter((r) => !viste.has(`${r.nome}\u0000${r.parte}`) && viste.add(`${r.nome}\u0000${r.parte}`));
}

/** What the summary, persons and agenda rows of a procedure are, from its state and history. */
function righe(fatti: Procedimento, storia: Azione[], stato: Risposta) {
  const agenda = righeAgenda(stato);
  const parti = (fatti.parti ?? []).map((p) => p.id);
  const med = [...mediatori(fatti, storia)];
  return {
    agenda: JSON.stringify(agenda),
    prossima: agenda.map((r) => r.entro).sort()[0] ?? "infinity",
    parti,
    med,
    persone: [...parti.map((p) => `parte:${p}`), ...med.map((m) => `mediatore:${m}`)],
    fase: stato.fase,
  };
}

export function scrittureDopoAzione(x: DopoAzione, condizione: SQL = sql`true`): SQL[] {
  const ora = righe(x.fatti, x.storia, x.stato);
  const prima = x.prima ? righe(x.fatti, x.prima.storia, x.prima.stato) : undefined;
  const { agenda: json, prossima, parti, med, persone } = ora;
  const deposito = giorno(x.storia[0]?.data)!;
  const cambiate = {
    persone: !prima || prima.persone.join("\u0000") !== persone.join("\u0000"),
    agenda: !prima || prima.agenda !== json,
    sintesi: !prima || prima.fase !== ora.fase || prima.prossima !== prossima || prima.persone.join("\u0000") !== persone.join("\u0000"),
  };
  return [
    ...(cambiate.persone ? personeScritture() : []),
    ...(cambiate.agenda ? agendaScritture() : []),
    ...(cambiate.sintesi ? [sintesiScrittura()] : []),
    ...uscitaAzioni(x.organismo, x.pid, x.nuovi, condizione),
  ];

  function personeScritture() {
    return [
      sql`delete from procedimenti_persone where organismo_id = ${x.organismo} and procedimento_id = ${x.pid}
          and not (persona = any(${testi(persone)})) and ${condizione}`,
      sql`insert into procedimenti_persone (organismo_id, persona, procedimento_id)
          select ${x.organismo}, p, ${x.pid} from unnest(${testi(persone)}) as p where ${condizione}
          on conflict do nothing`,
    ];
  }
  function agendaScritture() {
    return [
      sql`delete from scadenze_agenda where organismo_id = ${x.organismo} and procedimento_id = ${x.pid}
          and (nome, parte) not in (select r.nome, r.parte from jsonb_to_recordset(${json}::jsonb) as r(nome text, parte text)) and ${condizione}`,
      sql`insert into scadenze_agenda as a (organismo_id, procedimento_id, nome, parte, dal, entro, cita, fonte)
          select ${x.organismo}, ${x.pid}, r.nome, r.parte, r.dal, r.entro, r.cita, r.fonte
          from jsonb_to_recordset(${json}::jsonb) as r(nome text, parte text, dal date, entro date, cita text, fonte text)
          where ${condizione}
          on conflict (organismo_id, procedimento_id, nome, parte) do update set dal = excluded.dal, entro = excluded.entro, cita = excluded.cita, fonte = excluded.fonte
          where (a.dal, a.entro, a.cita, a.fonte) is distinct from (excluded.dal, excluded.entro, excluded.cita, excluded.fonte)`,
    ];
  }
  function sintesiScrittura() {
    return sql`insert into procedimenti_sintesi as s (organismo_id, procedimento_id, fase, depositato_il, parti, mediatori, prossima_scadenza)
        select ${x.organismo}, ${x.pid}, ${x.stato.fase}, ${deposito}::date, ${testi(parti)}, ${testi(med)}, ${prossima}::date
        where ${condizione}
        on conflict (organismo_id, procedimento_id) do update set fase = excluded.fase, parti = excluded.parti,
          mediatori = excluded.mediatori, prossima_scadenza = excluded.prossima_scadenza
        where (s.fase, s.parti, s.mediatori, s.prossima_scadenza) is distinct from (excluded.fase, excluded.parti, excluded.mediatori, excluded.prossima_scadenza)`;
  }
}
