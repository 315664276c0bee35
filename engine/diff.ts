// diff(a, b): the semantic differences between two regolamenti, as a lawyer reads them
// ("risposta_proposta: 7 → 10 giorni (art. 8 c. 9)"), each with the citations before and after.
import { printCondition } from "./conditions/print.ts";
import { importoTesto, limite, regolaTesto, scaglioneTesto, ancora, NOMI_TIPO } from "./describe.ts";
import type { Limite, Regola, Regolamento, Termine, Tariffa, TipoRegola, Vincolo } from "./ir.ts";

export interface Change {
  kind: "aggiunta" | "rimossa" | "modificata";
  regola: string;
  /** The rule's kind, or what else changed: a parameter, a phase, the calendar, the header. */
  tipo: TipoRegola | "parametro" | "fase" | "calendario" | "intestazione";
  descrizione: string;
  cita_prima?: string;
  cita_dopo?: string;
  fonte: string;
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const lim = (l: Limite | undefined) => (l ? limite(l) : "—");

/** The rule without what does not change its meaning. */
/** What a rule means, without where it stands or whose file it is (two organismi compare too). */
function meaning(r: Regola): Record<string, unknown> {
  const { riga: _r, testo: _t, nota: _n, cita: _c, fonte: _f, ...rest } = r as Regola & Record<string, unknown>;
  return rest;
}

function termineChanges(a: Termine, b: Termine): string[] {
  const out: string[] = [];
  const n = b.scadenza;
  if (!same(a.entro, b.entro) && a.entro && b.entro && a.entro.unita === b.entro.unita) out.push(`${n}: ${a.entro.quantita} → ${b.entro.quantita} ${limite(b.entro).replace(/^\d+ /, "")}`);
  else if (!same(a.entro, b.entro)) out.push(`${n}: entro ${lim(a.entro)} → ${lim(b.entro)}`);
  if (!same(a.nonPrimaDi, b.nonPrimaDi)) out.push(`${n}: non prima di ${lim(a.nonPrimaDi)} → ${lim(b.nonPrimaDi)}`);
  if (!same(a.ancora, b.ancora)) out.push(`${n}: decorre ${ancora(a)} → ${ancora(b)}`);
  if (!same(a.per, b.per)) out.push(`${n}: vincola ${a.per.map((p) => p.azione).join(", ") || "—"} → ${b.per.map((p) => p.azione).join(", ") || "—"}`);
  if (a.salvoAccordo !== b.salvoAccordo) out.push(`${n}: ${b.salvoAccordo ? "ora salvo accordo delle parti" : "non più derogabile per accordo delle parti"}`);
  if (a.ciascunaParte !== b.ciascunaParte) out.push(`${n}: ${b.ciascunaParte ? "ora per ciascuna parte" : "non più per ciascuna parte"}`);
  if (a.inMancanza !== b.inMancanza) out.push(`${n}: in mancanza ${a.inMancanza ?? "—"} → ${b.inMancanza ?? "—"}`);
  if (a.sospesoDaChiusure !== b.sospesoDaChiusure) out.push(`${n}: ${b.sospesoDaChiusure ? "ora sospeso dalle chiusure" : "non più sospeso dalle chiusure"}`);
  if (!!a.senzaSanzione !== !!b.senzaSanzione) out.push(`${n}: ${b.senzaSanzione ? "ora senza sanzione (non nega gli atti fuori termine)" : "ora nega gli atti fuori termine"}`);
  return out;
}

function tariffaChanges(a: Tariffa, b: Tariffa): string[] {
  const out: string[] = [];
  const v = b.voce + (b.tabella ? ` (tabella ${b.tabella})` : "");
  const bounds = (t: Tariffa) => t.scaglioni.map((s) => s.fino ?? null);
  if (same(bounds(a), bounds(b))) {
    b.scaglioni.forEach((s, i) => {
      const prev = a.scaglioni[i]!;
      if (!same(prev.importo, s.importo)) out.push(`${v} scaglione ${scaglioneTesto(b.scaglioni, i)}: ${importoTesto(prev.importo)} → ${importoTesto(s.importo)}`);
    });
  } else {
    out.push(`${v}: scaglioni ridefiniti (${a.scaglioni.length} → ${b.scaglioni.length}): ${b.scaglioni.map((s, i) => `${scaglioneTesto(b.scaglioni, i)} ${importoTesto(s.importo)}`).join("; ")}`);
  }
  if (a.ivaPercento !== b.ivaPercento) out.push(`${v}: IVA ${a.ivaPercento}% → ${b.ivaPercento}%`);
  if (!same(a.indeterminato, b.indeterminato)) out.push(`${v} valore indeterminato: ${importoTesto(a.indeterminato)} → ${importoTesto(b.indeterminato)}`);
  for (const g of ["basso", "medio", "alto"] as const)
    if (!same(a.indeterminabile?.[g], b.indeterminabile?.[g])) out.push(`${v} valore indeterminabile ${g}: ${importoTesto(a.indeterminabile?.[g])} → ${importoTesto(b.indeterminabile?.[g])}`);
  if (a.voce !== b.voce) out.push(`voce ${a.voce} → ${b.voce}`);
  return out;
}

function vincoloChanges(a: Vincolo, b: Vincolo): string[] {
  const out: string[] = [];
  if (!same(a.richiede, b.richiede)) out.push(`${b.nome}: richiede ${printCondition(a.richiede)} → ${printCondition(b.richiede)}`);
  if (!same(a.azioni, b.azioni)) out.push(`${b.nome}: azioni ${a.azioni.join(", ")} → ${b.azioni.join(", ")}`);
  if (!same(a.da, b.da)) out.push(`${b.nome}: da ${a.da?.join(", ") ?? "chiunque"} → ${b.da?.join(", ") ?? "chiunque"}`);
  if (!same(a.inFase, b.inFase)) out.push(`${b.nome}: in fase ${a.inFase?.join(", ") ?? "qualsiasi"} → ${b.inFase?.join(", ") ?? "qualsiasi"}`);
  return out;
}

function ruleChange(a: Regola, b: Regola): string[] {
  const out: string[] = [];
  if (a.tipo === "termine" && b.tipo === "termine") out.push(...termineChanges(a, b));
  else if (a.tipo === "tariffa" && b.tipo === "tariffa") out.push(...tariffaChanges(a, b));
  else if (a.tipo === "vincolo" && b.tipo === "vincolo") out.push(...vincoloChanges(a, b));
  if (!same(a.quando, b.quando) && a.tipo !== "eccezione") out.push(`${b.nome}: si applica quando ${printCondition(a.quando)} → ${printCondition(b.quando)}`);
  if (!same(a.sostituisce, b.sostituisce)) out.push(`${b.nome}: sostituisce ${a.sostituisce?.nome ?? "—"} → ${b.sostituisce?.nome ?? "—"}`);
  const known = new Set(out.length > 0 ? ["quando", "sostituisce", "entro", "nonPrimaDi", "ancora", "per", "salvoAccordo", "ciascunaParte", "inMancanza", "sospesoDaChiusure", "senzaSanzione", "scaglioni", "ivaPercento", "indeterminato", "indeterminabile", "voce", "richiede", "azioni", "da", "inFase", "scadenza"] : []);
  const ma = meaning(a), mb = meaning(b);
  const other = [...new Set([...Object.keys(ma), ...Object.keys(mb)])].filter((k) => !known.has(k) && !same(ma[k], mb[k]));
  // Fields without a sentence of their own: the whole rule before and after, unless a sentence above
  // already shows the rule (then only which fields changed).
  if (other.length > 0) {
    out.push(out.length === 0 ? `${NOMI_TIPO[b.tipo]} ${b.nome}: ${regolaTesto(a)} → ${regolaTesto(b)}` : `${b.nome}: cambia anche ${other.join(", ")}`);
  }
  return out;
}

const key = (r: Regola) => `${r.tipo}:${r.nome}`;

export function diff(a: Regolamento, b: Regolamento): Change[] {
  const out: Change[] = [];
  const before = new Map(a.regole.map((r) => [key(r), r]));
  const after = new Map(b.regole.map((r) => [key(r), r]));
  const cit = (c: string) => `(${c})`;

  for (const r of b.regole) {
    const prev = before.get(key(r));
    if (!prev) {
      const what = r.tipo === "eccezione" ? "nuova eccezione" : r.tipo === "tariffa" || r.tipo === "variazione" || r.tipo === "visibilita" || r.tipo === "azione" ? `nuova ${NOMI_TIPO[r.tipo]}` : `nuovo ${NOMI_TIPO[r.tipo]}`;
      out.push({ kind: "aggiunta", regola: r.nome, tipo: r.tipo, descrizione: `${what} ${r.nome}: ${regolaTesto(r)} ${cit(r.cita)}`, cita_dopo: r.cita, fonte: r.fonte });
      continue;
    }
    const changes = ruleChange(prev, r);
    if (prev.cita !== r.cita) changes.push(`${r.nome}: citazione ${prev.cita} → ${r.cita}`);
    if (changes.length === 0 && (prev.testo ?? "") !== (r.testo ?? "")) changes.push(`${r.nome}: testo modificato`);
    for (const d of changes) out.push({ kind: "modificata", regola: r.nome, tipo: r.tipo, descrizione: `${d} ${cit(r.cita)}`, cita_prima: prev.cita, cita_dopo: r.cita, fonte: r.fonte });
  }
  for (const r of a.regole) {
    if (after.has(key(r))) continue;
    const what = r.tipo === "eccezione" ? "eccezione rimossa" : `${NOMI_TIPO[r.tipo]} rimosso`;
    out.push({ kind: "rimossa", regola: r.nome, tipo: r.tipo, descrizione: `${what} ${r.nome}: ${regolaTesto(r)} ${cit(r.cita)}`, cita_prima: r.cita, fonte: r.fonte });
  }

  // parameters
  const fonte = b.id;
  for (const [nome, p] of Object.entries(b.parametri)) {
    const q = a.parametri[nome];
    if (!q) out.push({ kind: "aggiunta", regola: nome, tipo: "parametro", descrizione: `nuovo parametro ${nome} = ${fmt(p.valore)}${p.cita ? ` ${cit(p.cita)}` : ""}`, cita_dopo: p.cita, fonte });
    else if (!same(q.valore, p.valore)) out.push({ kind: "modificata", regola: nome, tipo: "parametro", descrizione: `parametro ${nome}: ${fmt(q.valore)} → ${fmt(p.valore)}${p.cita ? ` ${cit(p.cita)}` : ""}`, cita_prima: q.cita, cita_dopo: p.cita, fonte });
  }
  for (const [nome, q] of Object.entries(a.parametri)) if (!b.parametri[nome]) out.push({ kind: "rimossa", regola: nome, tipo: "parametro", descrizione: `parametro rimosso ${nome} (era ${fmt(q.valore)})`, cita_prima: q.cita, fonte });

  // phases
  const fa = new Map(a.fasi.map((f) => [f.nome, f])), fb = new Map(b.fasi.map((f) => [f.nome, f]));
  for (const f of b.fasi) if (!fa.has(f.nome)) out.push({ kind: "aggiunta", regola: f.nome, tipo: "fase", descrizione: `nuova fase ${f.nome}${f.iniziale ? " (iniziale)" : ""}${f.finale ? " (finale)" : ""}`, cita_dopo: f.cita, fonte });
  for (const f of a.fasi) if (!fb.has(f.nome)) out.push({ kind: "rimossa", regola: f.nome, tipo: "fase", descrizione: `fase rimossa ${f.nome}`, cita_prima: f.cita, fonte });

  // calendar
  const ch = (c: { dal: string; al: string; nome?: string }) => `chiusura ${c.dal} – ${c.al}${c.nome ? ` (${c.nome})` : ""}`;
  const fe = (c: { data: string; nome?: string }) => `festivo ${c.data}${c.nome ? ` (${c.nome})` : ""}`;
  const setA = new Set([...a.calendario.chiusure.map(ch), ...a.calendario.festivi.map(fe)]);
  const setB = new Set([...b.calendario.chiusure.map(ch), ...b.calendario.festivi.map(fe)]);
  for (const s of setB) if (!setA.has(s)) out.push({ kind: "aggiunta", regola: "calendario", tipo: "calendario", descrizione: `nuova ${s}`.replace("nuova festivo", "nuovo festivo"), fonte });
  for (const s of setA) if (!setB.has(s)) out.push({ kind: "rimossa", regola: "calendario", tipo: "calendario", descrizione: `rimossa ${s}`.replace("rimossa festivo", "rimosso festivo"), fonte });

  // header
  if (!same(a.applica, b.applica)) out.push({ kind: "modificata", regola: "applica", tipo: "intestazione", descrizione: `applica ${a.applica.join(", ") || "—"} → ${b.applica.join(", ") || "—"}`, fonte });
  if (a.inVigoreDal !== b.inVigoreDal || a.versione !== b.versione) out.push({ kind: "modificata", regola: "versione", tipo: "intestazione", descrizione: `versione ${a.versione} (in vigore dal ${a.inVigoreDal}) → ${b.versione} (in vigore dal ${b.inVigoreDal})`, fonte });
  return out;
}

function fmt(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
}
