// A draft against the organismo's own past procedures (issue 13 § 5): the latest ones (at most
// LIMITE_DIFF_CASI) read with their recorded history, put to two versions by the engine
// (engine/analisi/diff-casi.ts, `ripercorri`). Here only the gathering: which versions, which cases.
import { sql } from "drizzle-orm";
import type { Credenziale } from "../auth/credenziale.ts";
import { richiediRuolo } from "../auth/permessi.ts";
import type { Registro } from "../catalogo/registro.ts";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import type { Azione, Caso, Motore, Procedimento, Regolamento } from "../engine-adapter.ts";
import { ErroreApi } from "../errori/errore.ts";
import { storiaEfficace } from "../procedimenti/annullamenti.ts";
import type { ServizioRegolamenti } from "./servizio.ts";

/** The most procedures one comparison reads: the latest filed (each is replayed event by event). */
export const LIMITE_DIFF_CASI = 500;
/**
 * The most event rows one comparison reads (≈ 500 procedures of 40 events), newest procedures first.
 * It bounds the work too: the engine replays a history in work linear in its events
 * (engine/sequenza.ts). Past it the older procedures are left out and the answer says so
 * (`limitato_dal_lavoro`).
 */
export const RIGHE_DIFF_CASI = 20_000;

interface RigaProcedimento {
  id: string;
  fatti: Procedimento;
  /** How many event rows it has: fewer read means it was cut by the row bound. */
  revisione: number;
}
interface RigaEvento {
  procedimento_id: string;
  azione: Azione;
}

/** The compiled form of a version the credential may read; a draft with errors has none. */
async function compilata(regolamenti: ServizioRegolamenti, cred: Credenziale, organismo: string, versione: string): Promise<Regolamento> {
  const v = await regolamenti.leggi(cred, organismo, versione);
  if (!v.ir) throw new ErroreApi(422, "draft_has_errors", `La versione ${versione} ha errori di compilazione: correggili per confrontarla sui procedimenti.`);
  return v.ir;
}

export async function diffSuiProcedimenti(
  s: { database: Database; motore: Motore; registro: Registro; regolamenti: ServizioRegolamenti },
  cred: Credenziale,
  organismo: string,
  a: string,
  b: string,
  limiti: { procedimenti?: number; righe?: number } = {},
) {
  const { procedimenti: limite = LIMITE_DIFF_CASI, righe = RIGHE_DIFF_CASI } = limiti;
  // The organismo's responsabile (it reads the drafts and the procedures) or the administrator.
  if (cred.tipo !== "amministratore") richiediRuolo(cred, organismo, ["responsabile"]);
  const [ra, rb] = await Promise.all([compilata(s.regolamenti, cred, organismo, a), compilata(s.regolamenti, cred, organismo, b)]);
  const { procedimenti, eventi, totale } = await inTenant(s.database, organismo, async (tx) => {
    const ultimi = sql`select id, creato_il from procedimenti where organismo_id = ${organismo} order by creato_il desc, id limit ${limite}`;
    const procedimenti = await s.database.rows<RigaProcedimento>(
      tx,
      sql`select p.id, p.fatti, p.revisione from procedimenti p join (${ultimi}) u on u.id = p.id where p.organismo_id = ${organismo} order by u.creato_il desc, u.id`,
    );
    const eventi = await s.database.rows<RigaEvento>(
      tx,
      sql`select e.procedimento_id, e.azione from eventi e join (${ultimi}) u on u.id = e.procedimento_id
          where e.organismo_id = ${organismo} order by u.creato_il desc, u.id, e.seq limit ${righe}`,
    );
    const [n] = await s.database.rows<{ n: number }>(tx, sql`select count(*)::int as n from procedimenti where organismo_id = ${organismo}`);
    return { procedimenti, eventi, totale: Number(n?.n ?? 0) };
  });
  const storie = new Map<string, Azione[]>();
  for (const e of eventi) {
    const st = storie.get(e.procedimento_id) ?? [];
    st.push(e.azione);
    storie.set(e.procedimento_id, st);
  }
  const casi: Caso[] = [];
  let limitato = false;
  for (const p of procedimenti) {
    const registrata = storie.get(p.id) ?? [];
    // What the engine judged: the history without voided events, as it stood at its last event.
    const storia = storiaEfficace(registrata);
    // A procedure whose rows were cut by the bound is left out, never judged on half its history.
    if (registrata.length < Number(p.revisione)) {
      limitato = true;
      break;
    }
    const ultima = storia.at(-1)?.data;
    casi.push({ nome: p.id, organismo, procedimento: { ...p.fatti, eventi: storia }, ...(typeof ultima === "string" ? { data: ultima.slice(0, 10) } : {}), atteso: {} });
  }
  const d = await s.registro.usa([organismo, ...ra.applica, ...rb.applica], () => s.motore.diffProcedimenti(s.registro.catalog, ra, rb, casi));
  // For the reader: what each changed procedure is (the id alone says nothing).
  const cambiati = new Set(d.cambiati.map((c) => c.caso));
  const descrizioni = casi
    .filter((c) => cambiati.has(c.nome))
    .map((c) => {
      const deposito = c.procedimento.eventi?.find((e) => e.azione === "deposito_domanda")?.data;
      const f = c.procedimento as { materia?: unknown; valore?: unknown };
      return { id: c.nome, ...(typeof deposito === "string" ? { depositato_il: deposito.slice(0, 10) } : {}), ...(typeof f.materia === "string" ? { materia: f.materia } : {}), ...(typeof f.valore === "number" ? { valore: f.valore } : {}) };
    });
  return { a: { organismo, versione: a }, b: { organismo, versione: b }, limite, procedimenti_totali: totale, ...(limitato ? { limitato_dal_lavoro: true } : {}), ...d, procedimenti: descrizioni };
}
