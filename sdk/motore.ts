// The engine offline: the same evaluate the server runs, over a published version's compiled form
// fetched once (`GET /v1/organismi/{id}/regolamenti/{versione}/compilato`). Bundled by
// `npm run build:sdk` into sdk/dist/motore.js: one ESM file without dependencies, for Node and browsers.
import { Catalog, evaluate } from "../engine/index.ts";
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
    // baselines are chosen as the server chooses them (Catalog.perDomanda).
    valuta: (domanda) => {
      const q = domanda ?? ({} as Domanda);
      return evaluate(catalogo.perDomanda(id, q, versione), q);
    },
  };
}
