// The engine offline: the same evaluate the server runs, over a published version's compiled form
// fetched once (`GET /v1/organismi/{id}/regolamenti/{versione}/compilato`). Bundled by
// `npm run build:sdk` into sdk/dist/motore.js: one ESM file without dependencies, for Node and browsers.
import { Catalog, dataDiRiferimento, evaluate, pendenzaDi } from "../engine/index.ts";
import type { Domanda, Regolamento, Risposta } from "../engine/index.ts";

export type { Domanda, Regolamento, Risposta } from "../engine/index.ts";

/** The answer of `…/regolamenti/{versione}/compilato`. */
export interface FormaCompilata {
  regolamento: Regolamento;
  basi: Regolamento[];
}

export interface MotoreOffline {
  readonly id: string;
  readonly versione: string;
  /** The answer the server's `POST /v1/organismi/{id}/evaluate` gives for this version. */
  valuta(domanda: Domanda): Risposta;
}

export function motoreOffline(forma: FormaCompilata): MotoreOffline {
  const catalogo = new Catalog();
  for (const b of forma.basi) catalogo.add(b);
  catalogo.add(forma.regolamento);
  const { id, versione } = forma.regolamento;
  return {
    id,
    versione,
    // The server judges a question by the version it names; here it is always this one. The
    // baselines are those in force at the question's dates, chosen as the server chooses them.
    valuta: (domanda) => {
      const q = domanda ?? ({} as Domanda);
      return evaluate(catalogo.prepared(id, { versione, date: dataDiRiferimento(q) ?? oggi(), pendenza: pendenzaDi(q) }), q);
    },
  };
}

/** Today in Europe/Rome, as the server reads a question without dates. */
function oggi(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
