// A draft against the organismo's cases (issue 13 § 5): the same cases evaluated under two versions,
// and what changes — the outcome, each deadline, each fee voce per party — with the total fee
// difference per voce over all cases: what a Responsabile wants to see before publishing. Pure:
// the caller says how to prepare each version for a case's date.
import { evaluate } from "../evaluate.ts";
import { dataDiRiferimento } from "../catalog.ts";
import type { Risposta, Scadenza } from "../contract.ts";
import type { Prepared } from "../prepared.ts";
import { domandaDelCaso, type Caso } from "../scenari.ts";

export interface CambioCaso {
  caso: string;
  esito?: { prima?: string; dopo?: string; motivi_prima: string[]; motivi_dopo: string[] };
  scadenze: { nome: string; parte?: string; prima?: { dal?: string; entro?: string }; dopo?: { dal?: string; entro?: string } }[];
  indennita: { parte: string; voce: string; prima: number | null; dopo: number | null; differenza: number | null }[];
}

export interface DiffCasi {
  casi: number;
  invariati: number;
  cambiati: CambioCaso[];
  /** Per voce, the sum over every case and party of the change in its imponibile (euro, IVA excluded). */
  totali_per_voce: { voce: string; differenza: number; casi: number }[];
}

const cent = (x: number) => Math.round(x * 100);
const finestra = (s: Scadenza) => ({ ...(s.dal ? { dal: s.dal } : {}), ...(s.entro ? { entro: s.entro } : {}) });

function confronta(nome: string, a: Risposta, b: Risposta): CambioCaso {
  const c: CambioCaso = { caso: nome, scadenze: [], indennita: [] };
  if (a.esito !== b.esito) c.esito = { ...(a.esito ? { prima: a.esito } : {}), ...(b.esito ? { dopo: b.esito } : {}), motivi_prima: a.motivi.map((m) => `${m.regola} (${m.cita})`), motivi_dopo: b.motivi.map((m) => `${m.regola} (${m.cita})`) };
  const chiave = (s: Scadenza) => `${s.nome}\u0000${s.parte ?? ""}`;
  const sa = new Map(a.scadenze.map((s) => [chiave(s), s])), sb = new Map(b.scadenze.map((s) => [chiave(s), s]));
  for (const k of new Set([...sa.keys(), ...sb.keys()])) {
    const x = sa.get(k), y = sb.get(k);
    if (x && y && x.dal === y.dal && x.entro === y.entro) continue;
    const s = (x ?? y)!;
    c.scadenze.push({ nome: s.nome, ...(s.parte ? { parte: s.parte } : {}), ...(x ? { prima: finestra(x) } : {}), ...(y ? { dopo: finestra(y) } : {}) });
  }
  const voci = (r: Risposta) => new Map(r.indennita.per_parte.flatMap((p) => p.voci.map((v) => [`${p.parte}\u0000${v.voce}`, v.imponibile] as const)));
  const va = voci(a), vb = voci(b);
  for (const k of new Set([...va.keys(), ...vb.keys()])) {
    const x = va.get(k) ?? null, y = vb.get(k) ?? null;
    if (x === y) continue;
    const [parte, voce] = k.split("\u0000") as [string, string];
    c.indennita.push({ parte, voce, prima: x, dopo: y, differenza: x === null || y === null ? (x === null && y === null ? null : (cent(y ?? 0) - cent(x ?? 0)) / 100) : (cent(y) - cent(x)) / 100 });
  }
  return c;
}

/** Every case under version A and version B (each prepared for the case's date). */
export function diffCasi(prepara: { a: (data: string | undefined) => Prepared; b: (data: string | undefined) => Prepared }, casi: Caso[]): DiffCasi {
  const cambiati: CambioCaso[] = [];
  const totali = new Map<string, { cent: number; casi: Set<string> }>();
  for (const caso of casi) {
    const q = domandaDelCaso(caso);
    delete q.versione; // the case is put to both versions, whatever it was written for
    const data = dataDiRiferimento(q);
    const c = confronta(caso.nome, evaluate(prepara.a(data), q), evaluate(prepara.b(data), q));
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
