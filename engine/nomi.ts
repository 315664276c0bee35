// The names a question may use with a regolamento — its fee tables, its parametri with their
// values, the fields of the actions — and the check of a question against them: a name the
// regolamento does not know is said in `errori`, with the names it accepts ("forse intendevi …"),
// never swallowed (an unknown table name used to drop the fee without a word).
import type { JsonLogic, Parametro, Regola, Regolamento } from "./ir.ts";
import { MATERIE, VALORI } from "./vocabolario.ts";
import { piuVicino } from "./suggerimenti.ts";

export type ValoreParametro = string | number | boolean;

/** What a question may set for one parameter: `valori` (absent: any number) or, for a list, its `elementi`. */
export interface Accettato {
  predefinito?: Parametro["valore"];
  valori?: ValoreParametro[];
  elementi?: readonly string[];
}

/** Parameters the engine itself reads (SEMANTICS §5, §6), accepted even where no regolamento declares them. */
const DEL_MOTORE: Record<string, Accettato> = {
  sabato_lavorativo: { valori: [true, false] },
  proroga_sabato: { valori: [true, false] },
  proroga_termini_festivi: { valori: [true, false] },
  materie_obbligatorie: { elementi: MATERIE },
  importi_discrezionali: { predefinito: "da_determinare", valori: ["da_determinare", "massimo"] },
};

const isLogic = (x: unknown): x is Record<string, JsonLogic> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && Object.keys(x).length === 1;

const varDi = (x: unknown): string | undefined => {
  if (!isLogic(x) || !("var" in x)) return undefined;
  const a = Array.isArray(x["var"]) ? (x["var"] as unknown[])[0] : x["var"];
  return typeof a === "string" ? a : undefined;
};

/** Every json-logic node of a rule (its conditions wherever they stand: quando, richiede, transizioni…). */
function nodi(x: unknown, visita: (op: string, args: unknown[]) => void): void {
  if (Array.isArray(x)) { for (const y of x) nodi(y, visita); return; }
  if (typeof x !== "object" || x === null) return;
  if (isLogic(x)) {
    const op = Object.keys(x)[0]!;
    const raw = x[op];
    visita(op, Array.isArray(raw) ? raw : [raw]);
  }
  for (const v of Object.values(x)) nodi(v, visita);
}

/** The fee tables the tariffe choose among (`tabella dm180`), in order of appearance. */
export function tabelleDi(regole: readonly Regola[]): string[] {
  const out: string[] = [];
  for (const r of regole) if (r.tipo === "tariffa" && r.tabella && !out.includes(r.tabella)) out.push(r.tabella);
  return out;
}

/**
 * The values the rules compare each parameter with (`parametri.x = v`, `parametri.x in [a, b]`),
 * and, for a list parameter read as `campo in parametri.x`, the values of that field.
 */
export function valoriLetti(regole: readonly Regola[]): Map<string, { valori: ValoreParametro[]; elementi?: readonly string[] }> {
  const out = new Map<string, { valori: ValoreParametro[]; elementi?: readonly string[] }>();
  const di = (nome: string) => { let e = out.get(nome); if (!e) { e = { valori: [] }; out.set(nome, e); } return e; };
  const aggiungi = (nome: string, v: unknown) => {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return;
    const e = di(nome);
    if (!e.valori.includes(v)) e.valori.push(v);
  };
  for (const r of regole) nodi(r, (op, args) => {
    const [a, b] = args;
    const pa = varDi(a), pb = varDi(b);
    if (["==", "!=", "===", "!=="].includes(op)) {
      if (pa?.startsWith("parametri.")) aggiungi(pa.slice(10), b);
      else if (pb?.startsWith("parametri.")) aggiungi(pb.slice(10), a);
    } else if (op === "in") {
      if (pa?.startsWith("parametri.") && Array.isArray(b)) for (const v of b) aggiungi(pa.slice(10), v);
      if (pb?.startsWith("parametri.") && pa) {
        const campo = pa.split(".").pop()!;
        const e = di(pb.slice(10));
        if (VALORI[campo]?.length) e.elementi = VALORI[campo];
      }
    }
  });
  return out;
}

/** A parameter's accepted values, from its default and what the rules compare it with. */
function accettato(nome: string, par: Parametro | undefined, letti: { valori: ValoreParametro[]; elementi?: readonly string[] } | undefined): Accettato {
  const v = par?.valore;
  const out: Accettato = { ...DEL_MOTORE[nome] };
  if (par) out.predefinito = v;
  if (typeof v === "boolean" || letti?.valori.some((x) => typeof x === "boolean")) out.valori = [true, false];
  else if (Array.isArray(v) || letti?.elementi || out.elementi) { if (letti?.elementi) out.elementi = letti.elementi; }
  else if (typeof v === "number") return out;
  else {
    const valori: ValoreParametro[] = typeof v === "string" ? [v] : [];
    for (const x of letti?.valori ?? []) if (!valori.includes(x)) valori.push(x);
    if (valori.length > 0) out.valori = valori;
  }
  return out;
}

/**
 * The compiled form's list of names (IR `tabelle`, `parametri[x].valori` / `elementi`): a
 * client reads there which names a question may use.
 */
export function conNomi(reg: Regolamento): Regolamento {
  const letti = valoriLetti(reg.regole);
  const parametri: Record<string, Parametro> = {};
  for (const [nome, par] of Object.entries(reg.parametri)) {
    const a = accettato(nome, par, letti.get(nome));
    parametri[nome] = { ...par, ...(a.valori ? { valori: a.valori } : {}), ...(a.elementi ? { elementi: [...a.elementi] } : {}) };
  }
  const tabelle = tabelleDi(reg.regole);
  return { ...reg, parametri, ...(tabelle.length > 0 ? { tabelle } : {}) };
}

/** What a prepared version accepts (its rules and its bases'): prepare.ts builds it once. */
export interface NomiAccettati {
  tabelle: string[];
  parametri: Record<string, Accettato>;
  /** Fields the rules read on an action (`*`: on any action, `azione.x`, `evento.x`). */
  campiLetti: Map<string, Set<string>>;
  /** Every field a question's action may carry without a word: the contract's and those read (a lookup per field). */
  campiNoti: Set<string>;
}

/** Fields of actions named by the contract (docs/contratto.md "Actions" and "More fields of actions"). */
export const CAMPI_AZIONE: readonly string[] = [
  "azione", "data", "parte", "parti", "ruolo", "data_incontro", "mezzo", "esito", "presenti", "tipo", "documento",
  "richiesta_proposta", "pagamento_spese_avvio", "mediatore", "importo", "motivazione", "data_ricezione", "termine",
  "completa", "elementi_mancanti", "pagamento_indennita_primo_incontro", "dichiarazione_patrocinio_stato", "elementi",
  "termine_giorni", "elementi_sufficienti", "forma", "destinatario", "motivi_documentati", "accordo_parti",
  "esigenze_organizzative", "modalita", "partecipazione", "assistiti", "rappresentati", "avvio_mediazione",
  "proposta_dal_mediatore", "volonta_prosecuzione", "espressa", "oggetto", "causa", "atto_art_2643_cc",
  "riservato_al_mediatore", "copia", "voce", "saldo", "residuo", "tirocinante", "disponibile", "procedimento_precedente",
  "firma", "autenticata", "valore_riferimento", "decisore", "candidati", "ordine",
];

export function nomiAccettati(regole: readonly Regola[], parametri: Record<string, Parametro>, azioni: ReadonlySet<string>): NomiAccettati {
  const tabelle = tabelleDi(regole);
  const letti = valoriLetti(regole);
  const acc: Record<string, Accettato> = {};
  for (const [nome, a] of Object.entries(DEL_MOTORE)) acc[nome] = { ...a };
  for (const nome of new Set([...Object.keys(parametri), ...letti.keys()])) {
    acc[nome] = accettato(nome, parametri[nome], letti.get(nome));
  }
  if (tabelle.length > 0) acc["tabella_predefinita"] = { ...acc["tabella_predefinita"], valori: tabelle };
  // Fields the rules read on an action (`adesione.richiesta_proposta`), and on any action (`azione.x`, `evento.x`).
  const campiLetti = new Map<string, Set<string>>();
  const campo = (azione: string, c: string) => { let s = campiLetti.get(azione); if (!s) { s = new Set(); campiLetti.set(azione, s); } s.add(c); };
  for (const r of regole) nodi(r, (op, args) => {
    if (op !== "var") return;
    const v = varDi({ var: args as JsonLogic[] });
    if (!v) return;
    const [radice, c] = v.split(".");
    if (!c) return;
    if (radice === "azione" || radice === "evento") campo("*", c);
    else if (azioni.has(radice!)) campo(radice!, c);
  });
  return { tabelle, parametri: acc, ...campiCondivisi(campiLetti) };
}

/**
 * The fields read and known, one pair per content (in order): every question looks its fields up
 * there, and most versions of a register read the same fields (issue 15 § 1: one copy per version
 * was one more cold table per question). Distinct contents are few: held for the process's life.
 */
const CAMPI = new Map<string, Pick<NomiAccettati, "campiLetti" | "campiNoti">>();
function campiCondivisi(campiLetti: Map<string, Set<string>>): Pick<NomiAccettati, "campiLetti" | "campiNoti"> {
  const chiave = [...campiLetti].map(([a, s]) => `${a}:${[...s].join(",")}`).join(";");
  let c = CAMPI.get(chiave);
  if (!c) {
    const campiNoti = new Set<string>(CAMPI_AZIONE);
    for (const s of campiLetti.values()) for (const x of s) campiNoti.add(x);
    c = { campiLetti, campiNoti };
    CAMPI.set(chiave, c);
  }
  return c;
}

const elenco = (xs: readonly unknown[], max = 12): string =>
  xs.slice(0, max).map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(", ") + (xs.length > max ? ", …" : "");

const forse = (parola: string, candidati: Iterable<string>): string => {
  const s = piuVicino(parola, candidati);
  return s ? ` (forse intendevi '${s}'?)` : "";
};

/** `procedimento.tabella.nome` not among the regolamento's tables: the line for `errori`, or undefined. */
export function tabellaSconosciuta(nomi: NomiAccettati, nome: unknown): string | undefined {
  if (nome === undefined) return undefined;
  if (typeof nome !== "string") return `procedimento.tabella.nome: atteso il nome di una tabella, trovato ${JSON.stringify(nome)}`;
  if (nomi.tabelle.includes(nome)) return undefined;
  if (nomi.tabelle.length === 0) return `procedimento.tabella.nome: tabella sconosciuta '${nome}': il regolamento ha una sola tabella, senza nome (ignorato)`;
  return `procedimento.tabella.nome: tabella sconosciuta '${nome}'${forse(nome, nomi.tabelle)}; tabelle del regolamento: ${elenco(nomi.tabelle)}`;
}

/** A parameter set by the question: the line for `errori` when its name or value is not accepted. */
export function parametroNonAccettato(nomi: NomiAccettati, nome: string, v: unknown): string | undefined {
  const a = nomi.parametri[nome];
  const noti = Object.keys(nomi.parametri);
  if (!a) return `parametri.${nome}: parametro sconosciuto${forse(nome, noti)}; parametri del regolamento: ${elenco(noti.sort(), 20)}`;
  const pred = a.predefinito !== undefined ? `; predefinito ${JSON.stringify(a.predefinito)}` : "";
  if (a.elementi) {
    if (!Array.isArray(v)) return `parametri.${nome}: atteso un elenco (valori: ${elenco(a.elementi)})${pred}`;
    for (const x of v) if (!a.elementi.includes(x as string))
      return `parametri.${nome}: valore '${String(x)}' non previsto${forse(String(x), a.elementi)}; valori: ${elenco(a.elementi)}`;
    return undefined;
  }
  if (a.valori) {
    if (a.valori.includes(v as ValoreParametro)) return undefined;
    const testi = a.valori.filter((x): x is string => typeof x === "string");
    return `parametri.${nome}: valore ${JSON.stringify(v)} non previsto${typeof v === "string" ? forse(v, testi) : ""}; valori: ${elenco(a.valori)}${pred}`;
  }
  if (typeof a.predefinito === "number" && typeof v !== "number") return `parametri.${nome}: atteso un numero${pred}`;
  return undefined;
}

/** The fields of an action (an event or the action asked) that neither the contract nor the rules know. */
export function campiSconosciuti(nomi: NomiAccettati, a: Record<string, unknown>, dove: string, errori: string[]): void {
  for (const k in a) {
    // A field some rule reads on another action is let through: the check is for names nobody knows.
    if (nomi.campiNoti.has(k)) continue;
    const letti = nomi.campiLetti.get(a["azione"] as string), ovunque = nomi.campiLetti.get("*");
    const noti = [...CAMPI_AZIONE, ...(letti ?? []), ...(ovunque ?? [])];
    const s = piuVicino(k, noti);
    errori.push(`${dove}: campo sconosciuto '${k}'${s ? ` (forse intendevi '${s}'?)` : ""}${letti?.size ? `; campi che il regolamento legge su ${String(a["azione"])}: ${elenco([...letti])}` : ""} (ignorato)`);
  }
}
