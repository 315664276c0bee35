// The catalogue of published versions (organismi and baselines), in memory and pure. A
// procedure is judged by the version in force at its deposito_domanda and by the baselines in
// force at that date; prepared versions are cached per (id, versione, bases' versions).
import { prepare } from "./prepare.ts";
import type { Regolamento } from "./ir.ts";
import type { Prepared } from "./prepared.ts";

const today = () => new Date().toISOString().slice(0, 10);
const cmp = (a: Regolamento, b: Regolamento) => a.inVigoreDal.localeCompare(b.inVigoreDal) || a.versione.localeCompare(b.versione, undefined, { numeric: true });

export class Catalog {
  private readonly byId = new Map<string, Regolamento[]>();
  private readonly cache = new Map<string, Prepared>();

  /** A published version (baselines too). Re-adding the same (id, versione) replaces it. */
  add(r: Regolamento): void {
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
    return [...(this.byId.get(id) ?? [])];
  }

  inForce(id: string, date: string): Regolamento | undefined {
    const list = this.byId.get(id);
    if (!list) return undefined;
    const d = date.slice(0, 10);
    let hit: Regolamento | undefined;
    for (const r of list) if (r.inVigoreDal <= d) hit = r;
    return hit;
  }

  /**
   * The baselines `r` applies (and those they apply), each in the version in force at `date`;
   * before a baseline's first version, its oldest version.
   */
  bases(r: Regolamento, date: string): Regolamento[] {
    const out: Regolamento[] = [];
    const seen = new Set<string>([r.id]);
    const visit = (ids: string[]) => {
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        const b = this.inForce(id, date) ?? this.byId.get(id)?.[0];
        if (!b) continue;
        visit(b.applica);
        out.push(b);
      }
    };
    visit(r.applica);
    return out;
  }

  /** Throws when the organismo or the version is unknown (the caller answers 404). */
  prepared(id: string, at: { date?: string; versione?: string }): Prepared {
    const list = this.byId.get(id);
    if (!list || list.length === 0) throw new Error(`regolamento sconosciuto: ${id}`);
    let r: Regolamento | undefined;
    if (at.versione !== undefined) {
      r = list.find((x) => x.versione === at.versione);
      if (!r) throw new Error(`${id}: versione sconosciuta ${at.versione} (versioni: ${list.map((x) => x.versione).join(", ")})`);
    } else {
      const d = at.date ?? today();
      r = this.inForce(id, d);
      if (!r) throw new Error(`${id}: nessuna versione in vigore al ${d} (la prima è in vigore dal ${list[0]!.inVigoreDal})`);
    }
    const date = at.date ?? (r.inVigoreDal > today() ? r.inVigoreDal : today());
    const bases = this.bases(r, date);
    const key = `${r.id}@${r.versione}|${bases.map((b) => `${b.id}@${b.versione}`).join(",")}`;
    let p = this.cache.get(key);
    if (!p) { p = prepare(r, bases); this.cache.set(key, p); }
    return p;
  }

  /** Drops cached prepared versions (of one id, and of every version that applies it). */
  invalidate(id?: string): void {
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
