// The catalogue of published versions (organismi and baselines), in memory and pure. A
// procedure is judged by the version in force at its deposito_domanda and by the baselines in
// force at that date, or by a later baseline version that declares it governs the procedures
// pending at its date (parametro `applica_ai_procedimenti_pendenti`) when this one was pending
// then; prepared versions are cached per (id, versione, bases' versions), least recently used first
// out past a budget in bytes. Prepared versions share their equal pieces (condivisione.ts).
import { prepare } from "./prepare.ts";
import { LruByte } from "./lru-byte.ts";
import type { Regolamento } from "./ir.ts";
import type { Prepared } from "./prepared.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** The reserved header parametro by which a version governs the procedures pending at its date. */
export const APPLICA_AI_PENDENTI = "applica_ai_procedimenti_pendenti";

/**
 * Whether a procedure was pending on a day: `al` is the day it is judged on (the question's `data`),
 * `conclusoIl` the day its verbale conclusivo was filed (absent: not concluded).
 */
export interface Pendenza {
  al: string;
  conclusoIl?: string;
}

/** Whether a version governs a procedure pending at its date: in force by `al`, and not concluded before it. */
function governaIPendenti(b: Regolamento, p: Pendenza): boolean {
  return b.parametri[APPLICA_AI_PENDENTI]?.valore === true && b.inVigoreDal <= p.al && (p.conclusoIl === undefined || p.conclusoIl >= b.inVigoreDal);
}
/** A version's baselines for a class of question, and its cache key on them. */
interface Scelta { basi: Regolamento[]; chiave: string }
/** A version's choices of baselines: the days that split the questions in classes, the choices made by class. */
interface Scelte { giorni: string[]; fatte: Map<number, Scelta> }
/** How many of `giorni` (in order) are on or before `d`. */
function posto(giorni: string[], d: string): number {
  let i = 0;
  while (i < giorni.length && giorni[i]! <= d) i++;
  return i;
}
const cmp = (a: Regolamento, b: Regolamento) => a.inVigoreDal.localeCompare(b.inVigoreDal) || a.versione.localeCompare(b.versione, undefined, { numeric: true });

/**
 * The default budget of prepared versions kept (estimated bytes): a few thousand full regolamenti
 * (bench/registro.ts); past it the least recently asked are prepared again on demand.
 */
export const BUDGET_PREPARATE = 128 * 2 ** 20;

/**
 * Bytes a prepared version holds of its own, roughly: what it shares with others (canonical IR,
 * compiled conditions, the law's prepared rules: condivisione.ts) is not counted. Measured with
 * bench/registro.ts's 1,000 variants: heap 65 → 105 MB after preparing them all, ≈ 40 kB each for
 * ≈ 90 rules; without sharing 217 MB.
 */
export function byteStimati(p: Prepared): number {
  return 8_192 + 352 * (p.regole.length + p.eccezioni.length) + 16 * p.azioniNote.length;
}

/**
 * What choosing a version needs of it (its place among the versions, the baselines it applies,
 * whether it governs the pending procedures): a server starts with these alone and loads a
 * version's rules when a question needs them (server/catalogo/registro.ts).
 */
export interface Intestazione {
  id: string;
  versione: string;
  inVigoreDal: string;
  applica: string[];
  governaIPendenti: boolean;
}

/** A version known by its header only whose rules are not loaded: the caller had to load them first. */
export class IrNonCaricata extends Error {
  constructor(readonly id: string, readonly versione: string) {
    super(`${id}@${versione}: regole non caricate`);
  }
}

export interface OpzioniCatalogo {
  budgetPreparate?: number;
  /** The full version of a header added with `addIntestazione`, if loaded (else undefined). */
  carica?: (id: string, versione: string) => Regolamento | undefined;
}

export class Catalog {
  // A version added by its header alone is held as a stand-in (id, versione, inVigoreDal, applica,
  // parametri: what the choice of versions reads) and completed through `carica` when its rules are needed.
  private readonly byId = new Map<string, Regolamento[]>();
  private readonly parziali = new WeakSet<Regolamento>();
  private readonly carica: ((id: string, versione: string) => Regolamento | undefined) | undefined;
  private readonly cache: LruByte<string, Prepared>;
  /** Per version, the baselines chosen so far (see `scelta`); renewed when a version is added or removed. */
  private scelte = new WeakMap<Regolamento, Scelte>();
  /** Versions prepared so far (a count of work, for tests: a start prepares nothing). */
  preparazioni = 0;

  constructor(opzioni: OpzioniCatalogo = {}) {
    this.cache = new LruByte(opzioni.budgetPreparate ?? BUDGET_PREPARATE);
    this.carica = opzioni.carica;
  }

  /** A published version known by its header: its rules come from `carica` when first needed. */
  addIntestazione(h: Intestazione): void {
    const r = { id: h.id, versione: h.versione, inVigoreDal: h.inVigoreDal, applica: h.applica, parametri: h.governaIPendenti ? { [APPLICA_AI_PENDENTI]: { valore: true } } : {} } as unknown as Regolamento;
    this.parziali.add(r);
    this.add(r);
  }

  /** The same versions (those known by their header stay so, loaded as here), an empty cache: a scratch catalogue. */
  copia(): Catalog {
    const c = new Catalog(this.carica ? { carica: this.carica } : {});
    for (const [id, list] of this.byId) {
      c.byId.set(id, [...list]);
      for (const r of list) if (this.parziali.has(r)) c.parziali.add(r);
    }
    return c;
  }

  /** The headers of an id's versions, oldest first (nothing loaded). */
  intestazioni(id: string): Intestazione[] {
    return (this.byId.get(id) ?? []).map((r) => ({ id: r.id, versione: r.versione, inVigoreDal: r.inVigoreDal, applica: r.applica, governaIPendenti: r.parametri[APPLICA_AI_PENDENTI]?.valore === true }));
  }

  /** Whether a version's rules are at hand (held, or loaded and not yet dropped). */
  caricata(id: string, versione: string): boolean {
    const r = this.byId.get(id)?.find((x) => x.versione === versione);
    return !!r && (!this.parziali.has(r) || this.carica?.(id, versione) !== undefined);
  }

  /** The full version of what the catalogue holds (itself, or its loaded rules). */
  private completa(r: Regolamento): Regolamento {
    if (!this.parziali.has(r)) return r;
    const piena = this.carica?.(r.id, r.versione);
    if (!piena) throw new IrNonCaricata(r.id, r.versione);
    return piena;
  }

  /** The cache of prepared versions: its budget, what it holds, how many it dropped. */
  get memoria(): { budget: number; byte: number; preparate: number; espulse: number } {
    return { budget: this.cache.budget, byte: this.cache.byte, preparate: this.cache.size, espulse: this.cache.espulse };
  }

  /** A published version (baselines too). Re-adding the same (id, versione) replaces it. */
  add(r: Regolamento): void {
    // Held as given: its rules are made canonical (condivisione.ts) when it is first prepared. Made
    // canonical here, 1,000 versions took ≈ 2 s more to start for ≈ 6 MB less heap (strings are
    // deduplicated either way: the parser's and JSON's are interned).
    const list = (this.byId.get(r.id) ?? []).filter((x) => x.versione !== r.versione);
    list.push(r);
    list.sort(cmp);
    this.byId.set(r.id, list);
    this.invalidate(r.id);
  }

  remove(id: string, versione: string): void {
    const list = this.byId.get(id);
    if (!list) return;
    const rest = list.filter((x) => x.versione !== versione);
    if (rest.length) this.byId.set(id, rest); else this.byId.delete(id);
    this.invalidate(id);
  }

  /** Every id in the catalogue. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Oldest first. */
  versions(id: string): Regolamento[] {
    return (this.byId.get(id) ?? []).map((r) => this.completa(r));
  }

  inForce(id: string, date: string): Regolamento | undefined {
    const r = this.inVigore(id, date);
    return r && this.completa(r);
  }

  private inVigore(id: string, date: string): Regolamento | undefined {
    const list = this.byId.get(id);
    if (!list) return undefined;
    const d = date.slice(0, 10);
    let hit: Regolamento | undefined;
    for (const r of list) if (r.inVigoreDal <= d) hit = r;
    return hit;
  }

  /**
   * The baselines `r` applies (and those they apply), each in the version in force at `date`;
   * before a baseline's first version, its oldest version. With `pendenza`, a later version that
   * governs the procedures pending at its date (and this one was) takes its place: the latest such.
   */
  bases(r: Pick<Regolamento, "id" | "applica">, date: string, pendenza?: Pendenza): Regolamento[] {
    return this.basi(r, date, pendenza).map((b) => this.completa(b));
  }

  private basi(r: Pick<Regolamento, "id" | "applica">, date: string, pendenza?: Pendenza): Regolamento[] {
    const out: Regolamento[] = [];
    const seen = new Set<string>([r.id]);
    const visit = (ids: string[]) => {
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        let b = this.inVigore(id, date) ?? this.byId.get(id)?.[0];
        if (!b) continue;
        if (pendenza) for (const v of this.byId.get(id) ?? []) if (v.inVigoreDal > b.inVigoreDal && governaIPendenti(v, pendenza)) b = v;
        visit(b.applica);
        out.push(b);
      }
    };
    visit(r.applica);
    return out;
  }

  /** Throws when the organismo or the version is unknown (the caller answers 404). */
  prepared(id: string, at: { date?: string | undefined; versione?: string | undefined; pendenza?: Pendenza }): Prepared {
    const list = this.byId.get(id);
    if (!list || list.length === 0) throw new Error(`regolamento sconosciuto: ${id}`);
    let r: Regolamento | undefined;
    if (at.versione !== undefined) {
      r = list.find((x) => x.versione === at.versione);
      if (!r) throw new Error(`${id}: versione sconosciuta ${at.versione} (versioni: ${list.map((x) => x.versione).join(", ")})`);
    } else {
      const d = at.date ?? today();
      r = this.inVigore(id, d);
      if (!r) throw new Error(`${id}: nessuna versione in vigore al ${d} (la prima è in vigore dal ${list[0]!.inVigoreDal})`);
    }
    const date = at.date ?? (r.inVigoreDal > today() ? r.inVigoreDal : today());
    const { basi, chiave } = this.scelta(r, date, at.pendenza);
    let p = this.cache.get(chiave);
    if (!p) { p = prepare(this.completa(r), basi.map((b) => this.completa(b))); this.preparazioni++; this.cache.set(chiave, p, byteStimati(p)); }
    return p;
  }

  /**
   * The baselines of `r` for a question (`basi`) and the cache key of `r` on them, made once per
   * version and class of question. The choice reads the question's days (`date`, the pendenza's
   * `al` and `conclusoIl`) only by comparing them with the days its baselines' versions come into
   * force (`Scelte.giorni`): questions whose days fall between the same of those days get the same
   * baselines. Building the choice and its key on every question was ≈ 1/3 of what a question to
   * each of 1,000 organismi costs more than a question to one (docs/prestazioni.md).
   */
  private scelta(r: Regolamento, date: string, pendenza: Pendenza | undefined): Scelta {
    let s = this.scelte.get(r);
    if (!s) { s = { giorni: this.giorniDelleBasi(r), fatte: new Map() }; this.scelte.set(r, s); }
    const g = s.giorni;
    const m = g.length + 2;
    // Without a pendenza no later version governs, as with a pendenza before all of `giorni` (class 0).
    const classe = (posto(g, date.slice(0, 10)) * m + (pendenza ? posto(g, pendenza.al) : 0)) * m + (pendenza?.conclusoIl === undefined ? m - 1 : posto(g, pendenza.conclusoIl));
    let c = s.fatte.get(classe);
    if (!c) {
      const basi = this.basi(r, date, pendenza);
      c = { basi, chiave: `${r.id}@${r.versione}|${basi.map((b) => `${b.id}@${b.versione}`).join(",")}` };
      s.fatte.set(classe, c);
    }
    return c;
  }

  /** The days on which a version of a baseline `r` may apply (transitively, any version's) comes into force, in order. */
  private giorniDelleBasi(r: Regolamento): string[] {
    const giorni = new Set<string>();
    const visti = new Set<string>([r.id]);
    const visita = (ids: string[]) => {
      for (const id of ids) {
        if (visti.has(id)) continue;
        visti.add(id);
        for (const v of this.byId.get(id) ?? []) { giorni.add(v.inVigoreDal); visita(v.applica); }
      }
    };
    visita(r.applica);
    return [...giorni].sort();
  }

  /**
   * The rules that judge a question: the version it names (or `versione`), else the one in force at
   * its deposito_domanda; the baselines in force then, or the later one that governs the procedures
   * still pending at its date. The one choice the server, the CLI, the scenarios and the offline
   * engine all make.
   */
  perDomanda(id: string, q: { data?: unknown; versione?: unknown; procedimento?: { eventi?: unknown } }, versione?: string): Prepared {
    const v = versione ?? (typeof q?.versione === "string" ? q.versione : undefined);
    return this.prepared(id, { versione: v, date: dataDiRiferimento(q) || undefined, pendenza: pendenzaDi(q) });
  }

  /** Drops cached prepared versions (of one id, and of every version that applies it). */
  invalidate(id?: string): void {
    this.scelte = new WeakMap();
    if (id === undefined) { this.cache.clear(); return; }
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${id}@`) || k.includes(`|${id}@`) || k.includes(`,${id}@`)) this.cache.delete(k);
  }
}

/** The date a procedure is judged at: its deposito_domanda, else the question's date. */
export function dataDiRiferimento(q: { data?: unknown; procedimento?: { eventi?: unknown } }): string | undefined {
  const ev = Array.isArray(q?.procedimento?.eventi) ? (q.procedimento!.eventi as { azione?: unknown; data?: unknown }[]) : [];
  const dep = ev.find((e) => e && e.azione === "deposito_domanda" && typeof e.data === "string");
  if (dep) return (dep.data as string).slice(0, 10);
  return typeof q?.data === "string" ? q.data.slice(0, 10) : undefined;
}

/**
 * What the catalogue needs of a question beyond the deposit date: the day it is judged on (its
 * `data`, else today) and the day the procedure ended, if it has: the first `verbale` other than a
 * verbale di prosecuzione, or a `conclusione` (the "verbale conclusivo" of art. 4 D.Lgs. 216/2024).
 */
export function pendenzaDi(q: { data?: unknown; procedimento?: { eventi?: unknown } }): Pendenza {
  const ev = Array.isArray(q?.procedimento?.eventi) ? (q.procedimento!.eventi as unknown[]) : [];
  let conclusoIl: string | undefined;
  for (const e of ev) conclusoIl = conclusione(conclusoIl, e);
  return pendenza(q?.data, conclusoIl);
}

/** The day the procedure ended after one more event (the earliest that ends it): `pendenzaDi`'s fold, one event. */
export function conclusione(conclusoIl: string | undefined, e0: unknown): string | undefined {
  const e = e0 as { azione?: unknown; data?: unknown; tipo?: unknown; annullato?: unknown } | null | undefined;
  if (!e || typeof e.data !== "string" || e.annullato) return conclusoIl;
  const conclude = (e.azione === "verbale" && e.tipo !== "prosecuzione") || e.azione === "conclusione";
  return conclude && (conclusoIl === undefined || e.data.slice(0, 10) < conclusoIl) ? e.data.slice(0, 10) : conclusoIl;
}

/** The question's `Pendenza`, given the day the procedure ended (`conclusione`). */
export function pendenza(data: unknown, conclusoIl: string | undefined): Pendenza {
  const al = typeof data === "string" && /^\d{4}-\d{2}-\d{2}/.test(data) ? data.slice(0, 10) : today();
  return conclusoIl === undefined ? { al } : { al, conclusoIl };
}
