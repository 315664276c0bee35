// Which clauses each kind of statement accepts, which it requires, which may repeat.
import type { Clausola, Dichiarazione, TipoClausola, TipoDichiarazione } from "../ast.ts";

const COMUNI: TipoClausola[] = ["quando", "testo", "nota", "deroga"];
const DI_VINCOLO: TipoClausola[] = ["per", "da", "inFase", "richiede", "vieta", "motivo"];
const DI_TERMINE: TipoClausola[] = ["finestra", "per", "salvoAccordo", "ciascunaParte", "inMancanza", "senzaSospensione", "senzaSanzione", "scadenza"];
const DI_VARIAZIONE: TipoClausola[] = ["di", "finoA", "su", "scaglioni", "voce"];

export const AMMESSE: Record<TipoDichiarazione, ReadonlySet<TipoClausola>> = {
  vincolo: new Set([...COMUNI, ...DI_VINCOLO]),
  termine: new Set([...COMUNI, ...DI_TERMINE]),
  tariffa: new Set([...COMUNI, "tabella", "iva", "voce", "finoA", "oltre", "indeterminato", "importo", "quantita"]),
  riduzione: new Set([...COMUNI, ...DI_VARIAZIONE]),
  aumento: new Set([...COMUNI, ...DI_VARIAZIONE]),
  esenzione: new Set([...COMUNI, ...DI_VARIAZIONE]),
  insieme: new Set([...COMUNI, "partiDi"]),
  effetto: new Set([...COMUNI, "effetto", "ciascunaParte"]),
  visibilita: new Set([...COMUNI, "documenti"]),
  azione: new Set([...COMUNI, "da", "inFase", "porta"]),
  eccezione: new Set([...COMUNI, ...DI_VINCOLO, ...DI_TERMINE]),
  solidale: new Set([...COMUNI, "su"]),
  compenso: new Set([...COMUNI, "di", "su"]),
};

/** Clauses that may appear more than once (bracket rows, transitions). */
export const RIPETIBILI: ReadonlySet<TipoClausola> = new Set(["finoA", "porta", "indeterminato"]);

/** How a clause reads in a message. */
export const NOME_CLAUSOLA: Record<TipoClausola, string> = {
  quando: "quando", testo: "testo", nota: "nota", per: "per", da: "da", inFase: "in fase", inMancanza: "in mancanza",
  richiede: "richiede", vieta: "vieta", motivo: "motivo", finestra: "entro / non prima di / non oltre",
  salvoAccordo: "salvo accordo delle parti", ciascunaParte: "ciascuna parte", senzaSospensione: "senza sospensione",
  senzaSanzione: "senza sanzione",
  scadenza: "scadenza", finoA: "fino a", oltre: "oltre", indeterminato: "indeterminato", importo: "un importo",
  voce: "voce", effetto: "effetto", di: "di", su: "su", scaglioni: "scaglioni", partiDi: "parti di",
  documenti: "documenti … visibili a", porta: "porta a", tabella: "tabella", iva: "iva",
  quantita: "per ciascuna parte invitata / quantita",
  deroga: "deroga",
};

export type ClausolaDi<K extends TipoClausola> = Extract<Clausola, { k: K }>;

export function prima<K extends TipoClausola>(d: Dichiarazione, k: K): ClausolaDi<K> | undefined {
  return d.clausole.find((c): c is ClausolaDi<K> => c.k === k);
}

export function tutte<K extends TipoClausola>(d: Dichiarazione, k: K): ClausolaDi<K>[] {
  return d.clausole.filter((c): c is ClausolaDi<K> => c.k === k);
}
