// The delivery worker, in the server process: every `intervalloMs` it claims due outbox rows of each
// organismo, delivers them, logs each attempt and schedules the next with exponential backoff (at
// most `tentativiMassimi`, then the row is `fallita`); every `scansioneMs` it adds the agenda's
// deadline events. Several servers on one Postgres never deliver a row twice at once: the claim is
// `FOR UPDATE SKIP LOCKED` plus a lease (`in_consegna_fino`) committed before the HTTP call, so
// the lock is not held across the network; a server that dies mid-delivery leaves a lease that
// expires and another retries (at least once). PGlite is one process: the same statements serve.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { oggi } from "../catalogo/registro.ts";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { invia } from "./invio.ts";
import { uscitaScadenze } from "./uscita.ts";

export interface OpzioniConsegna {
  intervalloMs: number;
  scansioneMs: number;
  /** Backoff: base · 2^(attempt−1), capped at `massimoAttesaMs`. */
  baseRitentativoMs: number;
  massimoAttesaMs: number;
  tentativiMassimi: number;
  timeoutMs: number;
  /** Rows claimed per organismo per round. */
  lotto: number;
  /** A claim's lease: longer than the timeout, so a slow delivery is not claimed twice. */
  leaseMs: number;
  /** Today (Europe/Rome) for the agenda scan: the clock, injected so tests can move it. */
  oggi: () => string;
}

export const OPZIONI_PREDEFINITE: OpzioniConsegna = {
  intervalloMs: 1000,
  scansioneMs: 60_000,
  baseRitentativoMs: 10_000,
  massimoAttesaMs: 6 * 3600_000,
  tentativiMassimi: 10,
  timeoutMs: 10_000,
  lotto: 20,
  leaseMs: 60_000,
  oggi,
};

interface Reclamata {
  id: string;
  webhook_id: string;
  tipo: string;
  corpo: unknown;
  tentativi: number;
  url: string;
  segreto: string;
}

export class Consegnatore {
  private timer: NodeJS.Timeout | undefined;
  private giroInCorso: Promise<void> | undefined;
  private ultimaScansione = 0;
  private fermo = false;
  /** Deliveries made since start (GET /v1/salute could show it; the bench reads it). */
  consegnate = 0;

  constructor(private readonly database: Database, private readonly o: OpzioniConsegna = OPZIONI_PREDEFINITE) {}

  avvia(): void {
    const ciclo = () => {
      if (this.fermo) return;
      this.giroInCorso = this.giro().catch((e) => console.error("webhook: giro di consegna fallito:", (e as Error).message));
      void this.giroInCorso.finally(() => {
        if (!this.fermo) this.timer = setTimeout(ciclo, this.o.intervalloMs);
      });
    };
    this.timer = setTimeout(ciclo, 0);
  }

  async chiudi(): Promise<void> {
    this.fermo = true;
    clearTimeout(this.timer);
    await this.giroInCorso;
  }

  /** One round over every organismo: the agenda scan when due, then the due deliveries. */
  async giro(): Promise<void> {
    const organismi = await inTenant(this.database, null, (tx) =>
      this.database.rows<{ organismo_id: string }>(tx, sql`select organismo_id from organismi where not normativa`),
    );
    const scansione = Date.now() - this.ultimaScansione >= this.o.scansioneMs;
    if (scansione) this.ultimaScansione = Date.now();
    for (const { organismo_id: org } of organismi) {
      if (this.fermo) return;
      if (scansione) await this.scandisciScadenze(org);
      await this.consegna(org);
    }
  }

  async scandisciScadenze(organismo: string): Promise<void> {
    await inTenant(this.database, organismo, (tx) => tx.execute(uscitaScadenze(organismo, this.o.oggi())));
  }

  private async consegna(organismo: string): Promise<void> {
    const { database, o } = this;
    const reclamate = await inTenant(database, organismo, (tx) =>
      database.rows<Reclamata>(
        tx,
        sql`update webhook_uscita u set in_consegna_fino = now() + make_interval(secs => ${o.leaseMs / 1000}), tentativi = u.tentativi + 1
            from webhook w
            where w.organismo_id = u.organismo_id and w.id = u.webhook_id
              and (u.organismo_id, u.id) in (
                -- A deactivated webhook's rows are not taken (nor do they hold the batch's places).
                select x.organismo_id, x.id from webhook_uscita x
                join webhook y on y.organismo_id = x.organismo_id and y.id = x.webhook_id and y.attivo
                where x.organismo_id = ${organismo} and x.stato = 'in_attesa' and x.prossimo_tentativo <= now()
                  and (x.in_consegna_fino is null or x.in_consegna_fino < now())
                order by x.prossimo_tentativo limit ${o.lotto}
                for update of x skip locked)
            returning u.id, u.webhook_id, u.tipo, u.corpo, u.tentativi, w.url, w.segreto`,
      ),
    );
    await Promise.all(reclamate.map((r) => this.consegnaUna(organismo, r)));
  }

  private async consegnaUna(organismo: string, r: Reclamata): Promise<void> {
    const corpo = typeof r.corpo === "string" ? r.corpo : JSON.stringify(r.corpo);
    const esito = await invia({ url: r.url, segreto: r.segreto, corpo, consegna: r.id, tipo: r.tipo, timeoutMs: this.o.timeoutMs });
    const tentativo = Number(r.tentativi);
    const attesa = Math.min(this.o.massimoAttesaMs, this.o.baseRitentativoMs * 2 ** (tentativo - 1));
    const stato = esito.ok ? "consegnata" : tentativo >= this.o.tentativiMassimi ? "fallita" : "in_attesa";
    await inTenant(this.database, organismo, async (tx) => {
      await tx.execute(sql`insert into webhook_consegne (organismo_id, id, uscita_id, webhook_id, tentativo, status, errore, durata_ms)
                           values (${organismo}, ${randomUUID()}, ${r.id}, ${r.webhook_id}, ${tentativo}, ${esito.status}, ${esito.errore}, ${esito.durataMs})`);
      await tx.execute(sql`update webhook_uscita set stato = ${stato}, in_consegna_fino = null,
                             prossimo_tentativo = case when ${stato} = 'in_attesa' then now() + make_interval(secs => ${attesa / 1000}) else prossimo_tentativo end,
                             consegnata_il = case when ${stato} = 'consegnata' then now() else null end
                           where organismo_id = ${organismo} and id = ${r.id}`);
    });
    if (esito.ok) this.consegnate++;
  }
}
