// One case, several organismi (compare), and the topics × organismi table (matrix), each cell
// with the citation of the rule that decides it.
import { evaluate } from "./evaluate.ts";
import { printCondition } from "./conditions/print.ts";
import { varsOf, literalsOf } from "./conditions/vars.ts";
import { termineTesto } from "./describe.ts";
import { fromDay } from "./dates/calendar.ts";
import { formatEuro } from "./money.ts";
import type { Domanda, Risposta } from "./contract.ts";
import type { Termine, Vincolo } from "./ir.ts";
import type { PRegola, Prepared } from "./prepared.ts";
import { fonteDi } from "./fonte.ts";

export function compare(ps: Prepared[], q: Domanda): { organismo: string; versione: string; risposta: Risposta }[] {
  return ps.map((p) => ({ organismo: p.id, versione: p.versione, risposta: evaluate(p, q) }));
}

export interface Cella { valore: string; cita?: string; fonte?: string }
export interface Matrix {
  argomenti: { chiave: string; titolo: string }[];
  organismi: { id: string; nome: string }[];
  celle: Record<string, Record<string, Cella>>;
}

const TERMINI: { chiave: string; titolo: string }[] = [
  { chiave: "primo_incontro", titolo: "Primo incontro (finestra)" },
  { chiave: "adesione", titolo: "Termine per aderire" },
  { chiave: "integrazione_domanda", titolo: "Integrazione della domanda incompleta" },
  { chiave: "accettazione_incarico", titolo: "Accettazione dell'incarico del mediatore" },
  { chiave: "richiesta_rinvio", titolo: "Richiesta di rinvio" },
  { chiave: "risposta_proposta", titolo: "Risposta alla proposta" },
  { chiave: "durata_procedimento", titolo: "Durata del procedimento" },
];

const NON_PREVISTO: Cella = { valore: "non previsto" };

/** The terms named `nome` (by scadenza or rule name) in force, with the exceptions that may change them. */
function termCell(p: Prepared, nome: string): Cella {
  // An organismo's own variant keeps the topic's name as prefix (`primo_incontro_entro_30_giorni`).
  const hits = p.termini.filter((t) => t.r.scadenza === nome || t.r.nome === nome || t.r.scadenza.startsWith(`${nome}_`));
  if (hits.length === 0) return NON_PREVISTO;
  const t = hits[hits.length - 1]!; // the organismo's comes after the baseline's
  const r = t.r as Termine;
  let valore = termineTesto(r);
  if (r.quando !== undefined) valore += ` (quando ${printCondition(r.quando)})`;
  const ecc = (t as PRegola).eccezioni.map((e) => `${e.r.nome}, ${e.r.cita}`);
  if (ecc.length) valore += ` — eccezioni: ${ecc.join("; ")}`;
  if (hits.length > 1) valore += ` — anche: ${hits.slice(0, -1).map((h) => `${termineTesto(h.r as Termine)} (${h.r.cita}, ${fonteDi(h.r, p.id)})`).join("; ")}`;
  return { valore, cita: r.cita, fonte: fonteDi(r, p.id) };
}

function praticanti(p: Prepared): Cella {
  const vs = (p.vincoliPer.get("designazione_mediatore") ?? []).filter((v) =>
    literalsOf(v.r.quando).includes("praticante_abilitato") || literalsOf((v.r as Vincolo).richiede).includes("praticante_abilitato") ||
    varsOf((v.r as Vincolo).richiede).some((x) => x.includes("praticante")));
  if (vs.length === 0) return { valore: "nessun limite specifico" };
  const v = vs[vs.length - 1]!.r as Vincolo;
  return { valore: v.richiede === false ? "non ammessi" : `ammessi se ${printCondition(v.richiede)}`, cita: v.cita, fonte: fonteDi(v, p.id) };
}

function chiusure(p: Prepared): Cella {
  if (p.chiusure.length === 0) return { valore: "nessuna chiusura nel regolamento" };
  const fmt = (n: number) => fromDay(n);
  const c = p.chiusure[0]!;
  return { valore: p.chiusure.map((x) => `${fmt(x.dal)} – ${fmt(x.al)}${x.nome ? ` (${x.nome})` : ""}`).join("; "), cita: c.cita, fonte: p.id };
}

/** What each party pays at filing for a dispute of `valore` euro (istante A deposits; B is invited). */
function feeCell(p: Prepared, valore: number): Cella {
  // Filed on the day the newest of the texts involved came into force: deterministic, and every
  // rule of this prepared version is in force on it.
  const giorno = [p.regolamento, ...p.basi].map((r) => r.inVigoreDal).sort().at(-1)!;
  const q: Domanda = {
    data: giorno,
    procedimento: {
      materia: "altro", tipo: "volontaria", valore,
      parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
      eventi: [{ azione: "deposito_domanda", data: giorno, parte: "A" }],
    },
  };
  const r = evaluate(p, q);
  const voci = r.indennita.per_parte.flatMap((x) => x.voci);
  if (voci.length === 0) return { valore: "nessuna tariffa nel regolamento" };
  const parti = r.indennita.per_parte.map((x) => `${x.parte === "A" ? "istante" : "invitata"} ${formatEuro(Math.round(x.totale * 100))}${x.voci.some((v) => v.imponibile === null) ? " + importi non indicati" : ""}`);
  const first = voci[0]!;
  return { valore: `${parti.join(" · ")} (IVA inclusa)`, cita: first.cita, fonte: first.fonte };
}

export function matrix(ps: Prepared[], opts?: { valori?: number[] }): Matrix {
  const valori = opts?.valori ?? [1000, 25000, 250000];
  const argomenti = [
    ...TERMINI,
    ...valori.map((v) => ({ chiave: `indennita_${v}`, titolo: `Indennità al deposito, valore ${formatEuro(Math.round(v * 100)).replace(",00", "")} (volontaria)` })),
    { chiave: "praticanti", titolo: "Mediatori praticanti abilitati" },
    { chiave: "chiusure", titolo: "Chiusure che sospendono i termini" },
  ];
  const celle: Matrix["celle"] = {};
  for (const p of ps) {
    const row: Record<string, Cella> = {};
    for (const t of TERMINI) row[t.chiave] = termCell(p, t.chiave);
    for (const v of valori) row[`indennita_${v}`] = feeCell(p, v);
    row["praticanti"] = praticanti(p);
    row["chiusure"] = chiusure(p);
    celle[p.id] = row;
  }
  return { argomenti, organismi: ps.map((p) => ({ id: p.id, nome: p.nome })), celle };
}
