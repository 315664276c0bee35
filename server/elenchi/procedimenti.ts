// GET /v1/organismi/{id}/procedimenti: the procedures a key sees, filtered, ordered, by pages.
// Read from `procedimenti_sintesi` (written with each action) through an index that leads with
// organismo_id and the sort column, keyset-paginated on (sort value, id): stable under inserts.
import { sql, type SQL } from "drizzle-orm";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { codifica, decodifica } from "./cursore.ts";
import { personaDellaChiave } from "./visibili.ts";

export const ORDINI = ["depositato_il", "-depositato_il", "prossima_scadenza", "-prossima_scadenza"] as const;
export type Ordine = (typeof ORDINI)[number];

export interface FiltriProcedimenti {
  fase?: string;
  parte?: string;
  mediatore?: string;
  depositato_dal?: string;
  depositato_al?: string;
  scadenza_entro?: string;
  ordine?: Ordine;
  limite?: number;
  cursore?: string;
}

interface Riga {
  procedimento_id: string;
  fase: string;
  depositato_il: string;
  parti: string[];
  mediatori: string[];
  prossima_scadenza: string;
  revisione: number;
  aggiornato_il: string;
  versione_regolamento: string;
  chiave: string;
}

// The sort value as text that orders like the column (ISO dates; 'infinity' after every date).
const COLONNE: Record<string, { col: SQL; testo: SQL; tipo: SQL }> = {
  depositato_il: { col: sql`s.depositato_il`, testo: sql`s.depositato_il::text`, tipo: sql`date` },
  prossima_scadenza: { col: sql`s.prossima_scadenza`, testo: sql`s.prossima_scadenza::text`, tipo: sql`date` },
};

function chi(organismo: string, persone: string[]): SQL[] {
  if (persone.length === 0) return [];
  const insiemi = persone.map((p) => sql`select procedimento_id from procedimenti_persone where organismo_id = ${organismo} and persona = ${p}`);
  return [sql`chi as materialized (${sql.join(insiemi, sql` intersect `)})`];
}

export async function elencaProcedimenti(database: Database, cred: CredenzialeChiave, organismo: string, f: FiltriProcedimenti) {
  const ordine = f.ordine ?? "-depositato_il";
  const disc = ordine.startsWith("-");
  const c = COLONNE[ordine.replace(/^-/, "")]!;
  const limite = f.limite ?? 50;
  const filtri: SQL[] = [sql`s.organismo_id = ${organismo}`];
  // The persons the rows must have (the key's own, then the filters'): looked up first, by btree, in a
  // materialised CTE, so the planner never scans the whole organismo in order looking for them.
  const chiave = personaDellaChiave(cred);
  if (chiave === null) filtri.push(sql`false`);
  const persone = [chiave, f.parte === undefined ? undefined : `parte:${f.parte}`, f.mediatore === undefined ? undefined : `mediatore:${f.mediatore}`]
    .filter((x): x is string => typeof x === "string");
  if (cred.procedimento !== undefined) filtri.push(sql`s.procedimento_id = ${cred.procedimento}`);
  if (f.fase !== undefined) filtri.push(sql`s.fase = ${f.fase}`);
  if (f.depositato_dal !== undefined) filtri.push(sql`s.depositato_il >= ${f.depositato_dal}::date`);
  if (f.depositato_al !== undefined) filtri.push(sql`s.depositato_il <= ${f.depositato_al}::date`);
  if (f.scadenza_entro !== undefined) filtri.push(sql`s.prossima_scadenza <= ${f.scadenza_entro}::date`);
  if (f.cursore !== undefined) {
    const cur = decodifica(f.cursore, ordine);
    // A row comparison: the index on (organismo_id, column, procedimento_id) answers it as a range.
    filtri.push(disc ? sql`(${c.col}, s.procedimento_id) < (${cur.v}::${c.tipo}, ${cur.id})` : sql`(${c.col}, s.procedimento_id) > (${cur.v}::${c.tipo}, ${cur.id})`);
  }
  const verso = disc ? sql`desc` : sql`asc`;
  // The page is chosen on keys alone (`pagina`: index-only, through the sort column's index, or
  // through sintesi_procedimento for a person's procedures, migration 0007); only its rows are then
  // read from the tables. Joining the procedures before the cut read one random heap page per
  // procedure of a mediator, not per row shown (docs/scalabilita.md, "Un milione di procedimenti").
  const cte = sql`pagina as (
      select s.procedimento_id from procedimenti_sintesi s${persone.length ? sql` join chi on chi.procedimento_id = s.procedimento_id` : sql``}
      where ${sql.join(filtri, sql` and `)}
      order by ${c.col} ${verso}, s.procedimento_id ${verso}
      limit ${limite + 1})`;
  const righe = await inTenant(database, organismo, (tx) =>
    database.rows<Riga>(
      tx,
      sql`with ${sql.join([...chi(organismo, persone), cte], sql`, `)}
          select s.procedimento_id, s.fase, s.depositato_il::text as depositato_il, s.parti, s.mediatori,
                 s.prossima_scadenza::text as prossima_scadenza, p.revisione,
                 to_char(p.aggiornato_il at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as aggiornato_il,
                 p.versione_regolamento, ${c.testo} as chiave
          from pagina k
          join procedimenti_sintesi s on s.organismo_id = ${organismo} and s.procedimento_id = k.procedimento_id
          join procedimenti p on p.organismo_id = s.organismo_id and p.id = s.procedimento_id
          order by ${c.col} ${verso}, s.procedimento_id ${verso}`,
    ),
  );
  const pagina = righe.slice(0, limite);
  const ultima = pagina[pagina.length - 1];
  return {
    procedimenti: pagina.map((r) => ({
      id: r.procedimento_id,
      versione: r.versione_regolamento,
      revisione: Number(r.revisione),
      fase: r.fase,
      depositato_il: r.depositato_il,
      parti: r.parti,
      mediatori: r.mediatori,
      prossima_scadenza: r.prossima_scadenza === "infinity" ? null : r.prossima_scadenza,
      aggiornato_il: r.aggiornato_il,
    })),
    cursore: righe.length > limite && ultima ? codifica({ o: ordine, v: ultima.chiave, id: ultima.procedimento_id }) : null,
  };
}
