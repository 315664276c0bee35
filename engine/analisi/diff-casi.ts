// A draft against the organismo's cases (issue 13 § 5): the same cases evaluated under two versions,
// and what changes — the outcome, each deadline, each fee voce per party — with the total fee
// difference per voce over all cases: what a Responsabile wants to see before publishing. Pure:
// the caller says how to prepare each version for a case's date.
import { evaluate } from "../evaluate.ts";
import { dataDiRiferimento, pendenzaDi, type Catalog, type Pendenza } from "../catalog.ts";
import type { Azione, Domanda, Risposta, Scadenza } from "../contract.ts";
import type { Regolamento } from "../ir.ts";
import type { Prepared } from "../prepared.ts";
import { prepare } from "../prepare.ts";
import { domandaDelCaso, type Caso } from "../scenari.ts";
import { Sequenza } from "../sequenza.ts";

export interface CambioCaso {
  caso: string;
  /** With `ripercorri`, `evento` is the first recorded event the two versions judge differently. */
  esito?: { prima?: string; dopo?: string; motivi_prima: string[]; motivi_dopo: string[]; evento?: { indice: number; azione: string; data?: string } };
  /** `cita`: the article that sets the term (the new version's, when it has the term). */
  scadenze: { nome: string; parte?: string; prima?: { dal?: string; entro?: string }; dopo?: { dal?: string; entro?: string }; cita?: string }[];
  /** `cita`: the article of the voce (the new version's, when it has the voce). */
  indennita: { parte: string; voce: string; prima: number | null; dopo: number | null; differenza: number | null; cita?: string }[];
}

export interface DiffCasi {
  casi: number;
  invariati: number;
  cambiati: CambioCaso[];
  /** Per voce, the sum over every case and party of the change in its imponibile (euro, IVA excluded). */
  totali_per_voce: { voce: string; differenza: number; casi: number }[];
}

const cent = (x: number) => Math.round(x * 100);
const motiviDi = (r: Risposta) => r.motivi.map((m) => `${m.regola} (${m.cita})`);
const finestra = (s: Scadenza) => ({ ...(s.dal ? { dal: s.dal } : {}), ...(s.entro ? { entro: s.entro } : {}) });

function confronta(nome: string, a: Risposta, b: Risposta): CambioCaso {
  const c: CambioCaso = { caso: nome, scadenze: [], indennita: [] };
  if (a.esito !== b.esito) c.esito = { ...(a.esito ? { prima: a.esito } : {}), ...(b.esito ? { dopo: b.esito } : {}), motivi_prima: motiviDi(a), motivi_dopo: motiviDi(b) };
  const chiave = (s: Scadenza) => `${s.nome}\u0000${s.parte ?? ""}`;
  const sa = new Map(a.scadenze.map((s) => [chiave(s), s])), sb = new Map(b.scadenze.map((s) => [chiave(s), s]));
  for (const k of new Set([...sa.keys(), ...sb.keys()])) {
    const x = sa.get(k), y = sb.get(k);
    if (x && y && x.dal === y.dal && x.entro === y.entro) continue;
    const s = (y ?? x)!;
    c.scadenze.push({ nome: s.nome, ...(s.parte ? { parte: s.parte } : {}), ...(x ? { prima: finestra(x) } : {}), ...(y ? { dopo: finestra(y) } : {}), ...(s.cita ? { cita: s.cita } : {}) });
  }
  const voci = (r: Risposta) => new Map(r.indennita.per_parte.flatMap((p) => p.voci.map((v) => [`${p.parte}\u0000${v.voce}`, v] as const)));
  const va = voci(a), vb = voci(b);
  for (const k of new Set([...va.keys(), ...vb.keys()])) {
    const x = va.get(k)?.imponibile ?? null, y = vb.get(k)?.imponibile ?? null;
    if (x === y) continue;
    const [parte, voce] = k.split("\u0000") as [string, string];
    const cita = (vb.get(k) ?? va.get(k))?.cita;
    c.indennita.push({ parte, voce, prima: x, dopo: y, differenza: x === null || y === null ? (x === null && y === null ? null : (cent(y ?? 0) - cent(x ?? 0)) / 100) : (cent(y) - cent(x)) / 100, ...(cita ? { cita } : {}) });
  }
  return c;
}

/**
 * A recorded procedure replayed: each event put as an action to the history before it, as the
 * server judged it when it was recorded; the first event the two versions judge differently.
 */
function primoEsitoDiverso(prepara: Preparatori, data: string | undefined, q: Domanda): CambioCaso["esito"] {
  const { procedimento, ...domanda } = q;
  const eventi = (procedimento.eventi ?? []) as Azione[];
  // One growing history per version (a Sequenza keeps what it folded for the prepared version it
  // judges with), so each event is folded once rather than its prefix re-read for every event.
  const sa = new Sequenza(procedimento), sb = new Sequenza(procedimento);
  for (const [i, azione] of eventi.entries()) {
    const giorno = typeof azione.data === "string" ? azione.data.slice(0, 10) : q.data;
    const d = { ...domanda, azione, ...(giorno !== undefined ? { data: giorno } : {}) };
    // On the baselines that governed the procedure on that day (a later law for the pending ones).
    const pendenza = sa.pendenza(giorno);
    const a = sa.valuta(prepara.a(data, pendenza), d), b = sb.valuta(prepara.b(data, pendenza), d);
    if (a.esito !== b.esito)
      return { ...(a.esito ? { prima: a.esito } : {}), ...(b.esito ? { dopo: b.esito } : {}), motivi_prima: motiviDi(a), motivi_dopo: motiviDi(b), evento: { indice: i, azione: azione.azione, ...(typeof azione.data === "string" ? { data: azione.data } : {}) } };
    sa.aggiungi(azione);
    sb.aggiungi(azione);
  }
  return undefined;
}

/** How a version is prepared for a case: its deposit date and, as the catalogue does, its pendency. */
export type Preparatore = (data: string | undefined, pendenza?: Pendenza) => Prepared;
export interface Preparatori {
  a: Preparatore;
  b: Preparatore;
}

/**
 * A version (published or not: it need not be in the catalogue) prepared on the baselines the
 * catalogue would choose for a case — in force at its date, or the later one governing pending
 * procedures (Catalog.bases) — cached per set of baselines.
 */
export function preparatoreDi(r: Regolamento, catalog: Catalog): Preparatore {
  const cache = new Map<string, Prepared>();
  return (data, pendenza) => {
    const bases = catalog.bases(r, (data ?? r.inVigoreDal).slice(0, 10), pendenza);
    const k = bases.map((b) => `${b.id}@${b.versione}`).join(",");
    let p = cache.get(k);
    if (!p) cache.set(k, (p = prepare(r, bases)));
    return p;
  };
}

/**
 * Every case under version A and version B (each prepared for the case's date and pendency). `ripercorri`: a
 * case without an action is a recorded procedure — its outcome is whether each of its events would
 * still be allowed (primoEsitoDiverso), its deadlines and fees those of its whole history.
 */
export function diffCasi(prepara: Preparatori, casi: Caso[], opzioni: { ripercorri?: boolean } = {}): DiffCasi {
  const cambiati: CambioCaso[] = [];
  const totali = new Map<string, { cent: number; casi: Set<string> }>();
  for (const caso of casi) {
    const q = domandaDelCaso(caso);
    delete q.versione; // the case is put to both versions, whatever it was written for
    const data = dataDiRiferimento(q);
    const pendenza = pendenzaDi(q);
    const c = confronta(caso.nome, evaluate(prepara.a(data, pendenza), q), evaluate(prepara.b(data, pendenza), q));
    if (opzioni.ripercorri && q.azione === undefined) {
      const e = primoEsitoDiverso(prepara, data, q);
      if (e) c.esito = e;
    }
    for (const v of c.indennita) {
      if (v.differenza === null) continue;
      const t = totali.get(v.voce) ?? { cent: 0, casi: new Set() };
      t.cent += cent(v.differenza);
      t.casi.add(caso.nome);
      totali.set(v.voce, t);
    }
    if (c.esito || c.scadenze.length || c.indennita.length) cambiati.push(c);
  }
  return {
    casi: casi.length,
    invariati: casi.length - cambiati.length,
    cambiati,
    totali_per_voce: [...totali].map(([voce, t]) => ({ voce, differenza: t.cent / 100, casi: t.casi.size })).sort((x, y) => x.voce.localeCompare(y.voce)),
  };
}
