// Scenario cases (docs/contratto.md "Scenario files"): `atteso` is matched as a subset of the answer.
// Pure: the files are read by the callers (cli/test.ts, test/scenari.test.ts).
import { evaluate } from "./evaluate.ts";
import type { Catalog } from "./catalog.ts";
import type { Domanda, Risposta, Scadenza } from "./contract.ts";

export interface Atteso {
  esito?: "consentito" | "negato";
  cita?: string | string[];
  fase?: string;
  /** `assente: true`: no open term of that name (and party) — e.g. a demandata without the judge's date. */
  /** `cita`: each citation is the scadenza's or one of its `fonti` (the rules a narrowed deadline cites). */
  scadenze?: { nome: string; dal?: string; entro?: string; parte?: string; assente?: boolean; cita?: string | string[] }[];
  indennita?: {
    per_parte?: { parte?: string; totale?: number; voci?: (string | { voce: string; imponibile?: number | null; quantita?: number })[] }[];
    totale?: number;
    obbligazione_solidale?: boolean;
    compenso_mediatore?: number | null; // null: not determined (absent from the answer)
  };
  /** `assente: true`: no such effect (for that party). */
  effetti?: (string | { effetto: string; parte?: string; assente?: boolean })[];
  azioni_consentite?: string[];
  fatti_mancanti?: string[];
  /** Each must be part of some `errori` line (a name the regolamento does not know, said). `[]`: no `errori` at all. */
  errori?: string[];
  [campo: string]: unknown;
}

export interface Caso {
  nome: string;
  organismo: string;
  versione?: string;
  /** The regolamento's parameters set for this case (the other reading of an ambiguous text). */
  parametri?: Domanda["parametri"];
  data?: string;
  procedimento: Domanda["procedimento"];
  azione?: Domanda["azione"];
  atteso: Atteso;
  /**
   * The expected answer is the engine's own, written by `regolamento genera-scenari`: a reader has
   * not yet confirmed it against the text. Run like every case; counted apart by `regolamento test`.
   */
  da_verificare?: boolean;
  /** Why the case exists (the rule and threshold it probes), for generated cases. */
  perche?: string;
}

export interface EsitoCaso {
  nome: string;
  risposta?: Risposta;
  /** Empty when the case passes. */
  differenze: string[];
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const money = (x: unknown, y: unknown) => typeof x === "number" && typeof y === "number" && Math.abs(x - y) < 0.005;
const show = (x: unknown) => JSON.stringify(x);

/** A case's question. */
export function domandaDelCaso(c: Caso): Domanda {
  const q: Domanda = { procedimento: c.procedimento };
  if (c.data !== undefined) q.data = String(c.data);
  if (c.azione !== undefined) q.azione = c.azione;
  if (c.versione !== undefined) q.versione = String(c.versione);
  if (c.parametri !== undefined) q.parametri = c.parametri;
  return q;
}

/** Checks a case's shape; returns the problems (empty when usable). */
export function verificaCaso(c: unknown): string[] {
  if (typeof c !== "object" || c === null) return ["il caso non è un oggetto"];
  const x = c as Record<string, unknown>;
  const out: string[] = [];
  if (typeof x.nome !== "string") out.push("manca `nome`");
  if (typeof x.organismo !== "string" && typeof x.organismo !== "number") out.push("manca `organismo`");
  if (typeof x.procedimento !== "object" || x.procedimento === null) out.push("manca `procedimento`");
  if (typeof x.atteso !== "object" || x.atteso === null) out.push("manca `atteso`");
  return out;
}

/** The differences between what a case expects and the answer (empty: it passes). */
export function confronta(atteso: Atteso, r: Risposta): string[] {
  const out: string[] = [];
  if (atteso.esito !== undefined && atteso.esito !== r.esito) {
    out.push(`esito: atteso ${atteso.esito}, ottenuto ${r.esito ?? "(nessuna azione)"}${r.motivi.length ? ` — motivi: ${r.motivi.map((m) => `${m.regola} (${m.cita}): ${m.messaggio ?? ""}`).join("; ")}` : ""}`);
  }
  if (atteso.cita !== undefined) {
    const pool = (r.esito === "negato" ? r.motivi.map((m) => m.cita) : [...r.motivi.map((m) => m.cita), ...r.traccia.map((t) => t.cita)]).map(norm);
    for (const c of Array.isArray(atteso.cita) ? atteso.cita : [atteso.cita]) {
      if (!pool.includes(norm(String(c)))) out.push(`cita: attesa "${c}", trovate ${show([...new Set(pool)])}`);
    }
  }
  if (atteso.fase !== undefined && atteso.fase !== r.fase) out.push(`fase: attesa ${atteso.fase}, ottenuta ${r.fase}`);
  for (const s of atteso.scadenze ?? []) {
    const cand = r.scadenze.filter((x) => x.nome === s.nome && (s.parte === undefined || x.parte === s.parte));
    if (s.assente) {
      if (cand.length) out.push(`scadenza ${s.nome}${s.parte ? ` (${s.parte})` : ""}: attesa assente, ottenuta ${show(cand.map((x) => ({ dal: x.dal, entro: x.entro, cita: x.cita })))}`);
      continue;
    }
    const citate = (x: Scadenza) => [x.cita, ...(x.fonti ?? []).map((f) => f.cita)].map(norm);
    const cite = s.cita === undefined ? [] : (Array.isArray(s.cita) ? s.cita : [s.cita]).map((c) => norm(String(c)));
    const ok = cand.some((x) => (s.dal === undefined || x.dal === String(s.dal)) && (s.entro === undefined || x.entro === String(s.entro)) && cite.every((c) => citate(x).includes(c)));
    if (!ok) out.push(`scadenza ${s.nome}${s.parte ? ` (${s.parte})` : ""}: attesa ${show({ dal: s.dal, entro: s.entro })}, ottenuta ${cand.length ? show(cand.map((x) => ({ dal: x.dal, entro: x.entro, parte: x.parte, ...(cite.length ? { cita: citate(x) } : {}) }))) : "nessuna"}`);
  }
  const ind = atteso.indennita;
  if (ind) {
    (ind.per_parte ?? []).forEach((pp, i) => {
      const got = pp.parte !== undefined ? r.indennita.per_parte.find((x) => x.parte === pp.parte) : r.indennita.per_parte[i];
      const who = pp.parte ?? `#${i + 1}`;
      if (!got) { out.push(`indennità della parte ${who}: assente`); return; }
      if (pp.totale !== undefined && !money(pp.totale, got.totale)) out.push(`indennità ${who}: totale atteso ${pp.totale}, ottenuto ${got.totale} (voci: ${got.voci.map((v) => `${v.voce} ${v.imponibile}+${v.iva}`).join(", ")})`);
      for (const v of pp.voci ?? []) {
        const name = typeof v === "string" ? v : v.voce;
        const gv = got.voci.find((x) => x.voce === name);
        if (!gv) { out.push(`indennità ${who}: manca la voce ${name} (voci: ${got.voci.map((x) => x.voce).join(", ") || "nessuna"})`); continue; }
        if (typeof v === "object" && v.imponibile !== undefined && !(v.imponibile === null ? gv.imponibile === null : money(v.imponibile, gv.imponibile))) {
          out.push(`indennità ${who}, voce ${name}: imponibile atteso ${v.imponibile}, ottenuto ${gv.imponibile}`);
        }
        if (typeof v === "object" && v.quantita !== undefined && v.quantita !== gv.quantita) {
          out.push(`indennità ${who}, voce ${name}: quantità attesa ${v.quantita}, ottenuta ${gv.quantita ?? "nessuna"}`);
        }
      }
    });
    if (ind.totale !== undefined && !money(ind.totale, r.indennita.totale)) out.push(`indennità: totale atteso ${ind.totale}, ottenuto ${r.indennita.totale}`);
    if (ind.obbligazione_solidale !== undefined && ind.obbligazione_solidale !== r.indennita.obbligazione_solidale) {
      out.push(`obbligazione_solidale: attesa ${ind.obbligazione_solidale}, ottenuta ${r.indennita.obbligazione_solidale ?? "assente"}`);
    }
    if (ind.compenso_mediatore !== undefined) {
      const got = r.indennita.compenso_mediatore;
      const ok = ind.compenso_mediatore === null ? got === undefined : money(ind.compenso_mediatore, got);
      if (!ok) out.push(`compenso_mediatore: atteso ${ind.compenso_mediatore ?? "non determinato"}, ottenuto ${got ?? "non determinato"}`);
    }
  }
  for (const e of atteso.effetti ?? []) {
    const name = typeof e === "string" ? e : e.effetto;
    const parte = typeof e === "string" ? undefined : e.parte;
    const presente = r.effetti.some((x) => x.effetto === name && (parte === undefined || x.parte === parte));
    if (typeof e !== "string" && e.assente) {
      if (presente) out.push(`effetto ${name}${parte ? ` (${parte})` : ""}: atteso assente, presente`);
    } else if (!presente) {
      out.push(`effetto ${name}${parte ? ` (${parte})` : ""}: assente (effetti: ${r.effetti.map((x) => x.effetto + (x.parte ? `/${x.parte}` : "")).join(", ") || "nessuno"})`);
    }
  }
  const missingActions = (atteso.azioni_consentite ?? []).filter((a) => !r.azioni_consentite.includes(a));
  if (missingActions.length) out.push(`azioni_consentite: mancano ${missingActions.join(", ")} (consentite: ${r.azioni_consentite.join(", ")})`);
  const fm = (atteso.fatti_mancanti ?? []).filter((f) => !(r.fatti_mancanti ?? []).includes(f));
  if (fm.length) out.push(`fatti_mancanti: mancano ${fm.join(", ")} (ottenuti: ${(r.fatti_mancanti ?? []).join(", ") || "nessuno"})`);
  if (atteso.errori !== undefined) {
    const got = r.errori ?? [];
    if (atteso.errori.length === 0 && got.length > 0) out.push(`errori: nessuno atteso, ottenuti: ${got.join(" | ")}`);
    for (const e of atteso.errori) if (!got.some((x) => x.includes(e))) out.push(`errori: manca «${e}» (ottenuti: ${got.join(" | ") || "nessuno"})`);
  }
  return out;
}

/** Runs a case against the catalogue: the version named, else the one in force at deposito_domanda. */
export function eseguiCaso(catalog: Catalog, c: Caso): EsitoCaso {
  const shape = verificaCaso(c);
  if (shape.length) return { nome: String((c as { nome?: unknown })?.nome ?? "?"), differenze: shape.map((s) => `caso non valido: ${s}`) };
  const q = domandaDelCaso(c);
  let p;
  try {
    p = catalog.perDomanda(String(c.organismo), q);
  } catch (e) {
    return { nome: c.nome, differenze: [e instanceof Error ? e.message : String(e)] };
  }
  const risposta = evaluate(p, q);
  return { nome: c.nome, risposta, differenze: confronta(c.atteso, risposta) };
}
