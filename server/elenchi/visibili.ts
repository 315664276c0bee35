// Which procedures a key sees, as a condition on `procedimenti_sintesi` (alias `s`): the same rule as
// procedimenti/accesso.ts `puoVedere` (segreteria all; a mediator those it mediates, designations
// included; a party those it is a party to; a key bound to one procedure that one only), kept in the
// summary by every recorded action.
import { sql, type SQL } from "drizzle-orm";
import type { CredenzialeChiave } from "../auth/credenziale.ts";

export function visibili(cred: CredenzialeChiave): SQL {
  const legato = cred.procedimento !== undefined ? sql` and s.procedimento_id = ${cred.procedimento}` : sql``;
  switch (cred.ruolo) {
    case "segreteria":
      return sql`true${legato}`;
    case "mediatore":
      return cred.parte === undefined ? sql`false` : sql`s.mediatori @> array[${cred.parte}]::text[]${legato}`;
    case "parte":
      return cred.parte === undefined ? sql`false` : sql`s.parti @> array[${cred.parte}]::text[]${legato}`;
    case "responsabile":
      return sql`false`;
  }
}
