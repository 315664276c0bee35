// A prepared version's own rules cite the organismo (`fonte`, its id). So that the rules of two
// organismi that differ only by that id are one shared object (condivisione.ts, issue 15 § 1), the
// prepared form holds PROPRIA in its own rules' `fonte` and the organismo's id is put back where
// the answer is written: `risolviFonti` on every answer, `fonteDi` where a sentence quotes a rule's
// source and for code that reads the rules.
import type { Regola } from "./ir.ts";
import type { Risposta } from "./contract.ts";

/** The `fonte` of a prepared version's own rules: "the organismo of this version". No id is written so. */
export const PROPRIA = "⟦organismo⟧";

/** A prepared rule's `fonte` as an answer cites it, for the version whose id is `id`. */
export const fonteDi = (r: { fonte: string }, id: string): string => (r.fonte === PROPRIA ? id : r.fonte);

/** A rule with its `fonte` as the answer cites it (a copy only when it is one of the version's own). */
export const conFonte = <R extends Regola>(r: R, id: string): R => (r.fonte === PROPRIA ? { ...r, fonte: id } : r);


/**
 * The answer with every PROPRIA of its citations put back as `id` (the sentences that quote a rule's
 * source are written with the id: State.organismo). The answer's objects are made for this question
 * (or for this procedure's history, of the same organismo): changed in place. One loop per kind of
 * entry, so each read of `fonte` sees one shape.
 */
export function risolviFonti(r: Risposta, id: string): Risposta {
  for (const x of r.motivi) if (x.fonte === PROPRIA) x.fonte = id;
  for (const s of r.scadenze) {
    if (s.fonte === PROPRIA) s.fonte = id;
    if (s.fonti) for (const x of s.fonti) if (x.fonte === PROPRIA) x.fonte = id;
  }
  for (const pp of r.indennita.per_parte) for (const x of pp.voci) if (x.fonte === PROPRIA) x.fonte = id;
  for (const x of r.traccia) if (x.fonte === PROPRIA) x.fonte = id;
  for (const x of r.effetti) if (x.fonte === PROPRIA) x.fonte = id;
  if (r.conflitti) for (const c of r.conflitti) for (const x of c.regole) if (x.fonte === PROPRIA) x.fonte = id;
  return r;
}
