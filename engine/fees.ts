// Fees per party and voce (engine/SEMANTICS.md §6): table voci by bracket, then the variations
// in declaration order, IVA per voce; integer cents throughout, euro only in the answer.
import { missingIn, resolve } from "./defaults.ts";
import { parteDerivata, type State } from "./facts.ts";
import { percentOf, fractionOf, euro, formatEuro } from "./money.ts";
import type { Conflitto, Indennita, IndennitaParte, Traccia, Voce } from "./contract.ts";
import type { Importo, Regola, Tariffa, Variazione } from "./ir.ts";
import type { PEccezione, PTariffa, Prepared } from "./prepared.ts";

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

function tableVoce(pt: PTariffa, st: State): { importo: number | null; scaglione?: number; nota?: string } {
  const t = pt.r;
  const valore = st.n.proc.valore;
  let cents: number | undefined;
  if (valore === null) {
    const ind = t.indeterminato;
    if (!ind) {
      if (t.scaglioni.length === 1 && t.scaglioni[0]!.fino === undefined) return { importo: importoCents(t.scaglioni[0]!.importo, undefined), scaglione: 1 };
      return { importo: null, nota: "valore indeterminato: il testo non dà l'importo" };
    }
    if (ind.tipo !== "come_valore") return { importo: importoCents(ind, undefined), nota: "valore indeterminato" };
    cents = ind.centesimi;
  } else if (typeof valore === "number") cents = Math.round(valore * 100);
  if (cents === undefined) {
    if (t.scaglioni.length === 1 && t.scaglioni[0]!.fino === undefined) return { importo: importoCents(t.scaglioni[0]!.importo, undefined), scaglione: 1 };
    return { importo: null, nota: "valore della lite non indicato" };
  }
  const i = bracketOf(pt.limiti, cents);
  const s = t.scaglioni[i];
  if (!s) return { importo: null, nota: "nessuno scaglione" };
  let importo = importoCents(s.importo, cents);
  let nota: string | undefined;
  if (importo === null && t.voce === "spese_mediazione") {
    // The table is not in the text: the organismo states the amount for this procedure.
    const tab = st.n.proc.tabella, ind = st.n.proc.indennita_mediazione;
    const eur = typeof tab?.spese_mediazione === "number" ? tab.spese_mediazione : typeof ind === "number" ? ind : undefined;
    if (eur !== undefined) { importo = Math.round(eur * 100); nota = "importo indicato dall'organismo"; }
  }
  return { importo, scaglione: i + 1, nota };
}

/** An exception that removed or changed a fee rule for this party is said, with its citation. */
function tracciaEccezione(via: PEccezione | undefined, target: Regola, parte: string, traccia: Traccia[]): void {
  if (!via) return;
  traccia.push({ regola: via.r.nome, cita: via.r.cita, fonte: via.r.fonte, esito: `eccezione prevale su ${target.nome}`,
    dettaglio: `${via.variante ? "modifica" : "esclude"} ${target.nome} (${target.cita}) per ${parte}` });
}

export function indennita(p: Prepared, st: State, traccia: Traccia[], conflitti: Conflitto[], mancanti: string[]): Indennita {
  const ctx = st.ctx;
  const tabella = (st.n.proc.tabella && typeof st.n.proc.tabella.nome === "string" ? st.n.proc.tabella.nome : undefined)
    ?? (typeof p.valoriParametri["tabella_predefinita"] === "string" ? (p.valoriParametri["tabella_predefinita"] as string) : undefined);
  const per_parte: IndennitaParte[] = [];
  let totale = 0;
  if (st.n.proc.valore === undefined && p.tariffe.length > 0) mancanti.push("valore");

  // Missing facts are looked for with the first party only: the other parties' conditions read
  // the same facts (their own `parte.*` ones aside).
  let prima = true;
  for (const parte of st.n.parti) {
    ctx["parte"] = parteDerivata(st, parte);
    const calc: VoceCalc[] = [];
    const byVoce = new Map<string, VoceCalc>();
    const senzaTabella = new Set<string>();
    for (const pt of p.tariffe) {
      const res = resolve(pt, ctx);
      if (res.kind === "conflitto") {
        conflitti.push({ regole: res.eccezioni.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte })), messaggio: `eccezioni in conflitto su ${pt.r.nome}` });
        continue;
      }
      tracciaEccezione(res.via, pt.r, parte.id, traccia);
      if (res.kind === "no") { if (prima && res.fallita) { const m = missingIn(res.fallita, ctx); if (m) mancanti.push(...m); } continue; }
      const ppt = res.pr as PTariffa;
      const t = ppt.r;
      if (t.tabella !== undefined) {
        if (tabella === undefined) {
          if (!senzaTabella.has(t.voce) && !byVoce.has(t.voce)) {
            senzaTabella.add(t.voce);
            const v: VoceCalc = { voce: t.voce, importo: null, corrente: null, iva: t.ivaPercento, r: t, nota: "il regolamento ha più tabelle: indicare procedimento.tabella.nome" };
            calc.push(v); byVoce.set(t.voce, v);
          }
          continue;
        }
        if (t.tabella !== tabella) continue;
      }
      const prev = byVoce.get(t.voce);
      if (prev && !senzaTabella.has(t.voce)) {
        conflitti.push({
          regole: [prev.r, t].map((r) => ({ regola: r.nome, cita: r.cita, fonte: r.fonte })),
          messaggio: `due tariffe producono la voce ${t.voce} per la parte ${parte.id}: ${prev.r.nome} (${prev.r.cita}) e ${t.nome} (${t.cita})`,
        });
        continue;
      }
      const { importo, scaglione, nota } = tableVoce(ppt, st);
      const v: VoceCalc = { voce: t.voce, importo, corrente: importo, iva: t.ivaPercento, scaglione, r: t, nota };
      if (prev) { calc[calc.indexOf(prev)] = v; senzaTabella.delete(t.voce); } else calc.push(v);
      byVoce.set(t.voce, v);
      traccia.push({ regola: t.nome, cita: t.cita, fonte: t.fonte, esito: "applicata", dettaglio: `${t.voce} per ${parte.id}: ${importo === null ? "importo non indicato" : formatEuro(importo)}${scaglione ? ` (scaglione ${scaglione})` : ""}` });
    }

    for (const pv of p.variazioni) {
      const res = resolve(pv, ctx);
      if (res.kind !== "conflitto") tracciaEccezione(res.via, pv.r, parte.id, traccia);
      // A reduction that cannot be decided for want of a fact says which (e.g. tabella.scaglione).
      if (res.kind === "no") { if (prima && res.fallita) { const m = missingIn(res.fallita, ctx); if (m) mancanti.push(...m); } continue; }
      if (res.kind === "conflitto") {
        conflitti.push({ regole: res.eccezioni.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte })), messaggio: `eccezioni in conflitto su ${pv.r.nome}` });
        continue;
      }
      const r = res.pr.r as Variazione;
      const su = r.su.map((s) => byVoce.get(s)).filter((x): x is VoceCalc => x !== undefined);
      if (su.length === 0) continue;
      const first = su[0]!;
      if (r.scaglioni && (first.scaglione === undefined || first.scaglione < r.scaglioni.da || first.scaglione > r.scaglioni.a)) continue;
      let base: number | null = 0;
      for (const s of su) {
        const x = r.base === "totale" ? s.corrente : s.importo;
        if (x === null) { base = null; break; }
        base += x;
      }
      let amount: number | null;
      const m = r.misura;
      // A variation on a voce whose amount is unknown is unknown too (a deduction from an
      // undetermined fee is not a known refund).
      if (base === null) amount = null;
      else if (m.tipo === "voce") amount = byVoce.get(m.voce)?.importo ?? 0;
      else if (m.tipo === "frazione") amount = fractionOf(base, m.num, m.den);
      else if (m.tipo === "percentuale") amount = percentOf(base, m.percentuale);
      else amount = m.centesimi;
      const signed = amount === null ? null : r.segno * amount;
      if (signed !== null && first.corrente !== null) first.corrente += signed;
      const v: VoceCalc = { voce: r.voce, importo: signed, corrente: signed, iva: first.iva, r, nota: r.finoA ? "importo massimo (\"fino a\"): l'organismo può applicarne uno minore" : undefined };
      calc.push(v);
      traccia.push({ regola: r.nome, cita: r.cita, fonte: r.fonte, esito: "applicata", dettaglio: `${r.voce} per ${parte.id}: ${signed === null ? "importo non determinabile" : formatEuro(signed)}` });
    }

    let tot = 0;
    const voci: Voce[] = calc.map((c) => {
      const imp = c.importo;
      const iva = imp === null ? null : percentOf(imp, c.iva);
      if (imp !== null) tot += imp + (iva ?? 0);
      const v: Voce = { voce: c.voce, imponibile: imp === null ? null : euro(imp), iva: iva === null ? null : euro(iva), cita: c.r.cita, fonte: c.r.fonte };
      if (c.nota) v.nota = c.nota;
      return v;
    });
    per_parte.push({ parte: parte.id, voci, totale: euro(tot) });
    totale += tot;
    prima = false;
  }
  ctx["parte"] = undefined;
  return { per_parte, totale: euro(totale) };
}
