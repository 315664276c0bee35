// One deadline, one window (engine/SEMANTICS.md §5 "Un termine, una finestra"): the terms of one
// scadenza written by different sources (the law and an organismo, two bases) bind together. The
// deadline is the later of their `dal` and the earlier of their `entro`; each binds every action any
// of them binds, so an action dated outside the narrowed window is denied by the rule that set the bound.
import { fonteDi } from "./fonte.ts";
import { fromDay } from "./dates/calendar.ts";
import type { Regola, Termine } from "./ir.ts";

/**
 * For `prepare`: the terms of one scadenza from different sources each bind (and are closed by) the
 * actions any of them lists, with the `campo` of the rule that lists it. Same-source terms of one
 * scadenza are left alone (two of them applying together are a conflict of the author).
 */
export function unisciPer(regole: Regola[]): void {
  const perNome = new Map<string, Termine[]>();
  for (const r of regole) {
    if (r.tipo !== "termine") continue;
    const l = perNome.get(r.scadenza);
    if (l) l.push(r); else perNome.set(r.scadenza, [r]);
  }
  for (const ts of perNome.values()) {
    if (new Set(ts.map((t) => t.fonte)).size < 2) continue;
    const tutte = ts.flatMap((t) => t.per);
    for (const t of ts) {
      const own = t.per;
      const extra = tutte.filter((x, i) => !own.some((y) => y.azione === x.azione) && tutte.findIndex((z) => z.azione === x.azione) === i);
      if (extra.length) t.per = [...own, ...extra];
    }
  }
}

/** A term's window as days, for narrowing. */
export interface Membro {
  t: Termine;
  dal: number | undefined;
  entro: number | undefined;
}

export interface Ristretta {
  dal: number | undefined;
  entro: number | undefined;
  /** The rule that set each bound (absent when no member has that bound). */
  daDal?: Termine;
  daEntro?: Termine;
}

/** The intersection of the members' windows: the later `dal`, the earlier `entro` (the first member wins a tie). */
export function restringi(membri: readonly Membro[]): Ristretta {
  const out: Ristretta = { dal: undefined, entro: undefined };
  for (const m of membri) {
    if (m.dal !== undefined && (out.dal === undefined || m.dal > out.dal)) { out.dal = m.dal; out.daDal = m.t; }
    if (m.entro !== undefined && (out.entro === undefined || m.entro < out.entro)) { out.entro = m.entro; out.daEntro = m.t; }
  }
  return out;
}

const chi = (t: Termine, organismo: string) => `${t.nome} (${t.cita}, ${fonteDi(t, organismo)})`;

/** What the trace says of a narrowed window: which bound came from which rule (of `organismo`'s version). */
export function dettaglioRestringimento(r: Ristretta, organismo: string): string {
  const parti: string[] = [];
  if (r.dal !== undefined && r.daDal) parti.push(`dal ${fromDay(r.dal)} per ${chi(r.daDal, organismo)}`);
  if (r.entro !== undefined && r.daEntro) parti.push(`entro ${fromDay(r.entro)} per ${chi(r.daEntro, organismo)}`);
  return parti.join("; ");
}

/** Which bounds of the narrowed window a member set (`dal`, `entro`), for `scadenze[].fonti`. */
export function limitiDi(t: Termine, r: Ristretta): ("dal" | "entro")[] {
  const out: ("dal" | "entro")[] = [];
  if (r.daDal === t) out.push("dal");
  if (r.daEntro === t) out.push("entro");
  return out;
}
