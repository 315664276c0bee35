// The deadline agenda: the open deadlines of the procedures a key sees, in a date range, read from
// `scadenze_agenda` (rewritten with each action) through its (organismo_id, entro) index, and the
// same as an iCalendar feed.
import { sql, type SQL } from "drizzle-orm";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import { oggi } from "../catalogo/registro.ts";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { diPersona, visibili } from "../elenchi/visibili.ts";

export interface VoceAgenda {
  procedimento: string;
  nome: string;
  dal?: string;
  entro: string;
  cita: string;
  fonte: string;
  parte?: string;
  /** The end day is before today (Europe/Rome) and the deadline is still open. */
  scaduta: boolean;
}

export interface FiltriAgenda {
  dal?: string;
  al?: string;
  mediatore?: string;
}

interface Riga {
  procedimento_id: string;
  nome: string;
  dal: string | null;
  entro: string;
  cita: string;
  fonte: string;
  parte: string | null;
}

/** At most this many deadlines per answer; `troncata` says when there were more (narrow the range). */
export const MASSIMO_AGENDA = 5000;

export async function scadenzeVisibili(database: Database, cred: CredenzialeChiave, organismo: string, f: FiltriAgenda): Promise<{ scadenze: VoceAgenda[]; troncata: boolean }> {
  const pid = sql`a.procedimento_id`;
  const filtri: SQL[] = [sql`a.organismo_id = ${organismo}`, visibili(cred, organismo, pid)];
  if (f.dal !== undefined) filtri.push(sql`a.entro >= ${f.dal}::date`);
  if (f.al !== undefined) filtri.push(sql`a.entro <= ${f.al}::date`);
  if (f.mediatore !== undefined) filtri.push(diPersona(organismo, pid, `mediatore:${f.mediatore}`));
  // A party's own deadlines and those of the procedure as a whole, not the other parties'.
  if (cred.ruolo === "parte") filtri.push(sql`(a.parte = '' or a.parte = ${cred.parte ?? ""})`);
  const righe = await inTenant(database, organismo, (tx) =>
    database.rows<Riga>(
      tx,
      sql`select a.procedimento_id, a.nome, a.dal::text as dal, a.entro::text as entro, a.cita, a.fonte, a.parte
          from scadenze_agenda a
          where ${sql.join(filtri, sql` and `)}
          order by a.entro, a.procedimento_id, a.nome
          limit ${MASSIMO_AGENDA + 1}`,
    ),
  );
  const adesso = oggi();
  const scadenze = righe.slice(0, MASSIMO_AGENDA).map((r) => ({
    procedimento: r.procedimento_id,
    nome: r.nome,
    ...(r.dal ? { dal: r.dal } : {}),
    entro: r.entro,
    cita: r.cita,
    fonte: r.fonte,
    ...(r.parte ? { parte: r.parte } : {}),
    scaduta: r.entro < adesso,
  }));
  return { scadenze, troncata: righe.length > MASSIMO_AGENDA };
}
