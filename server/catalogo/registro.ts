// The in-memory catalogue of published regolamenti, kept in step across servers sharing one
// database: a publish sends `NOTIFY regolamenti, '<id>@<versione>'` and every server (this one
// included) adds that version and drops its cached preparations.
// A start reads the index alone (organismo, versione, in vigore dal, the baselines applied, whether
// it governs the pending procedures, hash): no IR. A version's IR (stored compiled) is read when a
// question first needs it (`assicura`, at the request's edge, before the synchronous engine call)
// and kept in a cache bounded in bytes, least recently used out: published versions are immutable,
// so one dropped is read again identically. IRs are held canonical and frozen (`irCondivisa`): what
// is equal across organismi is one object. Prepared versions have their own cache (engine/catalog.ts).
import { sql } from "drizzle-orm";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { LruByte } from "../../engine/lru-byte.ts";
import { improntaIr, ricordaImpronta } from "../ricevute/impronta.ts";
import { irCondivisa, type Catalog, type Header, type Motore, type Pendenza, type Prepared, type Regolamento } from "../engine-adapter.ts";

export const CANALE_PUBBLICAZIONI = "regolamenti";
const INTERVALLO_RICONCILIAZIONE_MS = 60_000;
/** Versions read in one query when a question needs several (its baselines, a listing). */
const PAGINA = 100;
/**
 * The default budget of IRs kept (estimated bytes: the JSON's length × 2, ≈ 116 kB for the 1,000
 * variants of bench/registro.ts). An upper bound: IRs are held canonical (`irCondivisa`), so what
 * one adds is only what no other version holds (the 540 IRs this budget keeps in the bench: ≈ 3 MB
 * of live heap, against ≈ 60 MB parsed apart). Past it, the least recently used are read again from
 * the database when a request needs them. A prepared version
 * holds only its IR's identity (engine/prepared.ts `regolamento`): past the requests under way
 * (`usa`), this cache holds the only IRs.
 */
export const BUDGET_IR = 64 * 2 ** 20;
const BYTE_PER_CARATTERE = 2;

interface RigaIndice {
  organismo_id: string;
  versione: string;
  in_vigore_dal: string;
  applica: string[] | null;
  pendenti: boolean | null;
  impronta_ir: string | null;
}

// The index: what choosing a version needs, kept beside the IR (migration 0009: columns the database
// computes from it), so that the IR is not read.
const COLONNE_INDICE = sql`organismo_id, versione, coalesce(in_vigore_dal, ir->>'inVigoreDal') as in_vigore_dal, applica, governa_pendenti as pendenti, impronta_ir`;

export interface OpzioniRegistro {
  /** Estimated bytes of prepared versions kept (default: the engine's). */
  budgetPreparate?: number;
  /** Estimated bytes of IRs kept (default BUDGET_IR). */
  budgetIr?: number;
}

export class Registro {
  private chiudi?: () => Promise<void>;
  private timer?: NodeJS.Timeout;
  /** Versions seen through NOTIFY, for tests and /v1/stato. */
  notificheRicevute = 0;
  /** IRs read from the database (a count of work, for tests: a start reads none). */
  letture = 0;
  private readonly ir: LruByte<string, Regolamento>;
  // IRs in use by a request (`usa`): held even if the cache drops them meanwhile.
  private readonly tenute = new Map<string, { r: Regolamento; n: number }>();
  /** Every id some version applies (the baselines). */
  private readonly basiNote = new Set<string>();
  private readonly inCorso = new Map<string, Promise<Map<string, Regolamento>>>();
  readonly catalog: Catalog;

  private constructor(
    private readonly database: Database,
    motore: Motore,
    opzioni: OpzioniRegistro,
  ) {
    this.ir = new LruByte(opzioni.budgetIr ?? BUDGET_IR);
    this.catalog = motore.newCatalog({
      ...(opzioni.budgetPreparate === undefined ? {} : { budgetPreparate: opzioni.budgetPreparate }),
      carica: (id, versione) => this.ir.get(chiave(id, versione)) ?? this.tenute.get(chiave(id, versione))?.r,
    });
  }

  static async apri(database: Database, motore: Motore, opzioni: OpzioniRegistro = {}): Promise<Registro> {
    const r = new Registro(database, motore, opzioni);
    // Listen first, then load: a publish in between is seen by one or the other (adding is idempotent).
    r.chiudi = await database.listen(CANALE_PUBBLICAZIONI, (payload) => {
      r.notificheRicevute++;
      void r.ricarica(payload).catch((e: unknown) => console.error("[registro] notifica non applicata:", e));
    });
    const righe = await inTenant(database, null, (tx) =>
      database.rows<RigaIndice>(tx, sql`select ${COLONNE_INDICE} from regolamento_versioni where stato = 'pubblicata' and ir is not null`),
    );
    for (const riga of righe) r.aggiungiIntestazione(riga);
    // Versions published before the hash was stored get it once (the trigger lets a null hash be set):
    // their IR is read for it. Each in its organismo's tenant (the row's policy lets only its owner write it).
    for (const x of righe.filter((x) => x.impronta_ir === null)) {
      const k = chiave(x.organismo_id, x.versione);
      const v = (await r.assicuraVersioni([[x.organismo_id, x.versione]])).get(k) ?? r.ir.get(k);
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

  /** The IR cache: its budget, what it holds, how many it dropped. */
  get memoriaIr(): { budget: number; byte: number; versioni: number; espulse: number } {
    return { budget: this.ir.budget, byte: this.ir.byte, versioni: this.ir.size, espulse: this.ir.espulse };
  }

  /** Adds any published version the catalogue lacks (cheap: the index only). */
  async riconcilia(): Promise<number> {
    const righe = await inTenant(this.database, null, (tx) =>
      this.database.rows<RigaIndice>(tx, sql`select ${COLONNE_INDICE} from regolamento_versioni where stato = 'pubblicata' and ir is not null`),
    );
    let aggiunte = 0;
    for (const riga of righe) {
      if (this.ha(riga.organismo_id, riga.versione)) continue;
      this.aggiungiIntestazione(riga);
      aggiunte++;
    }
    return aggiunte;
  }

  /** `<organismo>@<versione>` just published: read its index row (public) and add it. */
  async ricarica(payload: string): Promise<void> {
    const at = payload.lastIndexOf("@");
    if (at <= 0) return;
    const organismo = payload.slice(0, at);
    const versione = payload.slice(at + 1);
    if (this.ha(organismo, versione)) return;
    const [riga] = await inTenant(this.database, null, (tx) =>
      this.database.rows<RigaIndice>(
        tx,
        sql`select ${COLONNE_INDICE} from regolamento_versioni
            where organismo_id = ${organismo} and versione = ${versione} and stato = 'pubblicata' and ir is not null`,
      ),
    );
    if (riga) this.aggiungiIntestazione(riga);
  }

  private aggiungiIntestazione(riga: RigaIndice): void {
    if (this.ha(riga.organismo_id, riga.versione)) return;
    // `add` drops the cached preparations of this id and of everything that applies it.
    for (const b of riga.applica ?? []) this.basiNote.add(b);
    this.catalog.addIntestazione({ id: riga.organismo_id, versione: riga.versione, inVigoreDal: riga.in_vigore_dal, applica: riga.applica ?? [], governaIPendenti: riga.pendenti === true });
  }

  /** A version published by this server: added with its IR at hand. `impronta`: the hash stored with it. */
  aggiungi(r: Regolamento, impronta?: string | null): void {
    if (this.ha(r.id, r.versione)) return;
    const caratteri = JSON.stringify(r).length;
    const c = irCondivisa(r);
    if (impronta) ricordaImpronta(c, impronta);
    this.tieni(c, caratteri);
    for (const b of c.applica) this.basiNote.add(b);
    this.catalog.addIntestazione({ id: r.id, versione: r.versione, inVigoreDal: r.inVigoreDal, applica: r.applica, governaIPendenti: r.parametri["applica_ai_procedimenti_pendenti"]?.valore === true });
  }

  private tieni(r: Regolamento, caratteri: number): void {
    const k = chiave(r.id, r.versione);
    this.ir.set(k, r, caratteri * BYTE_PER_CARATTERE);
  }

  /**
   * Runs `fn` with the IRs a question on these organismi may need at hand: every version of each,
   * and of each baseline they apply (transitively), read if missing and held until `fn` ends (the
   * cache may drop them meanwhile for other requests: these stay). Inside, the synchronous uses
   * (`versione`, `preparato`, `basi`, the catalogue) find them.
   */
  async usa<T>(organismi: string[], fn: () => T | Promise<T>): Promise<T> {
    const versioni = this.chiusura_(organismi);
    const lette = await this.assicuraVersioni(versioni);
    const tenute: string[] = [];
    for (const [id, v] of versioni) {
      const k = chiave(id, v);
      const r = this.ir.get(k) ?? this.tenute.get(k)?.r ?? lette.get(k);
      if (!r) continue; // a held version (seeds, this server's publications) or one gone meanwhile
      const t = this.tenute.get(k);
      if (t) t.n++; else this.tenute.set(k, { r, n: 1 });
      tenute.push(k);
    }
    try {
      return await fn();
    } finally {
      for (const k of tenute) {
        const t = this.tenute.get(k)!;
        if (--t.n === 0) this.tenute.delete(k);
      }
    }
  }

  /** The versions of these organismi and of the baselines they apply, transitively. */
  private chiusura_(organismi: string[]): [string, string][] {
    const versioni: [string, string][] = [];
    const visti = new Set<string>();
    const visita = (id: string) => {
      if (visti.has(id)) return;
      visti.add(id);
      for (const h of this.catalog.intestazioni(id)) {
        versioni.push([id, h.versione]);
        for (const b of h.applica) visita(b);
      }
    };
    for (const o of organismi) visita(o);
    // Every baseline too (a handful, asked by every question): the law alone of a conformity check
    // may apply one the organismo does not (engine/analisi/conformita.ts ABROGATE).
    for (const b of this.basiNote) visita(b);
    return versioni;
  }

  /** Reads the missing IRs (one query per PAGINA); returns those read (kept in the cache if they fit). */
  private async assicuraVersioni(versioni: [string, string][]): Promise<Map<string, Regolamento>> {
    const attese: Promise<Map<string, Regolamento>>[] = [];
    const mancanti: [string, string][] = [];
    for (const [id, v] of versioni) {
      const corso = this.inCorso.get(chiave(id, v));
      if (corso) attese.push(corso);
      else if (!this.catalog.caricata(id, v)) mancanti.push([id, v]);
    }
    for (let i = 0; i < mancanti.length; i += PAGINA) {
      const pagina = mancanti.slice(i, i + PAGINA);
      const lettura = this.leggi(pagina);
      for (const [id, v] of pagina) this.inCorso.set(chiave(id, v), lettura);
      attese.push(lettura.finally(() => { for (const [id, v] of pagina) this.inCorso.delete(chiave(id, v)); }));
    }
    return new Map((await Promise.all(attese)).flatMap((m) => [...m]));
  }

  private async leggi(versioni: [string, string][]): Promise<Map<string, Regolamento>> {
    // Two text arrays, joined on the primary key (array literals: JSON's quoting is Postgres's).
    const lista = (xs: string[]) => `{${xs.map((x) => JSON.stringify(x)).join(",")}}`;
    const righe = await inTenant(this.database, null, (tx) =>
      this.database.rows<{ ir: string; impronta_ir: string | null }>(
        tx,
        sql`select v.ir::text as ir, v.impronta_ir from regolamento_versioni v
            join unnest(${lista(versioni.map((x) => x[0]))}::text[], ${lista(versioni.map((x) => x[1]))}::text[]) as k(organismo_id, versione)
              on v.organismo_id = k.organismo_id and v.versione = k.versione
            where v.stato = 'pubblicata'`,
      ),
    );
    const lette = new Map<string, Regolamento>();
    for (const riga of righe) {
      const r = irCondivisa(JSON.parse(riga.ir) as Regolamento);
      this.letture++;
      if (riga.impronta_ir) ricordaImpronta(r, riga.impronta_ir);
      this.tieni(r, riga.ir.length);
      lette.set(chiave(r.id, r.versione), r);
    }
    return lette;
  }

  ha(organismo: string, versione?: string): boolean {
    const vs = this.catalog.intestazioni(organismo);
    return versione === undefined ? vs.length > 0 : vs.some((v) => v.versione === versione);
  }

  /** The version: inside `usa` (its IR at hand). */
  versione(organismo: string, versione: string): Regolamento | undefined {
    if (!this.ha(organismo, versione)) return undefined;
    return this.catalog.versions(organismo).find((v) => v.versione === versione);
  }

  /** The version in force at a date, by its header (nothing read). */
  versioneInVigore(organismo: string, data: string): string | undefined {
    let hit: string | undefined;
    for (const h of this.catalog.intestazioni(organismo)) if (h.inVigoreDal <= data.slice(0, 10)) hit = h.versione;
    return hit;
  }

  /** The version in force at a date: inside `usa`. */
  inVigore(organismo: string, data: string): Regolamento | undefined {
    const v = this.versioneInVigore(organismo, data);
    return v === undefined ? undefined : this.versione(organismo, v);
  }

  /** The prepared rules, or undefined when the organismo has no version for that date/version: inside `usa`. */
  preparato(organismo: string, at: { date?: string; versione?: string; pendenza?: Pendenza }): Prepared | undefined {
    if (at.versione ? !this.ha(organismo, at.versione) : this.versioneInVigore(organismo, at.date ?? oggi()) === undefined) return undefined;
    return this.catalog.prepared(organismo, at);
  }

  /** The baselines a source applies, in force at its date (for check/compile of a draft): inside `usa(h.applica)`. */
  basi(h: Pick<Header, "applica" | "inVigoreDal"> | undefined): Regolamento[] {
    if (!h) return [];
    // Transitively, as the catalogue resolves them for a published version.
    return this.catalog.bases({ id: "", applica: h.applica }, h.inVigoreDal);
  }

  async chiusura(): Promise<void> {
    clearInterval(this.timer);
    await this.chiudi?.();
  }
}

const chiave = (id: string, versione: string) => `${id}@${versione}`;

/** Today in Europe/Rome, ISO. */
export function oggi(): string {
  return formatoRoma.format(new Date());
}
// Built once: constructing an Intl.DateTimeFormat costs more than an evaluation.
const formatoRoma = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" });
