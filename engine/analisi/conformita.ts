// Conformity to the law, with counterexamples (issue 13 § 1). The baseline says, rule by rule, how
// far an organismo may depart from it (`deroga` in the IR). The boundary questions of both the
// regolamento and the law alone (genera.ts) are evaluated twice — the regolamento on its bases, and
// the bases alone with the organismo's parameters — and where the answers differ in a way the law's
// `deroga` forbids, the shortest such question is the counterexample. Also warnings for every
// `sostituisce` of a law rule and every law rule the regolamento never lets decide. Pure.
import { Catalog } from "../catalog.ts";
import { evaluate } from "../evaluate.ts";
import { dataDiRiferimento } from "../catalog.ts";
import type { Domanda, Risposta, Scadenza, Voce } from "../contract.ts";
import type { Deroga, Limite, Regola, Regolamento, Tariffa, Termine } from "../ir.ts";
import { domandaDelCaso } from "../scenari.ts";
import { generaScenari } from "./genera.ts";
import { soglieDi } from "./soglie.ts";

export interface RifConformita { nome: string; fonte: string; cita: string; testo?: string }

export interface RilievoConformita {
  codice: string;
  gravita: "errore" | "avviso";
  regola: RifConformita | null;
  regola_legge: RifConformita;
  messaggio: string;
  controesempio?: {
    domanda: Domanda;
    risposta_regolamento: Partial<Risposta>;
    risposta_legge: Partial<Risposta>;
    /** The parameters the law's answer was asked with (the reading that selects the law rule, e.g. the Allegato A maxima). */
    parametri_legge?: Record<string, string>;
  };
}

/** The finding codes (docs/linguaggio.md § Conformità). */
const DESCRIZIONE = {
  C001: "consente ciò che la legge vieta",
  C002: "vieta ciò che la legge consente",
  C003: "un termine oltre il massimo di legge",
  C004: "un termine sotto il minimo di legge",
  C005: "un importo oltre quello di legge",
  C006: "un importo sotto quello di legge",
} as const;
// C007 (avviso): a term under a law term's name promises more than the law allows; the law prevails.

const rif = (r: Regola): RifConformita => ({ nome: r.nome, fonte: r.fonte, cita: r.cita, ...(r.testo ? { testo: r.testo } : {}) });

/** The answer without the trace: what a reader compares. */
function essenziale(r: Risposta): Partial<Risposta> {
  const { traccia: _t, azioni_consentite: _a, ...resto } = r;
  return resto;
}

/** The organismo's kind, for `deroga … per pubblici|privati`: its own parameter, else the baseline's. */
function pubblico(r: Regolamento, bases: Regolamento[]): boolean {
  const p = r.parametri.organismo_pubblico ?? bases.map((b) => b.parametri.organismo_pubblico).find((x) => x !== undefined);
  return p?.valore === true;
}

const vale = (d: Deroga | undefined, pub: boolean): Deroga | undefined => (!d || d.tipo === "libera" || (d.per && (d.per === "pubblici") !== pub) ? undefined : d);
/** The organismo may only deny more (a maximum) or only allow more (a minimum); "nessuna"/"fisso": neither. */
const vietaPiuPermissivo = (d: Deroga) => d.tipo === "massimo" || d.tipo === "nessuna" || d.tipo === "fisso";
const vietaPiuRestrittivo = (d: Deroga) => d.tipo === "minimo" || d.tipo === "nessuna" || d.tipo === "fisso";

/**
 * Baselines repealed by a later one: today's law is the later. D.M. 150/2023 art. 46 repeals D.M.
 * 180/2010 for the domande filed from 15.11.2023; a regolamento written before still applies the
 * old decree, and is compared with the new.
 */
const ABROGATE: Record<string, { da: string; dal: string }> = { "dm-180-2010": { da: "dm-150-2023", dal: "2023-11-15" } };

/** The law alone for an organismo: its parameters and calendar, today's baselines, no rule of its own (id `<id>~legge`). */
export function leggeSola(catalog: Catalog, r: Regolamento, oggi: string): Regolamento {
  const applica = [...new Set(r.applica.map((b) => (ABROGATE[b] && oggi >= ABROGATE[b]!.dal && catalog.intestazioni(ABROGATE[b]!.da).length ? ABROGATE[b]!.da : b)))];
  return { ...r, id: `${r.id}~legge`, nome: `${r.nome} (la sola legge)`, applica, fasi: [], struttura: [], regole: [] };
}

/** A scratch catalogue: the baselines, the regolamento, and the law alone. */
function catalogoDi(catalog: Catalog, r: Regolamento, oggi: string): { c: Catalog; legge: Regolamento } {
  // A copy (not every version read: a server loads versions on first use, catalog.ts).
  const c = catalog.copia();
  c.add(r);
  const legge = leggeSola(c, r, oggi);
  c.add(legge);
  return { c, legge };
}

/** The parameters that select a law rule (e.g. `allegato_a_importo = massimo` for the Allegato A maxima). */
function parametriCheSelezionano(r: Regola): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const u of soglieDi(r.quando).uguaglianze) if (!u.negata && u.path.startsWith("parametri.") && u.valori.length === 1) out[u.path.slice("parametri.".length)] = u.valori[0]!;
  return Object.keys(out).length ? out : undefined;
}

export interface OpzioniConformita { versione?: string }

export function conformita(catalog: Catalog, id: string, opts: OpzioniConformita = {}): RilievoConformita[] {
  const r = opts.versione ? catalog.versions(id).find((v) => v.versione === opts.versione) : catalog.versions(id).at(-1);
  if (!r) throw new Error(`${id}: versione ${opts.versione ?? "(nessuna)"} sconosciuta`);
  return conformitaDi(catalog, r);
}

/** The same for a version that need not be in the catalogue (a draft): the catalogue is not changed. */
export function conformitaDi(catalog: Catalog, r: Regolamento): RilievoConformita[] {
  const oggi = r.inVigoreDal > "2026-03-04" ? r.inVigoreDal : "2026-03-04";
  const { c, legge } = catalogoDi(catalog, r, oggi);
  const bases = c.bases(legge, oggi);
  const pub = pubblico(r, bases);
  const valoriParametri: Record<string, unknown> = {};
  for (const x of [...bases, r]) for (const [k, p] of Object.entries(x.parametri)) valoriParametri[k] = p.valore;
  const regoleLegge = bases.flatMap((b) => b.regole);
  const leggeDi = (nome: string, fonte: string) => regoleLegge.find((x) => x.nome === nome && x.fonte === fonte);
  const proprie = r.regole;
  const propriaDi = (nome: string, fonte: string) => (fonte === r.id ? proprie.find((x) => x.nome === nome) : undefined);

  // The questions: the boundaries of the regolamento's rules and of the law's, and the latter again
  // with the parameters that select each law tariffa with a `deroga` (the Allegato A maxima).
  const domande: { q: Domanda; parametriLegge?: Record<string, string> }[] = [];
  const viste = new Set<string>();
  const aggiungi = (q: Domanda, parametriLegge?: Record<string, string>) => {
    const k = JSON.stringify([q, parametriLegge]);
    if (!viste.has(k)) { viste.add(k); domande.push({ q, ...(parametriLegge ? { parametriLegge } : {}) }); }
  };
  const casiLegge = generaScenari(c, legge.id, { versione: legge.versione });
  for (const caso of [...generaScenari(c, r.id, { versione: r.versione }), ...casiLegge]) {
    const q = domandaDelCaso(caso);
    delete q.versione;
    aggiungi(q);
  }
  for (const t of regoleLegge) {
    if (t.tipo !== "tariffa" || !vale(t.deroga, pub)) continue;
    const parametri = parametriCheSelezionano(t);
    if (!parametri) continue;
    for (const caso of casiLegge) if (!caso.azione) { const q = domandaDelCaso(caso); delete q.versione; aggiungi(q, parametri); }
  }

  const trovati = new Map<string, RilievoConformita>();
  // The shortest question; for an amount, one that asks no action (the fee is the whole point).
  const lunghezza = (q: Domanda, codice?: string) => JSON.stringify(q).length + (q.azione && (codice === "C005" || codice === "C006") ? 100_000 : 0);
  let parametriLegge: Record<string, string> | undefined;
  const segnala = (codice: keyof typeof DESCRIZIONE, legge_: Regola, propria: Regola | undefined, dettaglio: string, q: Domanda, rr: Risposta, rl: Risposta) => {
    const chiave = `${codice}\u0000${legge_.fonte}\u0000${legge_.nome}\u0000${propria?.nome ?? ""}`;
    const prima = trovati.get(chiave);
    if (prima?.controesempio && lunghezza(prima.controesempio.domanda, codice) <= lunghezza(q, codice)) return;
    trovati.set(chiave, {
      codice,
      gravita: "errore",
      regola: propria ? rif(propria) : null,
      regola_legge: rif(legge_),
      messaggio: `${propria ? `'${propria.nome}' (${propria.cita})` : `il regolamento ${r.id}`} ${DESCRIZIONE[codice]}: ${dettaglio}; la legge (${legge_.cita}, ${legge_.fonte}, '${legge_.nome}') è ${legge_.deroga!.tipo === "nessuna" ? "inderogabile" : legge_.deroga!.tipo === "fisso" ? "un importo fisso" : `un ${legge_.deroga!.tipo}`}${legge_.deroga!.per ? ` per gli organismi ${legge_.deroga!.per}` : ""}`,
      controesempio: { domanda: q, risposta_regolamento: essenziale(rr), risposta_legge: essenziale(rl), ...(parametriLegge ? { parametri_legge: parametriLegge } : {}) },
    });
  };

  const raggiunte = new Set<string>(), decisiveLegge = new Set<string>();
  const chiaveR = (nome: string, fonte: string) => `${fonte}\u0000${nome}`;
  for (const d of domande) {
    const q = d.q;
    parametriLegge = d.parametriLegge;
    const data = dataDiRiferimento(q);
    const pr = c.prepared(r.id, { versione: r.versione, ...(data ? { date: data } : {}) });
    const pl = c.prepared(legge.id, { versione: legge.versione, ...(data ? { date: data } : {}) });
    if (!pr || !pl) continue;
    const rr = evaluate(pr, q), rl = evaluate(pl, parametriLegge ? { ...q, parametri: { ...q.parametri, ...parametriLegge } } : q);
    for (const t of rr.traccia) raggiunte.add(chiaveR(t.regola, t.fonte));
    // What decides the law's answer under another reading of its parameters is not a rule the regolamento hides.
    if (!parametriLegge) for (const t of rl.traccia) if (t.esito !== "non applicabile") decisiveLegge.add(chiaveR(t.regola, t.fonte));

    // The action asked: allowed by one and denied by the other.
    if (q.azione && rr.esito && rl.esito && rr.esito !== rl.esito) {
      // The organismo's rule behind its answer: one about the same deadline first.
      const motivoPropria = (x: Risposta, L?: Regola) => [...x.motivi].sort((a, b) => Number(!!b.scadenza && L?.tipo === "termine" && b.scadenza.nome === L.scadenza) - Number(!!a.scadenza && L?.tipo === "termine" && a.scadenza.nome === L.scadenza)).map((m) => propriaDi(m.regola, m.fonte)).find(Boolean);
      if (rl.esito === "negato") {
        for (const m of rl.motivi) {
          const L = leggeDi(m.regola, m.fonte);
          const d = vale(L?.deroga, pub);
          if (L && d && vietaPiuPermissivo(d)) segnala("C001", L, motivoPropria(rr, L) ?? sostituta(proprie, L), `${q.azione.azione} il ${q.azione.data ?? q.data} è consentita dal regolamento e negata dalla legge (${m.messaggio ?? m.regola})`, q, rr, rl);
        }
      } else {
        for (const m of rl.motivi) {
          const L = leggeDi(m.regola, m.fonte);
          const d = vale(L?.deroga, pub);
          // Only a denial about the same thing: the same deadline, or the rule that replaces the law's.
          const stessa = rr.motivi.some((x) => (L?.tipo === "termine" && x.scadenza?.nome === L.scadenza) || (L && sostituta(proprie, L)?.nome === x.regola));
          if (L && d && stessa && vietaPiuRestrittivo(d)) segnala("C002", L, motivoPropria(rr, L) ?? sostituta(proprie, L), `${q.azione.azione} il ${q.azione.data ?? q.data} è negata dal regolamento (${rr.motivi.map((x) => x.messaggio ?? x.regola).join("; ")}) e consentita dalla legge`, q, rr, rl);
        }
      }
    }

    // Deadlines of the same name: a later or earlier last day than the law's.
    const chiaveS = (s: Scadenza) => `${s.nome}\u0000${s.parte ?? ""}`;
    const sr = new Map(rr.scadenze.map((s) => [chiaveS(s), s]));
    for (const s of rl.scadenze) {
      const x = sr.get(chiaveS(s));
      if (!x?.entro || !s.entro || x.entro === s.entro) continue;
      const L = regoleLegge.find((g): g is Termine => g.tipo === "termine" && g.scadenza === s.nome && g.fonte === s.fonte && (g.cita === s.cita || s.cita.includes(g.cita)));
      const d = vale(L?.deroga, pub);
      if (!L || !d) continue;
      const P = proprie.find((g): g is Termine => g.tipo === "termine" && g.scadenza === s.nome && (x.fonte === r.id ? x.cita.includes(g.cita) : true)) ?? sostituta(proprie, L);
      if (x.entro > s.entro && vietaPiuPermissivo(d)) segnala("C003", L, P, `${s.nome}${s.parte ? ` (${s.parte})` : ""} entro il ${x.entro} invece del ${s.entro}`, q, rr, rl);
      if (x.entro < s.entro && vietaPiuRestrittivo(d)) segnala("C004", L, P, `${s.nome}${s.parte ? ` (${s.parte})` : ""} entro il ${x.entro} invece del ${s.entro}`, q, rr, rl);
    }

    // Fees: each voce of each party against the law's, where the law's tariffa says how far one may go.
    const voci = (x: Risposta) => new Map(x.indennita.per_parte.flatMap((p) => p.voci.map((v) => [`${p.parte}\u0000${v.voce}`, v] as const)));
    const vr = voci(rr);
    for (const [k, vl] of voci(rl)) {
      const v = vr.get(k);
      if (!v || v.imponibile === null || vl.imponibile === null || v.imponibile === vl.imponibile) continue;
      const L = tariffaDi(regoleLegge, vl, { ...valoriParametri, ...parametriLegge });
      const d = vale(L?.deroga, pub);
      if (!L || !d) continue;
      const P = proprie.find((g): g is Tariffa => g.tipo === "tariffa" && g.voce === v.voce && (v.fonte === r.id ? v.cita === g.cita : false)) ?? (v.fonte === r.id ? proprie.find((g) => g.cita === v.cita) : undefined);
      const dettaglio = `${v.voce} per la parte ${k.split("\u0000")[0]} a un valore di ${q.procedimento.valore ?? "indeterminato"} €: ${v.imponibile} € invece di ${vl.imponibile} €`;
      if (v.imponibile > vl.imponibile && vietaPiuPermissivo(d)) segnala("C005", L, P, dettaglio, q, rr, rl);
      if (v.imponibile < vl.imponibile && vietaPiuRestrittivo(d)) segnala("C006", L, P, dettaglio, q, rr, rl);
    }
  }

  const out = [...trovati.values()];
  // A term of the organismo under a law term's name (no `sostituisce`) narrows it: the engine keeps the
  // law's bound, so no answer differs, but the text promises what the law forbids (C007).
  for (const P of proprie) {
    if (P.tipo !== "termine" || P.sostituisce) continue;
    for (const L of regoleLegge) {
      if (L.tipo !== "termine" || L.scadenza !== P.scadenza || JSON.stringify(L.ancora) !== JSON.stringify(P.ancora)) continue;
      const d = vale(L.deroga, pub);
      if (!d || !vietaPiuPermissivo(d)) continue;
      const oltre = P.entro && L.entro && !P.entro.quantitaDa && giorni(P.entro)[0] > giorni(L.entro)[1];
      const prima = L.nonPrimaDi && (!P.nonPrimaDi || giorni(P.nonPrimaDi)[1] < giorni(L.nonPrimaDi)[0]);
      if (!oltre && !(prima && P.nonPrimaDi)) continue;
      const cosa = oltre ? `entro ${lim(P.entro!)} invece di ${lim(L.entro!)}` : `non prima di ${lim(P.nonPrimaDi!)} invece di ${lim(L.nonPrimaDi!)}`;
      out.push({ codice: "C007", gravita: "avviso", regola: rif(P), regola_legge: rif(L), messaggio: `'${P.nome}' (${P.cita}) scrive ${cosa} per ${P.scadenza}: la legge (${L.cita}, ${L.fonte}) è un ${d.tipo === "massimo" ? "massimo" : "limite inderogabile"} e prevale (la scadenza è ristretta a quella di legge), ma il testo del regolamento dice altro: va corretto` });
    }
  }
  // Warnings: every replacement of a law rule, with the law's words beside it.
  const regoleBasiProprie = [...regoleLegge, ...c.bases(r, oggi).flatMap((b) => b.regole)];
  for (const p of proprie) {
    if (!p.sostituisce) continue;
    const L = regoleBasiProprie.find((x) => x.nome === p.sostituisce!.nome && (p.sostituisce!.fonte === undefined || x.fonte === p.sostituisce!.fonte));
    if (!L) continue;
    out.push({ codice: "C010", gravita: "avviso", regola: rif(p), regola_legge: rif(L), messaggio: `'${p.nome}' (${p.cita}) sostituisce '${L.nome}' di ${L.fonte} (${L.cita})${L.testo ? `: «${L.testo}»` : ""}` });
  }
  // Law rules that decide some question of the law alone and never one of the regolamento's.
  for (const L of regoleLegge) {
    if (L.tipo === "azione" || L.tipo === "insieme" || L.tipo === "eccezione") continue;
    const k = chiaveR(L.nome, L.fonte);
    if (!decisiveLegge.has(k) || raggiunte.has(k)) continue;
    if (proprie.some((p) => p.sostituisce?.nome === L.nome)) continue; // said by C010
    out.push({ codice: "C011", gravita: "avviso", regola: null, regola_legge: rif(L), messaggio: `la regola di legge '${L.nome}' (${L.cita}, ${L.fonte}) decide alcuni casi della sola legge ma nessuno del regolamento: le regole dell'organismo non la lasciano mai applicare${L.testo ? ` («${L.testo.slice(0, 160)}${L.testo.length > 160 ? "…" : ""}»)` : ""}` });
  }
  return out;
}

/** The organismo's rule that replaces a law rule, if any. */
function sostituta(proprie: Regola[], L: Regola): Regola | undefined {
  return proprie.find((p) => p.sostituisce?.nome === L.nome && (p.sostituisce.fonte === undefined || p.sostituisce.fonte === L.fonte));
}

/** The law's tariffa behind a voce of the law-alone answer: same voce and citation, selected by the parameters in force. */
function tariffaDi(regole: Regola[], v: Voce, parametri: Record<string, unknown>): Tariffa | undefined {
  const cand = regole.filter((g): g is Tariffa => g.tipo === "tariffa" && g.voce === v.voce && (v.fonte === undefined || g.fonte === v.fonte) && (g.cita === v.cita || v.cita.includes(g.cita)));
  const compatibile = (g: Tariffa) => Object.entries(parametriCheSelezionano(g) ?? {}).every(([k, x]) => parametri[k] === undefined || parametri[k] === x);
  return cand.find(compatibile) ?? cand[0];
}

/** The counterexample in one line a person reads (the CLI, the editor's hover). */
export function descriviControesempio(x: RilievoConformita): string | undefined {
  if (!x.controesempio) return undefined;
  const { domanda: q, risposta_regolamento: rr, risposta_legge: rl } = x.controesempio;
  const riassunto = (r: Partial<Risposta>) =>
    q.azione ? (r.esito ?? "—") : (r.scadenze?.length ? r.scadenze.map((s) => `${s.nome}${s.parte ? `/${s.parte}` : ""} ${s.dal ?? ""}…${s.entro ?? ""}`).join(", ") : "") + (r.indennita ? ` indennità ${r.indennita.totale} €` : "");
  const chiusure = q.procedimento.chiusure?.length ? `, chiusura ${q.procedimento.chiusure.map((c) => `${c.dal}–${c.al}`).join(", ")}` : "";
  const caso = `${q.azione ? `${q.azione.azione} il ${q.azione.data ?? q.data}` : `al ${q.data}`}, valore ${q.procedimento.valore ?? "—"} €${chiusure}${q.parametri ? `, regolamento letto con ${JSON.stringify(q.parametri)}` : ""}${x.controesempio.parametri_legge ? `, legge letta con ${JSON.stringify(x.controesempio.parametri_legge)}` : ""}`;
  return `${caso} — regolamento: ${riassunto(rr).trim()}; legge: ${riassunto(rl).trim()}`;
}

/** Bounds in days of a limit, whatever the calendar: months 28–31 days, working days up to 7/5 + 2. */
function giorni(l: Limite): [number, number] {
  if (l.unita === "mesi") return [28 * l.quantita, 31 * l.quantita];
  if (l.unita === "giorni_lavorativi") return [l.quantita, Math.ceil((l.quantita * 7) / 5) + 2];
  return [l.quantita, l.quantita];
}

const lim = (l: Limite) => `${l.quantita} ${l.unita.replace("_", " ")}`;
