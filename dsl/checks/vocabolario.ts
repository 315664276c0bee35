// E010 unknown action, E011 unknown fact, E012 unknown value (warning), E013 unknown phase,
// E014 unknown role: every name is checked against engine/vocabolario.ts and the file's own
// (and its bases') declarations, with "forse intendevi …?".
import { FATTI, RUOLI, VALORI } from "../../engine/vocabolario.ts";
import type { Cond, Espr, Parola } from "../ast.ts";
import { avviso, errore, type Diagnostic } from "../diagnostica.ts";
import type { Conoscenza } from "./conoscenza.ts";
import { forseIntendevi, piuVicino } from "./suggerimenti.ts";
import type { Raccolta } from "./visita.ts";
import { percorsoTesto } from "../compile/condizione.ts";
import { PAROLE_CHIAVE } from "../tokens.ts";
import { campoAzione } from "./campi.ts";

/** Phases the national baseline guarantees (regolamenti/README.md), known even without the bases. */
const FASI_GARANTITE = ["domanda_depositata", "primo_incontro_fissato", "mediazione_in_corso", "proposta_formulata", "in_attesa_verbale", "conclusa"];
const VISIBILI_A = ["depositante", "mediatore", "parti", "segreteria"];
/** Roots that exist only while an action is asked or a party/event is considered: never a term's anchor. */
const FATTI_DI_CONTESTO = new Set(["azione", "attore", "parte", "documento", "evento", "fase", "conteggio"]);
/** Procedure facts that are not dates (nor objects that may hold one): a term cannot count from them. */
const FATTI_NON_DATE = new Set([
  "materia", "tipo", "valore", "valore_indeterminato", "modalita", "parti", "numero_parti", "numero_invitate", "graduatoria_candidati", "chiusure",
  "indennita_mediazione",
]);
/** Facts a term may count from (`da <fatto>`), for "forse intendevi". */
const FATTI_ANCORABILI = FATTI.filter((f) => !FATTI_DI_CONTESTO.has(f) && !FATTI_NON_DATE.has(f));

export function vocabolario(r: Raccolta, k: Conoscenza, diags: Diagnostic[]): void {
  const fatti = new Set<string>([...FATTI, ...k.azioni, ...k.insiemi]);

  const azione = (p: Parola): void => {
    if (!k.azioni.has(p.testo)) diags.push(errore("E010", `azione sconosciuta '${p.testo}'${forseIntendevi(p.testo, k.azioni)}`, p.span));
  };
  const fase = (p: Parola): void => {
    if (k.fasi.has(p.testo)) return;
    if (k.fasiVerificabili) {
      diags.push(errore("E013", `fase sconosciuta '${p.testo}': non è dichiarata in questo file né nelle basi applicate${forseIntendevi(p.testo, k.fasi)}`, p.span));
    } else if (!FASI_GARANTITE.includes(p.testo)) {
      diags.push(avviso("E013", `fase '${p.testo}' non dichiarata in questo file né tra quelle della normativa${forseIntendevi(p.testo, [...k.fasi, ...FASI_GARANTITE])}`, p.span));
    }
  };
  const ruolo = (p: Parola, ammessi: readonly string[]): void => {
    if (!ammessi.includes(p.testo)) diags.push(errore("E014", `ruolo sconosciuto '${p.testo}' (ammessi: ${ammessi.join(", ")})${forseIntendevi(p.testo, ammessi)}`, p.span));
  };
  const valore = (percorso: Espr, lit: Espr): void => {
    if (percorso.t !== "percorso" || lit.t !== "letterale") return;
    const campo = percorso.segmenti[percorso.segmenti.length - 1]?.testo ?? "";
    if (percorso.segmenti.length === 1 && campo === "fase") return fase(lit.parola);
    const noti = VALORI[campo];
    if (!noti || noti.length === 0 || noti.includes(lit.parola.testo)) return;
    diags.push(avviso("E012", `valore '${lit.parola.testo}' non previsto per '${campo}'${forseIntendevi(lit.parola.testo, noti) || ` (previsti: ${noti.slice(0, 8).join(", ")}${noti.length > 8 ? ", …" : ""})`}`, lit.span));
  };
  const percorso = (p: Espr & { t: "percorso" }): void => {
    const [radice, secondo] = p.segmenti;
    if (!radice) return;
    if (fuoriParte && radice.testo === "parte")
      diags.push(avviso("E011", `in ${fuoriParte} la condizione vale per l'intera procedura, non per una parte: 'parte' qui non ha valore`, radice.span));
    if (!fatti.has(radice.testo)) {
      if (!k.basiDate && k.applica.length > 0)
        diags.push(avviso("E011", `fatto '${radice.testo}' sconosciuto in questo file (forse un insieme delle basi applicate: lo verifico solo con le basi)${forseIntendevi(radice.testo, fatti)}`, radice.span));
      else diags.push(errore("E011", `fatto sconosciuto '${radice.testo}'${forseIntendevi(radice.testo, fatti)}`, radice.span));
      return;
    }
    if (radice.testo === "conteggio" && secondo) azione(secondo);
    campoAzione(p, azioniDellaRegola, diags);
  };
  /** The actions the statement being checked binds (`per …`), for the fields `azione.x` may name. */
  let azioniDellaRegola: string[] = [];
  /** The root of a term's anchor that is neither an action nor a fact: E010, or E011 when it is closer to a fact. */
  const ancoraEvento = (p: Parola): void => {
    if (k.azioni.has(p.testo)) return;
    const vicino = piuVicino(p.testo, [...k.azioni, ...FATTI_ANCORABILI]);
    if (vicino && !k.azioni.has(vicino))
      diags.push(errore("E011", `fatto sconosciuto '${p.testo}': un termine decorre da un'azione o da una data della procedura: forse intendevi '${vicino}'?`, p.span));
    else azione(p);
  };
  const ancoraFatto = (p: Espr & { t: "percorso" }): void => {
    const radice = p.segmenti[0];
    if (!radice) return;
    if (FATTI_DI_CONTESTO.has(radice.testo))
      diags.push(errore("E011", `un termine non può decorrere da '${radice.testo}': esiste solo mentre si valuta un'azione o una parte. Usa un'azione ('da deposito_domanda') o una data della procedura (es. 'termine_deposito_giudice')`, radice.span));
    else if (FATTI_NON_DATE.has(radice.testo) && p.segmenti.length === 1)
      diags.push(avviso("E011", `'${radice.testo}' non è una data: un termine decorre da un'azione o da una data della procedura (es. 'termine_deposito_giudice')`, radice.span));
  };
  /** Inside a solidale/compenso the condition is read once for the procedure: `parte.*` has no party. */
  let fuoriParte: string | undefined;
  /**
   * The quantifier whose body is being checked (`ogni p in parti (…)`): `p` is its element, `esterni`
   * the elements of the quantifiers around it; any other path is a fact, read beside each element.
   */
  type Ambito = { nome: string; testa: string; esterni: string[] };
  /** A path in a condition: a fact, or inside a quantifier's body an element (its own or an enclosing one). */
  const percorsoIn = (p: Espr & { t: "percorso" }, ambito: Ambito | undefined): void => {
    const radice = p.segmenti[0];
    if (ambito && radice && (radice.testo === ambito.nome || ambito.esterni.includes(radice.testo))) return;
    percorso(p);
  };
  /** Whether a literal on the right is a bound name (then it is that element, not a value). */
  const elemento = (e: Espr, ambito: Ambito | undefined): boolean =>
    ambito !== undefined && e.t === "letterale" && (e.parola.testo === ambito.nome || ambito.esterni.includes(e.parola.testo));
  /**
   * A comparison inside a body that does not read the body's element is the same for every element:
   * most often `valore` written for `p.valore`. Said, not refused: it may be meant (then it reads
   * better outside the parentheses).
   */
  const senzaElemento = (c: Cond, espressioni: Espr[], ambito: Ambito | undefined): void => {
    if (!ambito) return;
    const legge = (e: Espr) => e.t === "conteggio"
      || (e.t === "percorso" && e.segmenti[0]?.testo === ambito.nome)
      || (e.t === "letterale" && e.parola.testo === ambito.nome);
    if (espressioni.some(legge)) return;
    const primo = espressioni.find((e) => e.t === "percorso" || e.t === "letterale");
    const nome = primo?.t === "percorso" ? percorsoTesto(primo) : primo?.t === "letterale" ? primo.parola.testo : "";
    diags.push(avviso(
      "E015",
      `dentro '${ambito.testa} (…)' questa condizione non legge '${ambito.nome}': vale lo stesso per ogni elemento. Se intendevi il campo dell'elemento scrivi '${ambito.nome}.${nome.split(".").pop()}'; se no, spostala fuori dalle parentesi`,
      c.span,
    ));
  };
  const condizione = (c: Cond | undefined, ambito?: Ambito): void => {
    if (!c) return;
    switch (c.t) {
      case "o":
      case "e":
        for (const x of c.parti) condizione(x, ambito);
        return;
      case "non":
      case "parentesi":
        condizione(c.x, ambito);
        return;
      case "esiste":
        // `esiste primo_incontro` inside a body is a guard on the facts, written on purpose
        percorsoIn(c.percorso, ambito);
        return;
      case "vero":
        percorsoIn(c.percorso, ambito);
        senzaElemento(c, [c.percorso], ambito);
        return;
      case "confronto":
        for (const e of [c.a, c.b]) if (e.t === "percorso") percorsoIn(e, ambito); else if (e.t === "conteggio") conteggio(e, ambito);
        if ((c.op === "=" || c.op === "!=") && !elemento(c.b, ambito)) valore(c.a, c.b);
        senzaElemento(c, [c.a, c.b], ambito);
        return;
      case "inLista":
        if (c.a.t === "percorso") percorsoIn(c.a, ambito);
        for (const v of c.lista) {
          if (v.t === "percorso") percorsoIn(v, ambito);
          if (!elemento(v, ambito)) valore(c.a, v);
        }
        senzaElemento(c, [c.a, ...c.lista], ambito);
        return;
      case "inPercorso":
        if (c.a.t === "percorso") percorsoIn(c.a, ambito);
        percorsoIn(c.percorso, ambito);
        senzaElemento(c, [c.a, c.percorso], ambito);
        return;
      case "costante":
        return;
      case "quantificatore": {
        lista(c.lista, ambito);
        const n = c.nome;
        if (n.chiave || PAROLE_CHIAVE.has(n.testo))
          diags.push(errore("E016", `'${n.testo}' è una parola chiave del linguaggio: per l'elemento scegli un altro nome (es. '${c.parola} ${c.voci ? "voce r di" : "p in"} ${percorsoTesto(c.lista)} (…)')`, n.span));
        else if (fatti.has(n.testo))
          diags.push(errore("E016", `'${n.testo}' è già il nome di un fatto: dentro le parentesi lo nasconderebbe. Scegli un altro nome per l'elemento (es. 'p')`, n.span));
        const esterni = ambito ? [...ambito.esterni, ambito.nome].filter((x) => x !== n.testo) : [];
        condizione(c.x, { nome: n.testo, testa: c.voci ? `${c.parola} voce ${n.testo} di ${percorsoTesto(c.lista)}` : `${c.parola} ${n.testo} in ${percorsoTesto(c.lista)}`, esterni });
        return;
      }
    }
  };
  /** The list of a quantifier or a count: a fact (a path), or an action's name alone (its events). */
  const lista = (l: Espr & { t: "percorso" }, ambito: Ambito | undefined): void => {
    if (l.segmenti.length === 1 && k.azioni.has(l.segmenti[0]!.testo)) return;
    percorsoIn(l, ambito);
  };
  /** `quanti X in lista (…)`: the list, the bound name, the body read against each element. */
  const conteggio = (e: Espr & { t: "conteggio" }, ambito: Ambito | undefined): void => {
    lista(e.lista, ambito);
    const n = e.nome;
    if (n.chiave || PAROLE_CHIAVE.has(n.testo))
      diags.push(errore("E016", `'${n.testo}' è una parola chiave del linguaggio: per l'elemento scegli un altro nome (es. 'quanti c in ${percorsoTesto(e.lista)} (…)')`, n.span));
    else if (fatti.has(n.testo))
      diags.push(errore("E016", `'${n.testo}' è già il nome di un fatto: dentro le parentesi lo nasconderebbe. Scegli un altro nome per l'elemento (es. 'c')`, n.span));
    const esterni = ambito ? [...ambito.esterni, ambito.nome].filter((x) => x !== n.testo) : [];
    condizione(e.x, { nome: n.testo, testa: `quanti ${n.testo} in ${percorsoTesto(e.lista)}`, esterni });
  };

  for (const d of r.dichiarazioni) {
    fuoriParte = d.tipo === "solidale" ? "una solidarietà" : d.tipo === "compenso" ? "un compenso" : undefined;
    azioniDellaRegola = d.tipo === "azione" && d.nome ? [d.nome.testo] : d.clausole.flatMap((c) => (c.k === "per" ? c.bersagli.map((b) => b.azione.testo) : []));
    if (d.tipo === "azione" && d.nome && !k.azioni.has(d.nome.testo)) {
      const vicino = piuVicino(d.nome.testo, k.azioni);
      if (vicino) diags.push(avviso("E010", `'${d.nome.testo}' non è un'azione del vocabolario: la definisci come nuova azione. Forse intendevi '${vicino}'?`, d.nome.span));
    }
    for (const c of d.clausole) {
      switch (c.k) {
        case "quando":
        case "richiede":
          condizione(c.cond);
          break;
        case "per":
          for (const b of c.bersagli) azione(b.azione);
          break;
        case "finestra":
          if (c.ancora?.t === "evento") ancoraEvento(c.ancora.evento);
          if (c.ancora?.t === "fatto") ancoraFatto(c.ancora.percorso);
          for (const l of [c.nonPrimaDi, c.entro]) if (l?.quantitaDa) percorso(l.quantitaDa);
          break;
        case "quantita":
          if (c.percorso) percorso(c.percorso);
          if (c.conteggio) conteggio(c.conteggio, undefined);
          break;
        case "partiDi":
          for (const f of [...c.fonti, ...(c.tranne ?? [])]) {
            azione(f.azione);
            condizione(f.se);
          }
          break;
        case "inFase":
          c.fasi.forEach(fase);
          break;
        case "porta":
          fase(c.fase);
          condizione(c.quando);
          break;
        case "da":
          for (const p of c.ruoli) ruolo(p, RUOLI);
          break;
        case "documenti":
          for (const p of c.visibiliA) ruolo(p, VISIBILI_A);
          break;
        default:
          break;
      }
    }
  }
}
