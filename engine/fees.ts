// Fees per party and voce (engine/SEMANTICS.md §6): table voci by bracket, then the variations
// in declaration order, IVA per voce; integer cents throughout, euro only in the answer.
import { mancante, resolvePerParte, type Resolved } from "./defaults.ts";
import type { Fatti } from "./conditions/compile.ts";
import { leggiFatti, partiDerivate, poniParte, type State } from "./facts.ts";
import { intero } from "./percorso.ts";
import { percentOf, fractionOf, euro, formatEuro } from "./money.ts";
import type { Conflitto, Indennita, IndennitaParte, Traccia, Voce } from "./contract.ts";
import type { Importo, Regola, Tariffa, Variazione } from "./ir.ts";
import type { Grado } from "./vocabolario.ts";
import type { Cond, PEccezione, PRegola, PTariffa, Prepared } from "./prepared.ts";

interface VoceCalc {
  voce: string;
  /** Table amount (cents) or null when due but unknown. */
  importo: number | null;
  /** Running total: table amount plus the variations computed on it so far. */
  corrente: number | null;
  iva: number;
  scaglione?: number;
  r: Tariffa | Variazione;
  nota?: string;
  /** A placeholder: the voce's table is not chosen (a later tariffa of the voce replaces it). */
  senzaTabella: boolean;
  /** How many times the amount is due (a tariffa `per ciascuna parte invitata`). */
  quantita?: number;
  /** A discretionary variation ("fino a un quarto"): its ceiling, cents, when the amount is left to the organismo. */
  massimo?: number;
}

/** A voce with every field, in one order (one hidden class for all of them). */
function nuovaVoce(voce: string, importo: number | null, iva: number, r: Tariffa | Variazione, nota: string | undefined, senzaTabella: boolean): VoceCalc {
  return { voce, importo, corrente: importo, iva, scaglione: undefined, r, nota, senzaTabella, quantita: undefined };
}

/** The table voce named `voce` (a party has a handful: a linear search, no Map per party). */
function voceDi(tab: VoceCalc[], voce: string): VoceCalc | undefined {
  for (let i = 0; i < tab.length; i++) if (tab[i]!.voce === voce) return tab[i];
  return undefined;
}

/** Whether a variation has one of its `su` voci among the party's table voci. */
function suQualcheVoce(r: Variazione, tab: VoceCalc[]): boolean {
  for (const nome of r.su) if (voceDi(tab, nome)) return true;
  return false;
}

function importoCents(imp: Importo, valoreCents: number | undefined): number | null {
  switch (imp.tipo) {
    case "fisso": return imp.centesimi;
    case "percentuale_valore": return valoreCents === undefined ? null : percentOf(valoreCents, imp.percentuale);
    case "da_determinare": return null;
  }
}

/** Bracket index (0-based) of a value in cents: `fino` inclusive; the last bracket catches the rest. */
export function bracketOf(limiti: number[], cents: number): number {
  for (let i = 0; i < limiti.length; i++) if (cents <= limiti[i]!) return i;
  return limiti.length - 1;
}

/** The table amount of a voce for this procedure, written into `v` (importo, scaglione, nota). */
function tableVoce(pt: PTariffa, st: State, v: VoceCalc): void {
  const t = pt.r;
  const valore = st.n.proc.valore;
  let cents: number | undefined;
  if (valore === null) {
    const grado = st.n.proc.grado_indeterminabilita;
    const perGrado = t.indeterminabile && typeof grado === "string" ? t.indeterminabile[grado as Grado] : undefined;
    const ind = perGrado ?? t.indeterminato;
    if (!ind) {
      if (t.scaglioni.length === 1 && t.scaglioni[0]!.fino === undefined) { v.importo = importoCents(t.scaglioni[0]!.importo, undefined); v.scaglione = 1; return; }
      v.importo = null; v.nota = "valore indeterminato: il testo non dà l'importo"; return;
    }
    if (ind.tipo !== "come_valore") { v.importo = importoCents(ind, undefined); v.nota = perGrado ? `valore indeterminabile ${grado}` : "valore indeterminato"; return; }
    cents = ind.centesimi;
  } else if (typeof valore === "number") cents = Math.round(valore * 100);
  if (cents === undefined) {
    if (t.scaglioni.length === 1 && t.scaglioni[0]!.fino === undefined) { v.importo = importoCents(t.scaglioni[0]!.importo, undefined); v.scaglione = 1; return; }
    v.importo = null; v.nota = "valore della lite non indicato"; return;
  }
  const i = bracketOf(pt.limiti, cents);
  const s = t.scaglioni[i];
  if (!s) { v.importo = null; v.nota = "nessuno scaglione"; return; }
  let importo = importoCents(s.importo, cents);
  if (importo === null && t.voce === "spese_mediazione") {
    // The table is not in the text: the organismo states the amount for this procedure.
    const tab = st.n.proc.tabella, ind = st.n.proc.indennita_mediazione;
    const eur = typeof tab?.spese_mediazione === "number" ? tab.spese_mediazione : typeof ind === "number" ? ind : undefined;
    if (eur !== undefined) { importo = Math.round(eur * 100); v.nota = "importo indicato dall'organismo"; }
  }
  v.importo = importo;
  v.scaglione = i + 1;
}

/** An exception that removed or changed a fee rule for this party is said, with its citation. */
function tracciaEccezione(via: PEccezione | undefined, target: Regola, parte: string, traccia: Traccia[]): void {
  if (!via) return;
  traccia.push({ regola: via.r.nome, cita: via.r.cita, fonte: via.r.fonte, esito: `eccezione prevale su ${target.nome}`,
    dettaglio: `${via.variante ? "modifica" : "esclude"} ${target.nome} (${target.cita}) per ${parte}` });
}

export function indennita(p: Prepared, st: State, traccia: Traccia[], conflitti: Conflitto[], mancanti: string[]): Indennita {
  // A name the regolamento does not know chooses no table (the voce is listed, amount unknown, and
  // `errori` names it: evaluate.ts); it does not fall back on the default silently.
  const chiesta = st.n.proc.tabella && typeof st.n.proc.tabella.nome === "string" ? st.n.proc.tabella.nome : undefined;
  const sconosciuta = chiesta !== undefined && p.nomi.tabelle.length > 0 && !p.nomi.tabelle.includes(chiesta) ? chiesta : undefined;
  const tabella = sconosciuta !== undefined ? undefined : chiesta
    ?? (typeof p.valoriParametri["tabella_predefinita"] === "string" ? (p.valoriParametri["tabella_predefinita"] as string) : undefined);
  // "Fino a un quarto": the text gives a ceiling and leaves the amount to the organismo. Unless the
  // regolamento (or the question) says the organismo applies the ceiling, the voce is due with an
  // unknown amount and its maximum (SEMANTICS §6).
  const alMassimo = p.valoriParametri["importi_discrezionali"] === "massimo";
  const per_parte: IndennitaParte[] = [];
  let totale = 0;
  if (st.n.proc.valore === undefined && p.tariffe.length > 0) mancanti.push("valore");

  // Missing facts are looked for with the first party only: the other parties' conditions read
  // the same facts (their own `parte.*` ones aside).
  const derivate = partiDerivate(st);
  turno++;
  // The halves of the rules' conditions that do not depend on the party, decided once.
  const comuniT = new Array<boolean>(p.tariffe.length), comuniV = new Array<boolean>(p.variazioni.length);
  for (let k = 0; k < derivate.length; k++) {
    const parte = st.n.parti[k]!;
    const prima = k === 0;
    poniParte(st, derivate[k]);
    const calc: VoceCalc[] = [];
    const tab: VoceCalc[] = []; // the table voci, one per voce
    for (let i = 0; i < p.tariffe.length; i++) {
      const pt = p.tariffe[i]!;
      voceTabella(pt, resolvePerParte(pt, st.f, comuniT, i), st, tabella, sconosciuta, parte.id, prima, calc, tab, traccia, conflitti, mancanti);
    }
    for (let i = 0; i < p.variazioni.length; i++) {
      const pv = p.variazioni[i]!;
      // After the first party (whose missing facts are listed), a variation with no voce of this
      // party to act on and no exception to tell changes nothing: it is not decided.
      if (!prima && pv.eccezioni.length === 0 && !suQualcheVoce(pv.r, tab)) continue;
      variazione(pv, resolvePerParte(pv, st.f, comuniV, i), st.f, parte.id, prima, calc, tab, traccia, conflitti, mancanti, alMassimo);
    }

    let tot = 0;
    const voci: Voce[] = [];
    for (const c of calc) {
      const imp = c.importo;
      const iva = imp === null ? null : percentOf(imp, c.iva);
      if (imp !== null) tot += imp + (iva ?? 0);
      const v: Voce = { voce: c.voce, imponibile: imp === null ? null : euro(imp), iva: iva === null ? null : euro(iva), cita: c.r.cita, fonte: c.r.fonte };
      if (c.nota) v.nota = c.nota;
      if (c.quantita !== undefined) v.quantita = c.quantita;
      if (c.massimo !== undefined) v.massimo = euro(c.massimo);
      voci.push(v);
    }
    const quota: IndennitaParte = { parte: parte.id, voci, totale: euro(tot) };
    // A total read alone must not look complete when a voce due has no amount (the text gives none).
    const senza = voci.filter((v) => v.imponibile === null).map((v) => v.voce);
    if (senza.length) quota.voci_senza_importo = senza;
    per_parte.push(quota);
    totale += tot;
  }
  poniParte(st, undefined);
  const senza = [...new Set(per_parte.flatMap((x) => x.voci_senza_importo ?? []))];
  return { per_parte, totale: euro(totale), ...(senza.length ? { voci_senza_importo: senza } : {}) };
}

/**
 * The missing facts of a `quando` that failed, for the first party. The fee rules share most of
 * their paths (parte.ruolo, adesione…) and the facts do not change meanwhile: each path is looked
 * up once per call (the answer's list is deduplicated anyway). `visto` is a scratch array indexed by
 * path id and stamped with the call's number: nothing to allocate or clear.
 */
let turno = 0;
const visto: number[] = [];
const gruppiVisti: number[] = []; // the same, by Cond.gruppo: a list of paths already looked at is skipped whole
function mancantiDi(c: Cond, f: Fatti, mancanti: string[]): void {
  const ids = c.ids, t = turno; // locals: the module's bindings are not reloaded per path
  const g = c.gruppo;
  if (gruppiVisti[g] === t) return;
  while (gruppiVisti.length <= g) gruppiVisti.push(-1);
  gruppiVisti[g] = t;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (visto[id] === t) continue;
    while (visto.length <= id) visto.push(-1);
    visto[id] = t;
    if (mancante(f, c.radici[i]!, c.paths[i]!)) mancanti.push(c.vars[i]!);
  }
}

function conflittoEccezioni(eccezioni: PEccezione[], nome: string, conflitti: Conflitto[]): void {
  conflitti.push({ regole: eccezioni.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte })), messaggio: `eccezioni in conflitto su ${nome}` });
}

/** A tariffa for one party: its table voce into `calc`/`tab`, or why not. */
function voceTabella(pt: PTariffa, res: Resolved<Tariffa>, st: State, tabella: string | undefined, sconosciuta: string | undefined, parte: string, prima: boolean, calc: VoceCalc[], tab: VoceCalc[],
  traccia: Traccia[], conflitti: Conflitto[], mancanti: string[]): void {
  if (res.kind === "conflitto") { conflittoEccezioni(res.eccezioni, pt.r.nome, conflitti); return; }
  tracciaEccezione(res.via, pt.r, parte, traccia);
  if (res.kind === "no") { if (prima && res.fallita) mancantiDi(res.fallita, st.f, mancanti); return; }
  const ppt = res.pr as PTariffa;
  const t = ppt.r;
  const prev = voceDi(tab, t.voce);
  if (t.tabella !== undefined) {
    if (tabella === undefined) {
      if (!prev) {
        const nota = sconosciuta !== undefined ? `tabella sconosciuta '${sconosciuta}': indicare procedimento.tabella.nome tra quelle del regolamento` : "il regolamento ha più tabelle: indicare procedimento.tabella.nome";
        const v = nuovaVoce(t.voce, null, t.ivaPercento, t, nota, true);
        calc.push(v); tab.push(v);
      }
      return;
    }
    if (t.tabella !== tabella) return;
  }
  if (prev && !prev.senzaTabella) {
    conflitti.push({
      regole: [prev.r, t].map((r) => ({ regola: r.nome, cita: r.cita, fonte: r.fonte })),
      messaggio: `due tariffe producono la voce ${t.voce} per la parte ${parte}: ${prev.r.nome} (${prev.r.cita}) e ${t.nome} (${t.cita})`,
    });
    return;
  }
  const v = nuovaVoce(t.voce, null, t.ivaPercento, t, undefined, false);
  tableVoce(ppt, st, v);
  if (typeof t.quantita === "string") perQuantita(t.quantita, st, v, prima, mancanti);
  else if (t.quantita && ppt.conta) perConteggio(ppt.conta(st.f), v);
  v.corrente = v.importo;
  if (prev) { calc[calc.indexOf(prev)] = v; tab[tab.indexOf(prev)] = v; } else { calc.push(v); tab.push(v); }
  const importo = v.importo, scaglione = v.scaglione;
  traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: "applicata", dettaglio: `${t.voce} per ${parte}: ${importo === null ? "importo non indicato" : formatEuro(importo)}${scaglione ? ` (scaglione ${scaglione})` : ""}` });
}

/** "10 euro per ciascuna parte convocata": the amount times a count the facts give, rounded once. */
function perQuantita(path: string, st: State, v: VoceCalc, prima: boolean, mancanti: string[]): void {
  const n = intero(leggiFatti(st, path));
  if (n === undefined) {
    if (prima) mancanti.push(path);
    v.importo = null;
    v.nota = `quantità non indicata (${path})`;
    return;
  }
  v.quantita = n;
  if (v.importo !== null) v.importo = v.importo * n;
}

/** "ogni ulteriore convocazione … spesa viva": the amount times a count of events (`quanti c in …`). */
function perConteggio(x: unknown, v: VoceCalc): void {
  const n = intero(x) ?? 0; // a count of events is always a whole number; anything else counts none
  v.quantita = n;
  if (v.importo !== null) v.importo = v.importo * n;
}

/** A variation for one party, on the table voci it names. */
function variazione(pv: PRegola<Variazione>, res: Resolved<Variazione>, f: Fatti, parte: string, prima: boolean, calc: VoceCalc[], tab: VoceCalc[],
  traccia: Traccia[], conflitti: Conflitto[], mancanti: string[], alMassimo: boolean): void {
  if (res.kind !== "conflitto") tracciaEccezione(res.via, pv.r, parte, traccia);
  // A reduction that cannot be decided for want of a fact says which (e.g. tabella.scaglione).
  if (res.kind === "no") { if (prima && res.fallita) mancantiDi(res.fallita, f, mancanti); return; }
  if (res.kind === "conflitto") { conflittoEccezioni(res.eccezioni, pv.r.nome, conflitti); return; }
  const r = res.pr.r as Variazione;
  // The first of the voci it is computed on (in the order of `su`): it decides the bracket.
  let first: VoceCalc | undefined;
  for (let i = 0; i < r.su.length && !first; i++) first = voceDi(tab, r.su[i]!);
  if (!first) return;
  if (r.scaglioni && (first.scaglione === undefined || first.scaglione < r.scaglioni.da || first.scaglione > r.scaglioni.a)) return;
  const m = r.misura;
  const totale = r.base === "totale";
  let signed: number | null;
  // A discretionary ceiling not applied: the amount is computed as the maximum, then left unknown.
  const discrezionale = r.finoA && !alMassimo;
  let nota = !r.finoA ? undefined : discrezionale
    ? "importo a discrezione dell'organismo (\"fino a\"): dovuto fino al massimo indicato, non compreso nel totale"
    : "importo massimo (\"fino a\"): l'organismo può applicarne uno minore";
  if (m.tipo === "frazione" || m.tipo === "percentuale") {
    // A fraction or a percentage acts on each voce it concerns ("ridotti di un quinto" reduces each
    // amount): a voce whose amount is unknown leaves its own part unknown, not the others' (the
    // spese di avvio are reduced even while the first meeting's amount is "da determinare").
    let somma = 0, note = 0;
    let ignote: string | undefined;
    for (let i = 0; i < r.su.length; i++) {
      const s = voceDi(tab, r.su[i]!);
      if (!s) continue;
      const x = totale ? s.corrente : s.importo;
      if (x === null) { ignote = ignote === undefined ? s.voce : `${ignote}, ${s.voce}`; continue; }
      const parte = r.segno * (m.tipo === "frazione" ? fractionOf(x, m.num, m.den) : percentOf(x, m.percentuale));
      somma += parte; note++;
      if (s.corrente !== null && !discrezionale) s.corrente += parte;
    }
    signed = note === 0 ? null : somma;
    if (note > 0 && ignote !== undefined) nota = `${nota ? nota + "; " : ""}sulla parte nota: su ${ignote} non determinabile`;
  } else {
    // A fixed amount or another voce: on the voci together; unknown when one of them is (a deduction
    // from an undetermined fee is not a known refund).
    let base: number | null = 0;
    for (let i = 0; i < r.su.length; i++) {
      const s = voceDi(tab, r.su[i]!);
      if (!s) continue;
      const x = totale ? s.corrente : s.importo;
      if (x === null) base = null; else if (base !== null) base += x;
    }
    const amount = base === null ? null : m.tipo === "voce" ? (voceDi(tab, m.voce)?.importo ?? 0) : m.centesimi;
    signed = amount === null ? null : r.segno * amount;
    if (signed !== null && first.corrente !== null && !discrezionale) first.corrente += signed;
  }
  const v = nuovaVoce(r.voce, discrezionale ? null : signed, first.iva, r, nota, false);
  if (discrezionale && signed !== null) v.massimo = signed;
  calc.push(v);
  const importo = signed === null ? "importo non determinabile" : discrezionale ? `fino a ${formatEuro(signed)}, a discrezione dell'organismo` : formatEuro(signed);
  traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `${r.voce} per ${parte}: ${importo}${nota && signed !== null && !r.finoA ? ` (${nota})` : ""}` });
}
