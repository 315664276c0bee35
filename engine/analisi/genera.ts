// Boundary scenarios generated from the rules (`regolamento genera-scenari`): for every threshold a
// regolamento's rules contain (with those of the law it applies) a question at the threshold and one
// step either side: a value at a bracket or eligibility limit and one cent either side, the days
// n−1 / n / n+1 of every term (also a term ending on a holiday and one across a closure), each value
// of an enumeration a guard reads. The expected answer is the engine's own, marked `da_verificare`:
// a reader confirms it against the text. Pure: the caller writes the files.
import { evaluate } from "../evaluate.ts";
import type { Catalog } from "../catalog.ts";
import type { Caso, Atteso } from "../scenari.ts";
import type { Azione, Domanda, Risposta } from "../contract.ts";
import type { Eccezione, Regola, Regolamento, Termine, Tariffa, Vincolo } from "../ir.ts";
import { fromDay, toDay } from "../dates/calendar.ts";
import { TIPI_PROCEDIMENTO, VALORI } from "../vocabolario.ts";
import { azioneDi, clona, eventiPrima, poniFatto, procedimentoBase, type Procedimento } from "./domanda-base.ts";
import { soglieDi, veriDi } from "./soglie.ts";

export interface CasoGenerato extends Caso {
  da_verificare: true;
  /** Which rule and which threshold the case probes. */
  perche: string;
}

/** A Wednesday in 2026 by default: no holiday near, every current law in force. */
const GIORNO_BASE = "2026-03-04";
const MAX_ENUM = 25;

const euro = (cent: number) => (cent / 100).toLocaleString("it-IT", { minimumFractionDigits: cent % 100 ? 2 : 0, maximumFractionDigits: 2 });

interface Contesto {
  id: string;
  versione: string;
  d0: number;
  regole: Regola[];
  catalog: Catalog;
}

export function generaScenari(catalog: Catalog, id: string, opts: { versione?: string } = {}): CasoGenerato[] {
  const r = opts.versione ? catalog.versions(id).find((v) => v.versione === opts.versione) : catalog.versions(id).at(-1);
  if (!r) throw new Error(`${id}: versione ${opts.versione ?? "(nessuna)"} sconosciuta`);
  const giorno = r.inVigoreDal > GIORNO_BASE ? r.inVigoreDal : GIORNO_BASE;
  const ctx: Contesto = { id, versione: r.versione, d0: toDay(giorno)!, regole: regoleDi(catalog, r, giorno), catalog };
  const out: CasoGenerato[] = [];
  const visti = new Set<string>();
  const aggiungi = (c: CasoGenerato | undefined) => {
    if (!c) return;
    const chiave = JSON.stringify([c.data, c.procedimento, c.azione]);
    if (visti.has(chiave)) return;
    visti.add(chiave);
    out.push(c);
  };
  for (const regola of ctx.regole) {
    if (regola.tipo === "tariffa") for (const c of scaglioni(ctx, regola)) aggiungi(c);
    if (regola.tipo === "termine") for (const c of termini(ctx, regola)) aggiungi(c);
    if (regola.tipo === "vincolo") for (const c of vincoli(ctx, regola)) aggiungi(c);
    if (regola.tipo === "eccezione") for (const c of eccezioneATermine(ctx, regola)) aggiungi(c);
  }
  return out;
}

/** The rules in force for a procedure filed on `giorno`: the law's (in `applica` order), then the organismo's. */
function regoleDi(catalog: Catalog, r: Regolamento, giorno: string): Regola[] {
  return [...catalog.bases(r, giorno).flatMap((b) => b.regole), ...r.regole];
}

function chiedi(ctx: Contesto, q: Domanda): Risposta {
  return evaluate(ctx.catalog.perDomanda(ctx.id, q, ctx.versione), q);
}

/** The case, with the engine's answer as what is expected of it. */
function caso(ctx: Contesto, nome: string, perche: string, q: Domanda, scadenza?: string): CasoGenerato {
  const r = chiedi(ctx, q);
  const atteso: Atteso = {};
  if (q.azione) {
    atteso.esito = r.esito;
    if (r.esito === "negato" && r.motivi[0]) atteso.cita = r.motivi[0].cita;
  }
  if (scadenza) {
    const s = r.scadenze.find((x) => x.nome === scadenza);
    atteso.scadenze = s ? [{ nome: s.nome, ...(s.dal ? { dal: s.dal } : {}), ...(s.entro ? { entro: s.entro } : {}), ...(s.parte ? { parte: s.parte } : {}) }] : [{ nome: scadenza, assente: true }];
  }
  if (!q.azione) atteso.indennita = { per_parte: r.indennita.per_parte.map((p) => ({ parte: p.parte, totale: p.totale })), totale: r.indennita.totale };
  return { nome, organismo: ctx.id, versione: ctx.versione, ...(q.data ? { data: q.data } : {}), ...(q.parametri ? { parametri: q.parametri } : {}), procedimento: q.procedimento, ...(q.azione ? { azione: q.azione } : {}), atteso, da_verificare: true, perche };
}

const rif = (r: Regola) => `${r.nome} (${r.cita}, ${r.fonte})`;

/** Fees at each bracket limit and one cent either side, after a first meeting that went on. */
function scaglioni(ctx: Contesto, t: Tariffa): CasoGenerato[] {
  const out: CasoGenerato[] = [];
  for (const s of t.scaglioni) {
    if (s.fino === undefined) continue;
    for (const cent of [s.fino - 1, s.fino, s.fino + 1]) {
      const p = procedimentoBase(ctx.d0);
      p.valore = cent / 100;
      if (t.tabella) p.tabella = { nome: t.tabella };
      p.eventi!.push(...(eventiPrima("formulazione_proposta", ctx.d0) ?? []));
      const data = fromDay(ctx.d0 + 26);
      out.push(caso(ctx, `${t.voce} a ${euro(cent)} € (${t.nome}${t.tabella ? `, tabella ${t.tabella}` : ""})`, `limite di scaglione ${euro(s.fino)} € di ${rif(t)}`, { data, procedimento: p }));
    }
  }
  return out;
}

/** The action a guard binds, with the facts its `quando` names set to make it apply. */
function azionePerVincolo(ctx: Contesto, v: Vincolo, p: Procedimento): Azione {
  const a = azioneDi(v.azioni[0]!, ctx.d0 + 1, ctx.regole);
  for (const u of soglieDi(v.quando).uguaglianze) if (!u.negata && u.valori[0]) poniFatto(p, a, u.path, u.valori[0], ctx.d0 + 1);
  return a;
}

/** A guard at each numeric threshold it reads (± one cent for money, ± 1 otherwise), and each value of an enumeration. */
function vincoli(ctx: Contesto, v: Vincolo): CasoGenerato[] {
  if (v.azioni.length === 0) return [];
  const out: CasoGenerato[] = [];
  const { numeriche, uguaglianze } = soglieDi({ and: [v.quando ?? true, v.richiede] });
  for (const s of numeriche) {
    const passo = s.path === "valore" || s.path.endsWith("importo") ? 0.01 : 1;
    for (const x of [s.valore - passo, s.valore, s.valore + passo]) {
      const p = procedimentoBase(ctx.d0);
      const a = azionePerVincolo(ctx, v, p);
      if (!poniFatto(p, a, s.path, Math.round(x * 100) / 100, ctx.d0 + 1)) break;
      out.push(caso(ctx, `${a.azione} con ${s.path} = ${x.toLocaleString("it-IT")} (${v.nome})`, `soglia ${s.path} ${s.op} ${s.valore} di ${rif(v)}`, { data: a.data!, procedimento: p, azione: a }));
    }
  }
  for (const u of uguaglianze) {
    const valori = valoriDi(u.path, u.valori);
    for (const val of valori) {
      const p = procedimentoBase(ctx.d0);
      const a = azionePerVincolo(ctx, v, p);
      if (!poniFatto(p, a, u.path, val, ctx.d0 + 1)) break;
      out.push(caso(ctx, `${a.azione} con ${u.path} = ${val} (${v.nome})`, `valori di ${u.path} letti da ${rif(v)}`, { data: a.data!, procedimento: p, azione: a }));
    }
  }
  return out;
}

/** The values a path can take: the vocabulary's enumeration for its field, else the ones the rule names. */
function valoriDi(path: string, nominati: string[]): readonly string[] {
  if (path === "tipo") return TIPI_PROCEDIMENTO; // the procedure's tipo, not a verbale's or a document's
  const campo = path.split(".").at(-1)!;
  return (VALORI[campo]?.length ? VALORI[campo]! : nominati).slice(0, MAX_ENUM);
}

/** A procedure where the term's anchor happened `spostamento` days after the base day, and the facts its `quando` names. */
function conAncora(ctx: Contesto, t: Termine, spostamento: number): { p: Procedimento; giornoAncora: number } | undefined {
  const d0 = ctx.d0 + spostamento;
  const p = procedimentoBase(d0);
  for (const u of soglieDi(t.quando).uguaglianze) if (!u.negata && u.valori[0]) poniFatto(p, undefined, u.path, u.valori[0], d0 + 1);
  const a = t.ancora;
  if ("evento" in a) {
    if (a.evento === "deposito_domanda") return { p, giornoAncora: d0 };
    p.eventi!.push(...(eventiPrima(a.evento, d0) ?? []));
    const giornoAncora = d0 + (p.eventi!.length > 1 ? 30 : 2);
    const ev = azioneDi(a.evento, giornoAncora, ctx.regole);
    if (a.campo) ev[a.campo] = fromDay(giornoAncora);
    p.eventi!.push(ev);
    return { p, giornoAncora };
  }
  if ("fatto" in a) {
    poniFatto(p, undefined, a.fatto, fromDay(d0 + 2), d0 + 2);
    return { p, giornoAncora: d0 + 2 };
  }
  return undefined; // anchored on another term: reached through that term's cases
}

/** The term's window at the anchor: [dal, entro] as the engine computes it (undefined: not open on these facts). */
function finestra(ctx: Contesto, t: Termine, p: Procedimento, giornoAncora: number) {
  const r = chiedi(ctx, { data: fromDay(giornoAncora), procedimento: p });
  return r.scadenze.find((s) => s.nome === t.scadenza && (s.parte === undefined || s.parte === "A" || s.parte === "B"));
}

/**
 * The term an exception changes, probed at its bounds with the facts that make the exception apply
 * set on the action (Maremma art. 5 c. 5: "o motivate esigenze organizzative", the action's
 * `esigenze_organizzative`), and the parametri it reads set to the reading that lets it apply:
 * how far the exception moves the term is what the law may not allow, whichever reading is chosen.
 */
function eccezioneATermine(ctx: Contesto, e: Eccezione): CasoGenerato[] {
  const t = ctx.regole.find((x): x is Termine => x.tipo === "termine" && x.nome === e.a.nome && (e.a.fonte === undefined || x.fonte === e.a.fonte));
  const veri = veriDi(e.quando);
  const campi = veri.filter((x) => x.startsWith("azione."));
  if (!t || campi.length === 0) return [];
  const letture = veri.filter((x) => x.startsWith("parametri.")).map((x) => [x.slice("parametri.".length), true] as const);
  return termini(ctx, t, {
    nome: e.nome,
    poni: (p, a) => { for (const c of campi) poniFatto(p, a, c, true, toDay(a.data!)!); },
    ...(letture.length ? { parametri: Object.fromEntries(letture) } : {}),
  });
}

/** Days n−1 / n / n+1 of each bound, and the end day moved by a holiday or a closure (`sotto`: under an exception's facts). */
function termini(ctx: Contesto, t: Termine, sotto?: { nome: string; poni: (p: Procedimento, a: Azione) => void; parametri?: Domanda["parametri"] }): CasoGenerato[] {
  const per = t.per[0];
  const base = conAncora(ctx, t, 0);
  if (!base || !per) return [];
  const out: CasoGenerato[] = [];
  const prova = (p: Procedimento, giornoAncora: number, giorno: number, etichetta: string) => {
    const a = azioneDi(per.azione, per.campo ? giornoAncora + 1 : giorno, ctx.regole);
    if (per.campo) a[per.campo] = fromDay(giorno);
    if (a.parte === undefined && (per.azione === "risposta_proposta" || t.ciascunaParte)) a.parte = "A";
    sotto?.poni(p, a);
    const con = sotto ? `, con l'eccezione ${sotto.nome}` : "";
    out.push(caso(ctx, `${per.azione}${per.campo ? `.${per.campo}` : ""} il ${fromDay(giorno)}: ${etichetta}${con} (${t.scadenza})`, `termine ${rif(t)}${con}`, { data: a.data!, procedimento: p, azione: a, ...(sotto?.parametri ? { parametri: sotto.parametri } : {}) }, t.scadenza));
  };
  const s = finestra(ctx, t, base.p, base.giornoAncora);
  if (!s) return [];
  const dal = s.dal ? toDay(s.dal) : undefined;
  const entro = s.entro ? toDay(s.entro) : undefined;
  if (dal !== undefined) for (const [g, e] of [[dal - 1, "il giorno prima del primo ammesso"], [dal, "il primo giorno ammesso"]] as const) prova(clona(base.p), base.giornoAncora, g, e);
  if (entro !== undefined) for (const [g, e] of [[entro - 1, "il penultimo giorno"], [entro, "l'ultimo giorno"], [entro + 1, "il giorno dopo l'ultimo"]] as const) prova(clona(base.p), base.giornoAncora, g, e);
  if (entro === undefined) return out;
  // The same term where its last day falls on a holiday or a Sunday (the engine says why it moved).
  for (let k = 1; k <= 60; k++) {
    const v = conAncora(ctx, t, k);
    const w = v && finestra(ctx, t, v.p, v.giornoAncora);
    if (!v || !w?.entro || !w.spostamenti?.some((m) => /festiv|domenic|sabato/i.test(m))) continue;
    const e = toDay(w.entro)!;
    prova(v.p, v.giornoAncora, e, "ultimo giorno spostato da un festivo");
    prova(clona(v.p), v.giornoAncora, e + 1, "il giorno dopo l'ultimo spostato");
    break;
  }
  // Across a closure of the organismo that starts the day after the anchor.
  const c = conAncora(ctx, t, 0)!;
  c.p.chiusure = [{ dal: fromDay(c.giornoAncora + 1), al: fromDay(c.giornoAncora + 7) }];
  const w = finestra(ctx, t, c.p, c.giornoAncora);
  if (w?.entro) {
    const e = toDay(w.entro)!;
    prova(c.p, c.giornoAncora, e, "ultimo giorno con una chiusura di 7 giorni");
    prova(clona(c.p), c.giornoAncora, e + 1, "il giorno dopo, con la chiusura");
  }
  return out;
}
