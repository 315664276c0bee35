// What the record keeps beyond the events: denied attempts (who tried what, and the engine's answer
// that refused it) and the receipt of a recorded event (the event, the version that judged it with
// the hash stored then and the hash of the IR loaded now, the rules that decided it with their texts).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Dipendenze } from "../contesto.ts";
import { inTenant } from "../db/tenant.ts";
import type { Regolamento } from "../engine-adapter.ts";
import { ErroreApi } from "../errori/errore.ts";
import { nonTrovatoProcedimento } from "../procedimenti/accesso.ts";
import { ServizioProcedimenti } from "../procedimenti/servizio.ts";
import { improntaIr } from "./impronta.ts";

export interface Ricevuta {
  organismo: string;
  procedimento: string;
  evento: { seq: number; azione: Record<string, unknown>; attore: unknown; registrato_il: string };
  versione: { regolamento: string; versione: string; impronta_ir: string | null; impronta_attuale: string | null; corrisponde: boolean };
  regole: { regola: string; cita: string; fonte: string; esito?: string; testo?: string }[];
}

export class ServizioRicevute {
  private readonly procedimenti: ServizioProcedimenti;
  constructor(private readonly d: Dipendenze) {
    this.procedimenti = new ServizioProcedimenti(d);
  }

  /** A denied action, in a transaction of its own (the action's was rolled back). Best effort: never hides the 422. */
  async registraTentativo(cred: CredenzialeChiave, organismo: string, pid: string, azione: Record<string, unknown>, risposta: Record<string, unknown>): Promise<void> {
    const { versione_attesa: _v, ...chiesta } = azione;
    const attore = { ruolo: cred.ruolo, ...(cred.parte ? { parte: cred.parte } : {}), chiave: cred.id };
    const versione = (risposta.regolamento as { versione?: string } | undefined)?.versione ?? "";
    const revisione = typeof risposta.revisione === "number" ? risposta.revisione : 0;
    const { errore: _e, ...motore } = risposta;
    await inTenant(this.d.database, organismo, (tx) =>
      tx.execute(sql`insert into tentativi_negati (organismo_id, procedimento_id, id, revisione, azione, attore, versione_regolamento, risposta)
                     select ${organismo}, ${pid}, ${randomUUID()}, ${revisione}, ${JSON.stringify(chiesta)}::jsonb, ${JSON.stringify(attore)}::jsonb,
                            ${versione}, ${JSON.stringify(motore)}::jsonb
                     where exists (select 1 from procedimenti where organismo_id = ${organismo} and id = ${pid})`),
    ).catch((e) => console.error("tentativo negato non registrato:", (e as Error).message));
  }

  async tentativi(cred: CredenzialeChiave, organismo: string, pid: string) {
    if (cred.procedimento !== undefined && cred.procedimento !== pid) throw nonTrovatoProcedimento();
    const { database } = this.d;
    const [esiste, righe] = await inTenant(database, organismo, async (tx) => [
      await database.rows(tx, sql`select 1 from procedimenti where organismo_id = ${organismo} and id = ${pid}`),
      await database.rows<{ id: string; revisione: number; azione: unknown; attore: unknown; versione_regolamento: string; risposta: Record<string, unknown>; registrato_il: string }>(
        tx,
        sql`select id, revisione, azione, attore, versione_regolamento, risposta, registrato_il from tentativi_negati
            where organismo_id = ${organismo} and procedimento_id = ${pid} order by registrato_il, id`,
      ),
    ] as const);
    if (esiste.length === 0) throw nonTrovatoProcedimento();
    return righe.map((r) => ({
      id: r.id,
      revisione: Number(r.revisione),
      azione: r.azione,
      attore: r.attore,
      versione_regolamento: r.versione_regolamento,
      registrato_il: new Date(r.registrato_il).toISOString(),
      motivi: r.risposta.motivi ?? [],
      risposta: r.risposta,
    }));
  }

  async ricevuta(cred: CredenzialeChiave, organismo: string, pid: string, seq: number): Promise<Ricevuta> {
    // Visibility and redaction exactly as …/eventi.
    const eventi = await this.procedimenti.eventi(cred, organismo, pid);
    const e = eventi.find((x) => x.seq === seq);
    if (!e) throw new ErroreApi(404, "not_found", `Evento ${seq} non trovato.`);
    const { database, registro } = this.d;
    const [riga] = await inTenant(database, organismo, (tx) =>
      database.rows<{ impronta_ir: string | null }>(tx, sql`select impronta_ir from eventi where organismo_id = ${organismo} and procedimento_id = ${pid} and seq = ${seq}`),
    );
    const deposito = String((eventi[0]?.azione as { data?: string }).data ?? "").slice(0, 10);
    const { reg, regolamenti } = await registro.usa([organismo], () => {
      const reg = registro.versione(organismo, e.versione_regolamento);
      return { reg, regolamenti: reg ? [...registro.catalog.bases(reg, deposito), reg] : [] as Regolamento[] };
    });
    const testo = (fonte: string, nome: string) => regolamenti.find((x) => x.id === fonte)?.regole.find((g) => g.nome === nome)?.testo;
    const attuale = reg ? improntaIr(reg) : null;
    const stored = riga?.impronta_ir ?? null;
    return {
      organismo,
      procedimento: pid,
      evento: { seq: e.seq, azione: e.azione, attore: e.attore, registrato_il: e.registrato_il },
      versione: { regolamento: organismo, versione: e.versione_regolamento, impronta_ir: stored, impronta_attuale: attuale, corrisponde: stored !== null && stored === attuale },
      regole: (e.regole as { regola: string; cita: string; fonte: string; esito?: string }[]).map((g) => {
        const t = testo(g.fonte, g.regola);
        return { ...g, ...(t ? { testo: t } : {}) };
      }),
    };
  }
}
