// A prepared version's own rules cite the organismo (`fonte`, its id). So that the rules of two
// organismi that differ only by that id are one shared object (condivisione.ts, issue 15 § 1), the
// prepared form holds PROPRIA in its own rules' `fonte` and the organismo's id is put back where
// the answer is written: `risolviFonti` on every answer, `fonteDi` for code that reads the rules.
import type { Regola } from "./ir.ts";
import type { Risposta } from "./contract.ts";

/** The `fonte` of a prepared version's own rules: "the organismo of this version". No id is written so. */
export const PROPRIA = "⟦organismo⟧";

/** A prepared rule's `fonte` as an answer cites it, for the version whose id is `id`. */
export const fonteDi = (r: { fonte: string }, id: string): string => (r.fonte === PROPRIA ? id : r.fonte);

/** A rule with its `fonte` as the answer cites it (a copy only when it is one of the version's own). */
export const conFonte = <R extends Regola>(r: R, id: string): R => (r.fonte === PROPRIA ? { ...r, fonte: id } : r);

/** Whether a sentence quotes an own rule's source (rare: a conflict, a narrowed window). */
const citaLaFonte = (s: string | undefined): s is string => s !== undefined && s.includes(PROPRIA);

function cita<T extends { fonte?: string }>(xs: readonly T[] | undefined, id: string): void {
  if (xs) for (const x of xs) if (x.fonte === PROPRIA) x.fonte = id;
}

/**
 * The answer with every PROPRIA put back as `id`: its citations and the sentences that quote a
 * rule's source (a conflict's message, a narrowed window's detail). The answer's objects are made
 * for this question (or for this procedure's history, of the same organismo): changed in place.
 */
export function risolviFonti(r: Risposta, id: string): Risposta {
  for (const m of r.motivi) { if (m.fonte === PROPRIA) m.fonte = id; if (citaLaFonte(m.messaggio)) m.messaggio = m.messaggio.replaceAll(PROPRIA, id); }
  for (const s of r.scadenze) { if (s.fonte === PROPRIA) s.fonte = id; cita(s.fonti, id); }
  for (const pp of r.indennita.per_parte) cita(pp.voci, id);
  for (const t of r.traccia) { if (t.fonte === PROPRIA) t.fonte = id; if (citaLaFonte(t.dettaglio)) t.dettaglio = t.dettaglio.replaceAll(PROPRIA, id); }
  cita(r.effetti, id);
  if (r.conflitti) for (const c of r.conflitti) { cita(c.regole, id); if (citaLaFonte(c.messaggio)) c.messaggio = c.messaggio.replaceAll(PROPRIA, id); }
  return r;
}
