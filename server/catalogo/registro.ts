// The in-memory catalogue of published regolamenti, rebuilt from the database at start and kept in
// step across servers sharing one database: a publish sends `NOTIFY regolamenti, '<id>@<versione>'`
// and every server (this one included) adds that version and drops its cached preparations.
// Published versions are stored compiled (IR and its hash): a start reads them in one query and
// compiles nothing; a version is prepared on its first question and kept in the catalogue's cache
// of prepared versions (least recently used out, past a budget in bytes: engine/catalog.ts).
import { sql } from "drizzle-orm";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { improntaIr, ricordaImpronta } from "../ricevute/impronta.ts";
import type { Catalog, Header, Motore, Pendenza, Prepared, Regolamento } from "../engine-adapter.ts";

export const CANALE_PUBBLICAZIONI = "regolamenti";
const INTERVALLO_RICONCILIAZIONE_MS = 60_000;
const PAGINA = 100;

interface RigaPubblicata {
  organismo_id: string;
  versione: string;
  ir: Regolamento;
  impronta_ir: string | null;
}

export class Registro {
  private chiudi?: () => Promise<void>;
  private timer?: NodeJS.Timeout;
  /** Versions seen through NOTIFY, for tests and /v1/stato. */
  notificheRicevute = 0;

  private constructor(
    private readonly database: Database,
    readonly catalog: Catalog,
  ) {}

  /** `budgetPreparate`: estimated bytes of prepared versions kept (default: the engine's). */
  static async apri(database: Database, motore: Motore, budgetPreparate?: number): Promise<Registro> {
    const r = new Registro(database, motore.newCatalog(budgetPreparate === undefined ? {} : { budgetPreparate }));
    // Listen first, then load: a publish in between is seen by one or the other (adding is idempotent).
    r.chiudi = await database.listen(CANALE_PUBBLICAZIONI, (payload) => {
      r.notificheRicevute++;
      void r.ricarica(payload).catch((e: unknown) => console.error("[registro] notifica non applicata:", e));
    });
    // In pages: one result of 1,000 IRs (≈ 60 MB of JSON) grew PGlite's memory, which is never given back.
    const righe: { organismo_id: string; versione: string; impronta_ir: string | null }[] = [];
    for (let dopo = ["", ""]; ; ) {
      const pagina = await inTenant(database, null, (tx) =>
        database.rows<RigaPubblicata>(
          tx,
          sql`select organismo_id, versione, ir, impronta_ir from regolamento_versioni
              where stato = 'pubblicata' and ir is not null and (organismo_id, versione) > (${dopo[0]}, ${dopo[1]})
              order by organismo_id, versione limit ${PAGINA}`,
        ),
      );
      for (const riga of pagina) {
        r.aggiungi(riga.ir, riga.impronta_ir);
        righe.push({ organismo_id: riga.organismo_id, versione: riga.versione, impronta_ir: riga.impronta_ir });
      }
      if (pagina.length < PAGINA) break;
      dopo = [pagina.at(-1)!.organismo_id, pagina.at(-1)!.versione];
    }
    // Versions published before the hash was stored get it once (the trigger lets a null hash be set).
    const senza = righe.filter((x) => x.impronta_ir === null);
    // Each in its organismo's tenant (the row's policy lets only its owner write it).
    for (const x of senza) {
      const v = r.versione(x.organismo_id, x.versione);
      if (v)
        await inTenant(database, x.organismo_id, (tx) =>
          tx.execute(sql`update regolamento_versioni set impronta_ir = ${improntaIr(v)} where organismo_id = ${x.organismo_id} and versione = ${x.versione} and impronta_ir is null`),
        );
    }
    // A notification lost (e.g. while the LISTEN connection was reconnecting) is recovered here.
    r.timer = setInterval(() => void r.riconcilia().catch(() => {}), INTERVALLO_RICONCILIAZIONE_MS);
    r.timer.unref();
    return r;
  }

  /** Adds any published version the catalogue lacks (cheap: names only, then the missing rows). */
  async riconcilia(): Promise<number> {
    const nomi = await inTenant(this.database, null, (tx) =>
      this.database.rows<{ organismo_id: string; versione: string }>(tx, sql`select organismo_id, versione from regolamento_versioni where stato = 'pubblicata' and ir is not null`),
    );
    let aggiunte = 0;
    for (const n of nomi) {
      if (this.ha(n.organismo_id, n.versione)) continue;
      await this.ricarica(`${n.organismo_id}@${n.versione}`);
      aggiunte++;
    }
    return aggiunte;
  }

  /** `<organismo>@<versione>` just published: read it (public row) and add it. */
  async ricarica(payload: string): Promise<void> {
    const at = payload.lastIndexOf("@");
    if (at <= 0) return;
    const organismo = payload.slice(0, at);
    const versione = payload.slice(at + 1);
    if (this.ha(organismo, versione)) return;
    const [riga] = await inTenant(this.database, null, (tx) =>
      this.database.rows<RigaPubblicata>(
        tx,
        sql`select organismo_id, versione, ir, impronta_ir from regolamento_versioni
            where organismo_id = ${organismo} and versione = ${versione} and stato = 'pubblicata'`,
      ),
    );
    if (riga?.ir) this.aggiungi(riga.ir, riga.impronta_ir);
  }

  /** `impronta`: the hash stored with it, if any (not computed again for receipts). */
  aggiungi(r: Regolamento, impronta?: string | null): void {
    if (this.ha(r.id, r.versione)) return;
    // `add` drops the cached preparations of this id and of everything that applies it.
    this.catalog.add(r);
    const tenuta = impronta ? this.versione(r.id, r.versione) : undefined;
    if (tenuta && impronta) ricordaImpronta(tenuta, impronta);
  }

  ha(organismo: string, versione?: string): boolean {
    const vs = this.catalog.versions(organismo);
    return versione === undefined ? vs.length > 0 : vs.some((v) => v.versione === versione);
  }

  versione(organismo: string, versione: string): Regolamento | undefined {
    return this.catalog.versions(organismo).find((v) => v.versione === versione);
  }

  inVigore(organismo: string, data: string): Regolamento | undefined {
    return this.catalog.inForce(organismo, data);
  }

  /** The prepared rules, or undefined when the organismo has no version for that date/version. */
  preparato(organismo: string, at: { date?: string; versione?: string; pendenza?: Pendenza }): Prepared | undefined {
    if (at.versione ? !this.ha(organismo, at.versione) : !this.inVigore(organismo, at.date ?? oggi())) return undefined;
    return this.catalog.prepared(organismo, at);
  }

  /** The baselines a source applies, in force at its date (for check/compile of a draft). */
  basi(h: Pick<Header, "applica" | "inVigoreDal"> | undefined): Regolamento[] {
    if (!h) return [];
    // Transitively, as the catalogue resolves them for a published version.
    return this.catalog.bases({ id: "", applica: h.applica } as unknown as Regolamento, h.inVigoreDal);
  }

  async chiusura(): Promise<void> {
    clearInterval(this.timer);
    await this.chiudi?.();
  }
}

/** Today in Europe/Rome, ISO. */
export function oggi(): string {
  return formatoRoma.format(new Date());
}
// Built once: constructing an Intl.DateTimeFormat costs more than an evaluation.
const formatoRoma = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" });
