// The rows of the scale bench (issue 15 § 3), as COPY text lines: organismi with a copy of the gamma
// fixture's regolamento under their own id, and procedures whose histories the engine itself judged.
// A history is built once per (deposit day, shape, organismo's regolamento) by the same steps the
// server takes on POST …/procedimenti and …/azioni (each event allowed on the history before it, the
// rules that allowed it, the state after it, its summary, persons and agenda rows); every procedure
// of that day and shape is that history with its own id and mediator. test/bench-scala.test.ts reads
// such rows back through the server.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { righeAgenda } from "../../server/agenda/dopo-azione.ts";
import { motore, type Azione, type Motore, type Procedimento, type Regolamento } from "../../server/engine-adapter.ts";
import { mediatori } from "../../server/procedimenti/accesso.ts";
import { contestoRegole, regoleCheConsentono } from "../../server/procedimenti/servizio.ts";
import { improntaIr } from "../../server/ricevute/impronta.ts";
import { FIXTURE } from "../../server/test-support/ambiente.ts";

/** Deposits fall on this many consecutive days from PRIMO_GIORNO (the last about 70 days before the bench was written). */
export const GIORNI = 1000;
const PRIMO_GIORNO = Date.UTC(2024, 0, 1);
export const EVENTI_PER_PROCEDIMENTO = 10;

export type Forma = "in_attesa" | "in_corso" | "conclusa";

const giornoIso = (n: number) => new Date(PRIMO_GIORNO + n * 86_400_000).toISOString().slice(0, 10);

/** Deterministic pseudo-random in [0, 1) from a string: the same rows on every run. */
function caso(chiave: string): number {
  return createHash("md5").update(chiave).digest().readUInt32BE(0) / 2 ** 32;
}

/** A UUID-shaped id from (organismo, index): spread over the key space like the server's randomUUID. */
export function idProcedimento(organismo: string, i: number): string {
  const h = createHash("md5").update(`${organismo}/${i}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A procedure's deposit day and shape. Old procedures are mostly concluded; the last hundred days'
 * are still waiting for the invited party or in mediation, as an organismo's docket looks.
 */
export function procedimento(organismo: string, i: number): { giorno: number; forma: Forma; mediatore: string } {
  const giorno = Math.floor(caso(`g/${organismo}/${i}`) * GIORNI);
  const x = caso(`f/${organismo}/${i}`);
  const recente = giorno >= GIORNI - 100;
  const forma: Forma = recente ? (x < 0.4 ? "in_attesa" : "in_corso") : x < 0.85 ? "conclusa" : x < 0.95 ? "in_corso" : "in_attesa";
  return { giorno, forma, mediatore: `m${i % 200}` };
}

/** Tab-separated COPY text: backslash, tab and newlines escaped; null as \N. */
function campo(v: string | number | null): string {
  if (v === null) return "\\N";
  return String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
const riga = (...vs: (string | number | null)[]) => `${vs.map(campo).join("\t")}\n`;
/** A text[] literal of plain ids (letters, digits, '-', '_', ':'): no quoting needed. */
const arrayTesto = (xs: string[]) => `{${xs.join(",")}}`;

export const COLONNE = {
  procedimenti: ["organismo_id", "id", "versione_regolamento", "fatti", "revisione"],
  eventi: ["organismo_id", "procedimento_id", "seq", "azione", "attore", "versione_regolamento", "regole", "impronta_ir", "registrato_il"],
  procedimenti_sintesi: ["organismo_id", "procedimento_id", "fase", "depositato_il", "parti", "mediatori", "prossima_scadenza"],
  procedimenti_persone: ["organismo_id", "persona", "procedimento_id"],
  scadenze_agenda: ["organismo_id", "procedimento_id", "nome", "parte", "dal", "entro", "cita", "fonte"],
} as const;
export type Tabella = keyof typeof COLONNE;
export const TABELLE = Object.keys(COLONNE) as Tabella[];

const MEDIATORE = "MEDIATORE_SEGNAPOSTO";

interface Modello {
  fatti: Procedimento;
  /** Per event: the action (with the mediator placeholder), its rules and its day. */
  eventi: { azione: string; regole: string; giorno: string }[];
  fase: string;
  agenda: ReturnType<typeof righeAgenda>;
  prossima: string;
  deposito: string;
}

const FATTI: Procedimento = {
  materia: "condominio",
  valore: 30000,
  parti: [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }],
};

/** The actions of a shape, from the deposit day: ten each. */
function azioni(forma: Forma, g: number): Azione[] {
  const d = (k: number) => giornoIso(g + k);
  const doc = (k: number, parte: string): Azione => ({ azione: "deposito_documento", data: d(k), parte, documento: `doc${k}`, tipo: "sessione_comune" });
  const inizio: Azione[] = [
    { azione: "deposito_domanda", data: d(0), parte: "A" },
    { azione: "designazione_mediatore", data: d(1), mediatore: { id: MEDIATORE } },
  ];
  switch (forma) {
    case "in_attesa":
      return [...inizio, ...[2, 3, 4, 5, 6, 7, 8, 9].map((k) => doc(k, "A"))];
    case "in_corso":
      return [...inizio, { azione: "adesione", data: d(3), parte: "B" }, ...[4, 5, 6, 7, 8, 9, 10].map((k) => doc(k, k % 2 ? "A" : "B"))];
    case "conclusa":
      return [...inizio, { azione: "adesione", data: d(3), parte: "B" }, { azione: "primo_incontro", data: d(20) },
        ...[21, 22, 23, 24, 25].map((k) => doc(k, k % 2 ? "A" : "B")), { azione: "conclusione", data: d(30) }];
  }
}

/** One organismo's regolamento (the gamma fixture under its id), compiled. */
export interface RegolamentoOrganismo {
  id: string;
  sorgente: string;
  ir: Regolamento;
  impronta: string;
}

export class Generatore {
  private readonly modelli = new Map<string, Modello>();
  private readonly catalogo;

  private constructor(
    private readonly m: Motore,
    private readonly sorgenteBase: string,
    /** The one compiled regolamento the histories are judged by; other organismi differ only by id. */
    private readonly modello: RegolamentoOrganismo,
    /** What "today" is for the state after the history (Europe/Rome ISO day). */
    private readonly oggi: string,
  ) {
    this.catalogo = m.newCatalog();
    this.catalogo.add(modello.ir);
  }

  static async crea(oggi: string): Promise<Generatore> {
    const m = await motore();
    const sorgente = readFileSync(FIXTURE("clienti/gamma.regolamento"), "utf8");
    const g = new Generatore(m, sorgente, Generatore.compila(m, sorgente, "modello"), oggi);
    return g;
  }

  private static compila(m: Motore, base: string, id: string): RegolamentoOrganismo {
    const sorgente = base.replace(/^regolamento gamma /m, `regolamento ${id} `);
    const { regolamento, diagnostics } = m.compile(sorgente, []);
    if (!regolamento) throw new Error(`bench scala: la copia di gamma per ${id} non compila: ${JSON.stringify(diagnostics)}`);
    return { id, sorgente, ir: regolamento, impronta: improntaIr(regolamento) };
  }

  /** The organismo's regolamento: gamma's text under its id, compiled by the language itself. */
  regolamento(id: string): RegolamentoOrganismo {
    return Generatore.compila(this.m, this.sorgenteBase, id);
  }

  /** The history of (day, shape), judged event by event as the server judges it. */
  private modelloDi(g: number, forma: Forma): Modello {
    const chiave = `${g}/${forma}`;
    const noto = this.modelli.get(chiave);
    if (noto) return noto;
    const { id } = this.modello;
    const deposito = giornoIso(g);
    const p = this.catalogo.prepared(id, { versione: this.modello.ir.versione });
    const contesto = contestoRegole([this.modello.ir]);
    const storia: Azione[] = [];
    const eventi: Modello["eventi"] = [];
    for (const azione of azioni(forma, g)) {
      const r = this.m.evaluate(p, { data: azione.data!, procedimento: { ...FATTI, eventi: storia }, azione });
      if (r.esito !== "consentito" || r.errori?.length)
        throw new Error(`bench scala: ${azione.azione} del ${azione.data} (${forma}) negata: ${JSON.stringify(r.motivi ?? r.errori)}`);
      eventi.push({ azione: JSON.stringify(azione), regole: JSON.stringify(regoleCheConsentono(r, contesto, azione.azione)), giorno: azione.data! });
      storia.push(azione);
    }
    const stato = this.m.evaluate(p, { data: this.oggi, procedimento: { ...FATTI, eventi: storia } });
    const agenda = righeAgenda(stato);
    const m: Modello = { fatti: FATTI, eventi, fase: stato.fase ?? "", agenda, prossima: agenda.map((r) => r.entro).sort()[0] ?? "infinity", deposito };
    if ([...mediatori(FATTI, storia)].join() !== MEDIATORE) throw new Error("bench scala: il mediatore designato non si legge dalla storia");
    this.modelli.set(chiave, m);
    return m;
  }

  /** The state a procedure's history leads to (for choosing procedures to act on, and for the test). */
  stato(organismo: string, i: number): { id: string; fase: string; ultimoGiorno: string; forma: Forma; mediatore: string } {
    const x = procedimento(organismo, i);
    const m = this.modelloDi(x.giorno, x.forma);
    return { id: idProcedimento(organismo, i), fase: m.fase, ultimoGiorno: m.eventi[m.eventi.length - 1]!.giorno, forma: x.forma, mediatore: x.mediatore };
  }

  /**
   * The COPY lines of procedures `indici` of one organismo, appended to `out` per table, in primary
   * key order (ids sorted), so each table's index grows at its right edge. `reg`: that organismo's
   * regolamento (fonte and impronta are its own).
   */
  righe(reg: RegolamentoOrganismo, indici: Iterable<number>, out: Record<Tabella, string[]>): number {
    const org = reg.id;
    const ordinati = [...indici].map((i) => ({ i, id: idProcedimento(org, i) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const attore = JSON.stringify({ ruolo: "segreteria", chiave: "bench-scala" });
    let eventi = 0;
    for (const { i, id } of ordinati) {
      const x = procedimento(org, i);
      const m = this.modelloDi(x.giorno, x.forma);
      const suo = (s: string) => s.replaceAll(MEDIATORE, x.mediatore).replaceAll(`"${this.modello.id}"`, `"${org}"`);
      out.procedimenti.push(riga(org, id, reg.ir.versione, JSON.stringify(m.fatti), m.eventi.length));
      for (const [k, e] of m.eventi.entries())
        out.eventi.push(riga(org, id, k + 1, suo(e.azione), attore, reg.ir.versione, suo(e.regole), reg.impronta, `${e.giorno} 12:00:00+00`));
      eventi += m.eventi.length;
      const parti = (m.fatti.parti ?? []).map((p) => p.id);
      out.procedimenti_sintesi.push(riga(org, id, m.fase, m.deposito, arrayTesto(parti), arrayTesto([x.mediatore]), m.prossima));
      for (const persona of [...parti.map((p) => `parte:${p}`), `mediatore:${x.mediatore}`]) out.procedimenti_persone.push(riga(org, persona, id));
      for (const a of m.agenda) out.scadenze_agenda.push(riga(org, id, a.nome, a.parte, a.dal, a.entro, a.cita, a.fonte === this.modello.id ? org : a.fonte));
    }
    return eventi;
  }
}

export const vuote = (): Record<Tabella, string[]> => ({ procedimenti: [], eventi: [], procedimenti_sintesi: [], procedimenti_persone: [], scadenze_agenda: [] });

/** organismi and regolamento_versioni rows of the bench's organismi (published, in force from the fixture's date). */
export function righeOrganismo(reg: RegolamentoOrganismo): { organismo: string; versione: string } {
  return {
    organismo: riga(reg.id, `Organismo ${reg.id} (bench)`, null, "false"),
    versione: riga(reg.id, reg.ir.versione, "pubblicata", reg.ir.inVigoreDal, reg.sorgente, JSON.stringify(reg.ir), "[]"),
  };
}
export const COLONNE_ORGANISMO = {
  organismi: ["organismo_id", "nome", "registro", "normativa"],
  regolamento_versioni: ["organismo_id", "versione", "stato", "in_vigore_dal", "sorgente", "ir", "diagnostiche"],
} as const;
