// Which procedures a key sees, as a condition on a procedure-id column: the same rule as
// procedimenti/accesso.ts `puoVedere` (segreteria all; a mediator those it mediates, designations
// included; a party those it is a party to; a key bound to one procedure that one only), read from
// `procedimenti_persone`, which every recorded action keeps.
import { sql, type SQL } from "drizzle-orm";
import type { CredenzialeChiave } from "../auth/credenziale.ts";

/** The procedures `persona` ('parte:A', 'mediatore:m1') is in: a btree lookup. */
export const diPersona = (organismo: string, pid: SQL, persona: string): SQL =>
  sql`${pid} in (select pp.procedimento_id from procedimenti_persone pp where pp.organismo_id = ${organismo} and pp.persona = ${persona})`;

/** The one persona a key is restricted to (undefined: none, the segreteria; null: it sees nothing). */
export function personaDellaChiave(cred: CredenzialeChiave): string | null | undefined {
  switch (cred.ruolo) {
    case "segreteria":
      return undefined;
    case "mediatore":
    case "parte":
      return cred.parte === undefined ? null : `${cred.ruolo}:${cred.parte}`;
    case "responsabile":
      return null;
  }
}

export function visibili(cred: CredenzialeChiave, organismo: string, pid: SQL): SQL {
  const legato = cred.procedimento !== undefined ? sql` and ${pid} = ${cred.procedimento}` : sql``;
  switch (cred.ruolo) {
    case "segreteria":
      return sql`true${legato}`;
    case "mediatore":
      return cred.parte === undefined ? sql`false` : sql`${diPersona(organismo, pid, `mediatore:${cred.parte}`)}${legato}`;
    case "parte":
      return cred.parte === undefined ? sql`false` : sql`${diPersona(organismo, pid, `parte:${cred.parte}`)}${legato}`;
    case "responsabile":
      return sql`false`;
  }
}
