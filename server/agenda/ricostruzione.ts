// At start, the procedures that have no summary yet (recorded before migration 0005, or by a server
// of an earlier release) get their summary, persons and agenda from their history, as an action
// would have written them (no webhook deliveries: those events are old). Idempotent: a procedure
// with a summary is skipped, so servers starting together at worst write the same rows twice.
import { sql } from "drizzle-orm";
import { oggi } from "../catalogo/registro.ts";
import type { Dipendenze } from "../contesto.ts";
import { inTenant } from "../db/tenant.ts";
import type { Azione, Procedimento } from "../engine-adapter.ts";
import { scrittureDopoAzione } from "./dopo-azione.ts";

const LOTTO = 500;

interface Riga {
  id: string;
  versione_regolamento: string;
  fatti: Procedimento;
  revisione: number;
  eventi: Azione[] | null;
}

export async function ricostruisciAgenda(d: Pick<Dipendenze, "database" | "motore" | "registro">): Promise<number> {
  const { database, motore, registro } = d;
  // Only the organismi that have such a procedure (migration 0008: one round trip, not one per organismo).
  const organismi = await inTenant(database, null, (tx) => database.rows<{ organismo_id: string }>(tx, sql`select organismi_senza_sintesi() as organismo_id`));
  let scritti = 0;
  for (const { organismo_id: org } of organismi) {
    for (;;) {
      const righe = await inTenant(database, org, (tx) =>
        database.rows<Riga>(
          tx,
          sql`select p.id, p.versione_regolamento, p.fatti, p.revisione,
                     (select jsonb_agg(e.azione order by e.seq) from eventi e where e.organismo_id = p.organismo_id and e.procedimento_id = p.id) as eventi
              from procedimenti p
              where p.organismo_id = ${org}
                and not exists (select 1 from procedimenti_sintesi s where s.organismo_id = p.organismo_id and s.procedimento_id = p.id)
              order by p.id limit ${LOTTO}`,
        ),
      );
      const fatte = righe.filter((r) => (r.eventi ?? []).length > 0);
      let nelLotto = 0;
      await registro.usa([org], () => inTenant(database, org, async (tx) => {
        for (const r of fatte) {
          const storia = r.eventi!;
          const deposito = String(storia[0]?.data ?? oggi()).slice(0, 10);
          const p = registro.preparato(org, { versione: r.versione_regolamento, date: deposito });
          if (!p) continue;
          const stato = motore.evaluate(p, { data: oggi(), procedimento: { ...r.fatti, eventi: storia } });
          const scritture = scrittureDopoAzione({ organismo: org, pid: r.id, fatti: r.fatti, storia, stato, nuovi: [] });
          for (const w of scritture) await tx.execute(w);
          nelLotto++;
        }
      }));
      scritti += nelLotto;
      // A procedure whose version is not loaded here is left for a server that has it (and ends the loop).
      if (righe.length < LOTTO || nelLotto === 0) break;
    }
  }
  return scritti;
}
