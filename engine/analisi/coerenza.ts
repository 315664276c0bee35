// The regolamento against itself (issue 13 § 2): fee tables that drop between brackets or leave a
// value uncovered, two tariffe of one voce both applying, terms whose window is empty under the
// law's bounds or anchored on an action that can never come first, conditions that never or
// always hold, two exceptions to one rule that apply together. Each finding carries the values or
// the case that shows it. Pure, over the IR (with the applied baselines); `check` turns the
// findings into diagnostics on the rule's line.
import type { Ancora, DefinizioneAzione, Eccezione, Limite, Regola, Regolamento, Tariffa, Termine } from "../ir.ts";
import { prepare } from "../prepare.ts";
import { conFonte } from "../fonte.ts";
import { descriviCaso, fuoriVocabolario, insieme, verdetto, type Assegnazione } from "./condizioni.ts";

export interface Rilievo {
  codice: string;
  gravita: "errore" | "avviso";
  regola: string;
  fonte: string;
  cita: string;
  riga?: number;
  messaggio: string;
  /** The case that shows it (facts by path), where there is one. */
  caso?: Assegnazione;
}

/** The amount of a fee table just below and just above one of its limits (euro, IVA excluded, per party). */
export interface Salto {
  voce: string;
  regola: string;
  tabella?: string;
  /** The bracket's inclusive upper limit, euro. */
  limite: number;
  prima: number | null;
  dopo: number | null;
  differenza: number | null;
}

/** The mark that makes a drop between brackets intended: the word in the tariffa's `nota`. */
export const MARCA_DECRESCENTE = /\bdecrescent[ei]\b/i;

const euro = (c: number) => Math.round(c) / 100;
const fmt = (c: number) => (c / 100).toLocaleString("it-IT", { minimumFractionDigits: c % 100 ? 2 : 0, maximumFractionDigits: 2 });

function importo(t: Tariffa, i: number, cent: number): number | null {
  const imp = t.scaglioni[i]!.importo;
  if (imp.tipo === "fisso") return imp.centesimi;
  if (imp.tipo === "percentuale_valore") return Math.round((cent * imp.percentuale) / 100);
  return null;
}

const rilievo = (r: Regola, codice: string, gravita: Rilievo["gravita"], messaggio: string, caso?: Assegnazione): Rilievo => ({
  codice, gravita, regola: r.nome, fonte: r.fonte, cita: r.cita, ...(r.riga !== undefined ? { riga: r.riga } : {}), messaggio, ...(caso ? { caso } : {}),
});

/** The jumps at each limit of a table, and E100 where the amount drops without the mark. */
export function salti(t: Tariffa): Salto[] {
  const out: Salto[] = [];
  t.scaglioni.forEach((s, i) => {
    if (s.fino === undefined || i + 1 >= t.scaglioni.length) return;
    const prima = importo(t, i, s.fino), dopo = importo(t, i + 1, s.fino + 1);
    out.push({ voce: t.voce, regola: t.nome, ...(t.tabella ? { tabella: t.tabella } : {}), limite: euro(s.fino), prima: prima === null ? null : euro(prima), dopo: dopo === null ? null : euro(dopo), differenza: prima === null || dopo === null ? null : euro(dopo - prima) });
  });
  return out;
}

function tabelle(proprie: Regola[], tutte: Regola[], out: Rilievo[]): void {
  for (const t of proprie) {
    if (t.tipo !== "tariffa") continue;
    for (const s of salti(t)) {
      if (s.prima === null || s.dopo === null || s.dopo >= s.prima || MARCA_DECRESCENTE.test(t.nota ?? "")) continue;
      const c = Math.round(s.limite * 100);
      // Between fixed amounts a drop is a typo until marked; a percentage of the value may be meant so (a warning).
      const fissi = t.scaglioni.every((x) => x.importo.tipo === "fisso");
      out.push(rilievo(t, "E100", fissi ? "errore" : "avviso", `tariffa non monotona: a ${fmt(c)} € la voce ${t.voce} costa ${fmt(s.prima * 100)} €, a ${fmt(c + 1)} € solo ${fmt(s.dopo * 100)} € (un refuso? se la discesa è voluta, scrivilo nella nota: 'nota "decrescente: …"')`, { valore: euro(c + 1) }));
    }
  }
  // Tariffe of one voce and table split by conditions on the value: a value none of them covers, two that both apply.
  const gruppi = new Map<string, Tariffa[]>();
  for (const t of tutte) if (t.tipo === "tariffa") {
    const k = `${t.voce}\u0000${t.tabella ?? ""}\u0000${t.fonte}`;
    gruppi.set(k, [...(gruppi.get(k) ?? []), t]);
  }
  const mie = new Set(proprie.map((r) => `${r.fonte}\u0000${r.nome}`));
  for (const g of gruppi.values()) {
    if (!g.some((t) => mie.has(`${t.fonte}\u0000${t.nome}`))) continue;
    lacune(g, out);
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!, b = g[j]!;
        const caso = insieme([a.quando, b.quando]);
        if (!caso || caso === "mai") continue;
        out.push(rilievo(b, "E102", "errore", `le tariffe '${a.nome}' e '${b.nome}' danno entrambe la voce ${b.voce}${b.tabella ? ` (tabella ${b.tabella})` : ""} nello stesso caso: ${descriviCaso(caso)}. Separa le condizioni o usa 'sostituisce'`, caso));
      }
  }
}

/** Values in cents between two covered ones that no tariffa of the group covers (1.000,50 between `valore <= 1000` and `valore >= 1001`). */
function lacune(g: Tariffa[], out: Rilievo[]): void {
  const soglie = new Set<number>();
  const raccogli = (x: unknown): void => {
    if (Array.isArray(x)) { x.forEach(raccogli); return; }
    if (!x || typeof x !== "object") return;
    for (const [op, a] of Object.entries(x)) {
      if (["<", "<=", ">", ">="].includes(op) && Array.isArray(a) && a.length === 2) {
        const [l, r] = a as unknown[];
        const isV = (y: unknown) => typeof y === "object" && y !== null && (y as { var?: unknown }).var === "valore";
        if (isV(l) && typeof r === "number") soglie.add(r);
        if (isV(r) && typeof l === "number") soglie.add(l);
      }
      raccogli(a);
    }
  };
  for (const t of g) raccogli(t.quando);
  if (!soglie.size) return;
  const punti = [...new Set([...soglie].flatMap((s) => [s - 0.5, s - 0.01, s, s + 0.01, s + 0.5].map((x) => Math.round(x * 100) / 100)))].filter((x) => x >= 0).sort((a, b) => a - b);
  const coperto = punti.map((v) => g.some((t) => insieme([t.quando, { "==": [{ var: "valore" }, v] }]) !== "mai"));
  const primo = coperto.indexOf(true), ultimo = coperto.lastIndexOf(true);
  for (let i = primo + 1; i < ultimo; i++) {
    if (coperto[i]) continue;
    const v = punti[i]!;
    const t = g[0]!;
    out.push(rilievo(t, "E101", "errore", `nessuna tariffa della voce ${t.voce} si applica a un valore di ${fmt(Math.round(v * 100))} €: le condizioni lasciano una lacuna tra gli scaglioni (scritti in euro interi? usa 'fino a' o confronti complementari)`, { valore: v }));
    return;
  }
}

function condizioni(proprie: Regola[], out: Rilievo[]): void {
  for (const r of proprie) {
    const fuori = fuoriVocabolario(r.quando).concat(r.tipo === "vincolo" ? fuoriVocabolario(r.richiede) : []);
    const perche = fuori.length ? ` (${fuori.map((f) => `'${f.valore}' non è un valore di ${f.path}`).join("; ")})` : "";
    if (r.quando !== undefined) {
      const v = verdetto(r.quando);
      if (v.tipo === "mai") out.push(rilievo(r, "E110", "errore", `la condizione 'quando' di '${r.nome}' non è mai vera: la regola non si applica mai${perche}`));
      else if (v.tipo === "sempre" && r.tipo !== "eccezione") out.push(rilievo(r, "E111", "avviso", `la condizione 'quando' di '${r.nome}' è sempre vera: si può togliere`));
    }
    if (r.tipo === "vincolo" && r.richiede !== false) {
      const v = verdetto(r.richiede);
      if (v.tipo === "mai") out.push(rilievo(r, "E112", "avviso", `'richiede' di '${r.nome}' non è mai soddisfatto: ${r.azioni.join(", ")} è sempre negata quando il vincolo si applica (se è voluto, scrivi 'vieta')${perche}`));
      else if (v.tipo === "sempre" && r.richiede !== true) out.push(rilievo(r, "E111", "avviso", `'richiede' di '${r.nome}' è sempre soddisfatto: il vincolo non nega mai nulla`));
    }
  }
}

const chiaveRif = (e: Eccezione) => `${e.a.fonte ?? ""}\u0000${e.a.nome}`;

function eccezioni(proprie: Regola[], tutte: Regola[], out: Rilievo[]): void {
  const per = new Map<string, Eccezione[]>();
  for (const r of tutte) if (r.tipo === "eccezione") per.set(chiaveRif(r), [...(per.get(chiaveRif(r)) ?? []), r]);
  const mie = new Set(proprie);
  for (const g of per.values())
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!, b = g[j]!;
        if (!mie.has(a) && !mie.has(b)) continue;
        const caso = insieme([a.quando, b.quando]);
        if (!caso || caso === "mai") continue;
        const diverse = a.modifica && b.modifica && JSON.stringify(a.modifica) !== JSON.stringify(b.modifica);
        out.push(rilievo(mie.has(b) ? b : a, "E113", diverse ? "errore" : "avviso", `le eccezioni '${a.nome}' e '${b.nome}' a '${a.a.nome}' si applicano entrambe quando ${descriviCaso(caso)}${diverse ? ", e la modificano in modo diverso" : ""}: dì quale prevale (condizioni che si escludono)`, caso));
      }
}

/** Bounds in days of a limit, whatever the calendar: months 28–31 days, working days up to 7/5 + 2. */
function giorni(l: Limite): [number, number] {
  if (l.unita === "mesi") return [28 * l.quantita, 31 * l.quantita];
  if (l.unita === "giorni_lavorativi") return [l.quantita, Math.ceil((l.quantita * 7) / 5) + 2];
  return [l.quantita, l.quantita];
}

const stessaAncora = (a: Ancora, b: Ancora) => JSON.stringify(a) === JSON.stringify(b);
const lim = (l: Limite) => `${l.quantita} ${l.unita.replace("_", " ")}`;

function finestre(proprie: Regola[], tutte: Regola[], out: Rilievo[]): void {
  const mie = new Set(proprie);
  const termini = tutte.filter((r): r is Termine => r.tipo === "termine");
  for (const t of termini) {
    if (!mie.has(t)) continue;
    for (const l of termini) {
      if (l === t || l.scadenza !== t.scadenza || !stessaAncora(l.ancora, t.ancora) || !("verso" in t.ancora) || t.ancora.verso !== "da") continue;
      const coppie: [Termine, Termine][] = [[t, l], [l, t]];
      for (const [a, b] of coppie) {
        if (!a.entro || !b.nonPrimaDi || a.entro.quantitaDa) continue;
        if (giorni(a.entro)[1] < giorni(b.nonPrimaDi)[0])
          out.push(rilievo(t, "E120", "errore", `il termine ${t.scadenza} non si può mai rispettare: '${a.nome}' (${a.cita}, ${a.fonte}) chiede entro ${lim(a.entro)}, '${b.nome}' (${b.cita}, ${b.fonte}) non prima di ${lim(b.nonPrimaDi)}`));
      }
    }
  }
}

/** Phases an action may be taken in, and the phases it may leave behind it. */
function grafo(tutte: Regola[], fasi: string[], finali: Set<string>) {
  const defs = new Map<string, DefinizioneAzione>();
  for (const r of tutte) if (r.tipo === "azione") defs.set(r.azione, r);
  const aperte = fasi.filter((f) => !finali.has(f));
  const inFase = (a: string) => defs.get(a)?.inFase ?? aperte;
  const dopo = (a: string): string[] => {
    const d = defs.get(a);
    if (!d) return inFase(a);
    const mete = d.transizioni.map((t) => t.fase);
    return d.transizioni.length && d.transizioni.some((t) => t.quando === undefined) ? mete : [...mete, ...inFase(a)];
  };
  const archi = new Map<string, Set<string>>();
  for (const a of defs.keys()) for (const p of inFase(a)) for (const m of dopo(a)) archi.set(p, (archi.get(p) ?? new Set()).add(m));
  const raggiungibili = (da: string[]) => {
    const visti = new Set(da);
    const coda = [...da];
    while (coda.length) for (const m of archi.get(coda.pop()!) ?? []) if (!visti.has(m)) { visti.add(m); coda.push(m); }
    return visti;
  };
  return { defs, inFase, dopo, raggiungibili };
}

function ancore(proprie: Regola[], tutte: Regola[], reg: Regolamento, bases: Regolamento[], out: Rilievo[]): void {
  const fasi = [...bases.flatMap((b) => b.fasi), ...reg.fasi];
  if (!fasi.length) return;
  const g = grafo(tutte, [...new Set(fasi.map((f) => f.nome))], new Set(fasi.filter((f) => f.finale).map((f) => f.nome)));
  for (const t of proprie) {
    if (t.tipo !== "termine" || !("evento" in t.ancora) || t.ancora.verso !== "da") continue;
    const a = t.ancora.evento;
    if (!g.defs.has(a)) continue;
    const dopoA = g.raggiungibili(g.dopo(a));
    for (const p of t.per) {
      if (p.azione === a || !g.defs.has(p.azione)) continue;
      if (g.inFase(p.azione).some((f) => dopoA.has(f))) continue;
      out.push(rilievo(t, "E121", "avviso", `il termine ${t.scadenza} decorre da ${a}, ma ${p.azione} (fasi: ${g.inFase(p.azione).join(", ")}) non può mai venire dopo ${a} (che porta a: ${g.dopo(a).join(", ")}): il termine non vincola mai ${p.azione}`));
    }
  }
}

/** Every finding of § 2 on `reg`'s own rules, with the jumps of its fee tables. */
export function coerenza(reg: Regolamento, bases: Regolamento[] = []): { rilievi: Rilievo[]; salti: Salto[] } {
  let tutte: Regola[];
  try {
    tutte = prepare(reg, bases).regole.map((p) => conFonte(p.r, reg.id));
  } catch {
    tutte = [...bases.flatMap((b) => b.regole), ...reg.regole];
  }
  const proprie = reg.regole;
  const out: Rilievo[] = [];
  tabelle(proprie, [...tutte, ...proprie.filter((r) => r.tipo === "eccezione")], out);
  condizioni(proprie, out);
  eccezioni(proprie, [...bases.flatMap((b) => b.regole), ...reg.regole], out);
  finestre(proprie, [...bases.flatMap((b) => b.regole), ...reg.regole], out);
  ancore(proprie, tutte, reg, bases, out);
  return { rilievi: out, salti: proprie.flatMap((r) => (r.tipo === "tariffa" ? salti(r) : [])) };
}
