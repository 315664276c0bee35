// One statement (dichiarazione) → one IR rule. Shape problems (a missing or misplaced clause) are
// reported here, since the rule cannot be built without them; meaning is checked in ../checks/.
import type {
  Ancora, Compenso, DefinizioneAzione, Deroga, Eccezione, Effetto, Insieme, JsonLogic, Limite, Regola, RifRegola, Ruolo, Scaglione, Solidarieta, Tariffa,
  Termine, Variazione, Vincolo, Visibilita,
} from "../../engine/ir.ts";
import type { AncoraAst, Dichiarazione, LimiteAst, RifAst } from "../ast.ts";
import { errore, avviso, type Diagnostic } from "../diagnostica.ts";
import { centesimi } from "../numeri.ts";
import { AMMESSE, NOME_CLAUSOLA, RIPETIBILI, prima, tutte } from "./clausole.ts";
import { compilaCondizione, valoreEspr } from "./condizione.ts";
import { compilaImporto, compilaMisura } from "./importi.ts";
import { GRADI, type Grado } from "../../engine/vocabolario.ts";
import { forseIntendevi } from "../../engine/suggerimenti.ts";

export interface Contesto {
  fonte: string;
  cita: string;
  testo?: string;
  /** Kind of a rule by name, in this file or the applied bases (for `eccezione … a X`). */
  tipoDi: (rif: RifRegola) => Regola["tipo"] | undefined;
}

const UNITA: Record<LimiteAst["unita"], Limite["unita"]> = { giorni: "giorni", "giorni lavorativi": "giorni_lavorativi", mesi: "mesi" };

const percorso = (p: { segmenti: { testo: string }[] }): string => p.segmenti.map((s) => s.testo).join(".");

function limite(l: LimiteAst | undefined): Limite | undefined {
  if (!l) return undefined;
  const out: Limite = { quantita: l.quantita.valore, unita: UNITA[l.unita] };
  if (l.quantitaDa) out.quantitaDa = percorso(l.quantitaDa);
  return out;
}

function ancora(a: AncoraAst | undefined): Ancora | undefined {
  if (!a) return undefined;
  if (a.t === "termine") return { termine: a.termine.testo, verso: "da" };
  if (a.t === "fatto") return { fatto: percorso(a.percorso), verso: a.verso };
  const out: Ancora = { evento: a.evento.testo, verso: a.verso };
  if (a.campo) out.campo = a.campo.testo;
  return out;
}

export function rif(r: RifAst): RifRegola {
  return r.di ? { nome: r.nome.testo, fonte: r.di.testo } : { nome: r.nome.testo };
}

/** The kind with its indefinite article, for messages. */
export const UN: Record<Dichiarazione["tipo"], string> = {
  vincolo: "un vincolo", termine: "un termine", tariffa: "una tariffa", riduzione: "una riduzione", aumento: "un aumento",
  esenzione: "un'esenzione", insieme: "un insieme", effetto: "un effetto", visibilita: "una visibilità", azione: "un'azione",
  eccezione: "un'eccezione", solidale: "una solidarietà", compenso: "un compenso",
};

/** Clauses the kind does not accept, and clauses repeated where they may not be. */
function forma(d: Dichiarazione, diags: Diagnostic[]): void {
  const ammesse = AMMESSE[d.tipo];
  const viste = new Set<string>();
  for (const c of d.clausole) {
    if (!ammesse.has(c.k)) {
      diags.push(errore("E003", `la clausola '${NOME_CLAUSOLA[c.k]}' non si usa in ${UN[d.tipo]}`, c.span));
      continue;
    }
    if (viste.has(c.k) && !RIPETIBILI.has(c.k)) diags.push(errore("E004", `la clausola '${NOME_CLAUSOLA[c.k]}' è ripetuta: scrivila una volta sola`, c.span));
    viste.add(c.k);
  }
}

function manca(d: Dichiarazione, cosa: string, diags: Diagnostic[]): void {
  diags.push(errore("E002", `${cosa} (nella regola '${d.nome?.testo ?? d.tipo}')`, d.nome?.span ?? d.span));
}

const TIPI_DEROGA = ["nessuna", "massimo", "minimo", "fisso", "libera"] as const;

/** `deroga …` (E090 on a word that is not one of its kinds). */
function deroga(d: Dichiarazione, diags: Diagnostic[]): { deroga?: Deroga } {
  const c = prima(d, "deroga");
  if (!c) return {};
  const tipo = c.tipo.testo as Deroga["tipo"];
  if (!TIPI_DEROGA.includes(tipo)) {
    diags.push(errore("E090", `'deroga ${c.tipo.testo}': scrivi 'deroga nessuna' (inderogabile), 'massimo', 'minimo', 'fisso' o 'libera'`, c.tipo.span));
    return {};
  }
  return { deroga: { tipo, ...(c.per ? { per: c.per.testo as "pubblici" | "privati" } : {}) } };
}

export function compilaRegola(d: Dichiarazione, ctx: Contesto, diags: Diagnostic[]): Regola | undefined {
  if (!d.nome) return undefined;
  forma(d, diags);
  const testo = prima(d, "testo")?.testo.valore ?? ctx.testo;
  const comune = {
    nome: d.nome.testo,
    fonte: ctx.fonte,
    cita: ctx.cita,
    ...(testo !== undefined ? { testo } : {}),
    ...(prima(d, "nota") ? { nota: prima(d, "nota")!.testo.valore } : {}),
    ...(prima(d, "quando") ? { quando: compilaCondizione(prima(d, "quando")!.cond) } : {}),
    ...(d.sostituisce ? { sostituisce: rif(d.sostituisce) } : {}),
    ...deroga(d, diags),
    riga: d.span.line,
  };
  const ruoli = (): Ruolo[] | undefined => prima(d, "da")?.ruoli.map((r) => r.testo as Ruolo);
  const fasi = (): string[] | undefined => prima(d, "inFase")?.fasi.map((f) => f.testo);

  switch (d.tipo) {
    case "vincolo": {
      const per = prima(d, "per");
      if (!per) manca(d, "un vincolo deve dire a quali azioni si applica: 'per <azione>'", diags);
      const richiede = prima(d, "richiede");
      const vieta = prima(d, "vieta");
      if (!richiede && !vieta) manca(d, "un vincolo deve dire 'richiede <condizione>' oppure 'vieta'", diags);
      if (richiede && vieta) diags.push(errore("E003", "un vincolo ha 'richiede' oppure 'vieta', non entrambi", vieta.span));
      const r: Vincolo = {
        tipo: "vincolo",
        ...comune,
        azioni: per?.bersagli.map((b) => b.azione.testo) ?? [],
        richiede: vieta ? false : richiede ? compilaCondizione(richiede.cond) : false,
      };
      const da = ruoli();
      if (da) r.da = da;
      const f = fasi();
      if (f) r.inFase = f;
      const motivo = prima(d, "motivo");
      if (motivo) r.motivo = motivo.testo.valore;
      return r;
    }
    case "termine": {
      const fin = prima(d, "finestra");
      if (!fin || (!fin.entro && !fin.nonPrimaDi)) {
        diags.push(errore("E041", `il termine '${d.nome.testo}' non dice la sua finestra: 'entro N giorni da …' o 'non prima di N giorni da …'`, d.nome.span));
        return undefined;
      }
      const a = ancora(fin.ancora);
      if (!a) {
        manca(d, "il termine non dice da quando decorre: 'da <evento>', 'prima di <evento>.<campo>', 'da <fatto>' (es. 'da termine_deposito_giudice') o 'dalla scadenza di <termine>'", diags);
        return undefined;
      }
      if (fin.formaEntro === "non meno di" && a && ("evento" in a || "fatto" in a) && a.verso !== "prima")
        diags.push(avviso("E040", "'non meno di N giorni' si usa con 'prima di <evento>': il termine si conta all'indietro", fin.span));
      const r: Termine = {
        tipo: "termine",
        ...comune,
        scadenza: prima(d, "scadenza")?.nome.testo ?? d.nome.testo,
        ancora: a,
        per: prima(d, "per")?.bersagli.map((b) => (b.campo ? { azione: b.azione.testo, campo: b.campo.testo } : { azione: b.azione.testo })) ?? [],
        salvoAccordo: !!prima(d, "salvoAccordo"),
        ciascunaParte: !!prima(d, "ciascunaParte"),
        sospesoDaChiusure: !prima(d, "senzaSospensione"),
      };
      const npd = limite(fin.nonPrimaDi);
      if (npd) r.nonPrimaDi = npd;
      const en = limite(fin.entro);
      if (en) r.entro = en;
      const im = prima(d, "inMancanza");
      if (im) r.inMancanza = im.effetto.testo;
      if (prima(d, "senzaSanzione")) r.senzaSanzione = true;
      return r;
    }
    case "tariffa": {
      const scaglioni: Scaglione[] = [];
      for (const c of d.clausole) {
        if (c.k === "finoA" && c.soglia && c.importo) scaglioni.push({ fino: centesimi(c.soglia.numero.valore), importo: compilaImporto(c.importo) });
        else if (c.k === "finoA" && !c.importo) diags.push(errore("E003", "in una tariffa 'fino a' apre uno scaglione: 'fino a 1.000 €: 40 €'", c.span));
        else if (c.k === "oltre" && c.importo) scaglioni.push({ importo: compilaImporto(c.importo) });
        else if (c.k === "importo") scaglioni.push({ importo: compilaImporto(c.importo) });
      }
      if (scaglioni.length === 0) manca(d, "una tariffa deve dare un importo ('10 €') o gli scaglioni ('fino a 1.000 €: 40 €' … 'oltre: 110 €')", diags);
      const iva = prima(d, "iva");
      const r: Tariffa = {
        tipo: "tariffa",
        ...comune,
        voce: prima(d, "voce")?.nome.testo ?? d.nome.testo,
        ivaPercento: iva ? iva.numero.valore : 0,
        scaglioni,
      };
      const tab = prima(d, "tabella");
      if (tab) r.tabella = tab.nome.testo;
      // `indeterminato: …` (any indeterminate value) and `indeterminato basso|medio|alto: …` (by degree).
      const viste = new Set<string>();
      for (const ind of tutte(d, "indeterminato")) {
        const g = ind.grado?.testo ?? "";
        if (g && !GRADI.includes(g as Grado)) { diags.push(errore("E033", `grado di indeterminabilità sconosciuto '${g}': si scrive 'indeterminato basso', 'medio' o 'alto'${forseIntendevi(g, GRADI)}`, ind.grado!.span)); continue; }
        if (viste.has(g)) { diags.push(errore("E004", `la riga 'indeterminato${g ? " " + g : ""}' è ripetuta: scrivila una volta sola`, ind.span)); continue; }
        viste.add(g);
        const imp: Tariffa["indeterminato"] = ind.importo ? compilaImporto(ind.importo) : ind.comeValore ? { tipo: "come_valore", centesimi: centesimi(ind.comeValore.numero.valore) } : undefined;
        if (!imp) continue;
        if (g) (r.indeterminabile ??= {})[g as Grado] = imp;
        else r.indeterminato = imp;
      }
      const q = prima(d, "quantita");
      if (q?.invitate) r.quantita = "numero_invitate";
      else if (q?.percorso) r.quantita = percorso(q.percorso);
      else if (q?.conteggio) r.quantita = { conta: valoreEspr(q.conteggio) };
      return r;
    }
    case "riduzione":
    case "aumento":
    case "esenzione": {
      const di = prima(d, "di");
      const fino = prima(d, "finoA");
      const misuraAst = di?.misura ?? fino?.misura;
      if (fino && !fino.misura) diags.push(errore("E003", `in ${UN[d.tipo]} si scrive 'fino a un quarto' (senza ':')`, fino.span));
      if (!misuraAst && d.tipo !== "esenzione") manca(d, `manca la misura: 'di un terzo', 'fino a un quarto', 'di 10%'`, diags);
      const su = prima(d, "su");
      if (!su) manca(d, "manca su quali voci si calcola: 'su spese_mediazione'", diags);
      const sc = prima(d, "scaglioni");
      const r: Variazione = {
        tipo: "variazione",
        ...comune,
        voce: prima(d, "voce")?.nome.testo ?? d.nome.testo,
        segno: d.tipo === "aumento" ? 1 : -1,
        misura: misuraAst ? compilaMisura(misuraAst) : { tipo: "frazione", num: 1, den: 1 },
        finoA: !di && !!fino?.misura,
        su: su?.voci.map((v) => v.testo) ?? [],
        base: su?.totale ? "totale" : "tabella",
      };
      if (sc) r.scaglioni = { da: sc.da, a: sc.a };
      return r;
    }
    case "insieme": {
      const fonte = (f: { azione: { testo: string }; se?: import("../ast.ts").Cond }) => (f.se ? { azione: f.azione.testo, quando: compilaCondizione(f.se) } : { azione: f.azione.testo });
      const p = prima(d, "partiDi");
      if (!p) manca(d, "un insieme dice da quali azioni prende le parti: 'parti di richiesta_proposta, …'", diags);
      const r: Insieme = {
        tipo: "insieme",
        ...comune,
        da: p?.fonti.map(fonte) ?? [],
      };
      if (p?.tranne) r.tranne = p.tranne.map(fonte);
      return r;
    }
    case "effetto": {
      const r: Effetto = {
        tipo: "effetto",
        ...comune,
        effetto: prima(d, "effetto")?.nome.testo ?? d.nome.testo,
        perParte: !!prima(d, "ciascunaParte"),
      };
      return r;
    }
    case "visibilita": {
      const doc = prima(d, "documenti");
      if (!doc) {
        manca(d, "una visibilità dice quali documenti e a chi: 'documenti sessione_separata visibili a depositante, mediatore'", diags);
        return undefined;
      }
      const r: Visibilita = {
        tipo: "visibilita",
        ...comune,
        documenti: doc.documenti.testo,
        visibileA: doc.visibiliA.map((v) => v.testo as Visibilita["visibileA"][number]),
      };
      return r;
    }
    case "azione": {
      const r: DefinizioneAzione = {
        tipo: "azione",
        ...comune,
        nome: `azione_${d.nome.testo}`,
        azione: d.nome.testo,
        transizioni: tutte(d, "porta").map((p) => (p.quando ? { fase: p.fase.testo, quando: compilaCondizione(p.quando) } : { fase: p.fase.testo })),
      };
      const da = ruoli();
      if (da) r.da = da;
      const f = fasi();
      if (f) r.inFase = f;
      return r;
    }
    case "solidale": {
      const su = prima(d, "su");
      if (!su) manca(d, "una solidarietà dice su quali voci: 'su spese_mediazione'", diags);
      if (su?.totale) diags.push(errore("E003", "in una solidarietà si scrive 'su <voci>' (non 'sul totale di')", su.span));
      const r: Solidarieta = { tipo: "solidarieta", ...comune, voci: su?.voci.map((v) => v.testo) ?? [] };
      return r;
    }
    case "compenso": {
      const di = prima(d, "di");
      if (!di) manca(d, "manca la misura del compenso: 'di 60%', 'di un terzo', 'di 500 €'", diags);
      const su = prima(d, "su");
      if (!su) manca(d, "manca su quali voci si calcola il compenso: 'su spese_mediazione'", diags);
      if (su?.totale) diags.push(errore("E003", "in un compenso si scrive 'su <voci>' (non 'sul totale di'): si somma l'imponibile di quelle voci di tutte le parti", su.span));
      const r: Compenso = {
        tipo: "compenso",
        ...comune,
        misura: di ? compilaMisura(di.misura) : { tipo: "frazione", num: 1, den: 1 },
        su: su?.voci.map((v) => v.testo) ?? [],
      };
      return r;
    }
    case "eccezione": {
      if (!d.a) {
        manca(d, "un'eccezione dice a quale regola deroga: 'eccezione <nome> a <regola>:'", diags);
        return undefined;
      }
      const q = prima(d, "quando");
      if (!q) manca(d, "un'eccezione deve dire quando vale: 'quando <condizione>'", diags);
      const bersaglio = rif(d.a);
      const r: Eccezione = {
        tipo: "eccezione",
        ...comune,
        a: bersaglio,
        quando: q ? compilaCondizione(q.cond) : false,
      };
      const modifica = modificaDi(d, ctx.tipoDi(bersaglio));
      if (modifica) r.modifica = modifica;
      return r;
    }
  }
}

/** The fields an exception replaces on its target, read with the target's kind. */
function modificaDi(d: Dichiarazione, tipoBersaglio: Regola["tipo"] | undefined): Eccezione["modifica"] | undefined {
  const m: Record<string, unknown> = {};
  const fin = prima(d, "finestra");
  const termine = tipoBersaglio === "termine" || (tipoBersaglio === undefined && (fin || prima(d, "salvoAccordo") || prima(d, "inMancanza")));
  const per = prima(d, "per");
  if (termine) {
    if (fin) {
      const a = ancora(fin.ancora);
      if (a) m["ancora"] = a;
      const npd = limite(fin.nonPrimaDi);
      if (npd) m["nonPrimaDi"] = npd;
      const en = limite(fin.entro);
      if (en) m["entro"] = en;
    }
    if (per) m["per"] = per.bersagli.map((b) => (b.campo ? { azione: b.azione.testo, campo: b.campo.testo } : { azione: b.azione.testo }));
    if (prima(d, "salvoAccordo")) m["salvoAccordo"] = true;
    if (prima(d, "ciascunaParte")) m["ciascunaParte"] = true;
    if (prima(d, "senzaSospensione")) m["sospesoDaChiusure"] = false;
    if (prima(d, "senzaSanzione")) m["senzaSanzione"] = true;
    const im = prima(d, "inMancanza");
    if (im) m["inMancanza"] = im.effetto.testo;
    const sc = prima(d, "scadenza");
    if (sc) m["scadenza"] = sc.nome.testo;
  } else {
    if (per) m["azioni"] = per.bersagli.map((b) => b.azione.testo);
    const da = prima(d, "da");
    if (da) m["da"] = da.ruoli.map((r) => r.testo);
    const f = prima(d, "inFase");
    if (f) m["inFase"] = f.fasi.map((x) => x.testo);
    const richiede = prima(d, "richiede");
    if (richiede) m["richiede"] = compilaCondizione(richiede.cond) as JsonLogic;
    if (prima(d, "vieta")) m["richiede"] = false;
    const motivo = prima(d, "motivo");
    if (motivo) m["motivo"] = motivo.testo.valore;
  }
  return Object.keys(m).length ? (m as Eccezione["modifica"]) : undefined;
}
