// prepare(regolamento, bases): merge the baselines' rules beneath the organismo's, drop what
// `sostituisce` replaces, compile every condition once and index rules by action.
import { compileFatti, intern, radiceDi, slotDi, slotIniziale, slotNoti } from "./conditions/compile.ts";
import { esiti } from "./defaults.ts";
import { comparedVarsOf, idPercorso, puoLeggere, varsOf } from "./conditions/vars.ts";
import { toDay } from "./dates/calendar.ts";
import { FestiviOrganismo } from "./dates/holidays.ts";
import { AZIONI } from "./vocabolario.ts";
import { unisciPer } from "./restringimento.ts";
import { condividi, condivisioneAttiva } from "./condivisione.ts";
import { PROPRIA } from "./fonte.ts";
import { nomiAccettati } from "./nomi.ts";
import type { Compenso, JsonLogic, Regola, Regolamento, Fase, Parametro, Eccezione, Solidarieta } from "./ir.ts";
import type {
  Chiusura, CompiledFatti, Cond, PDefinizione, PEccezione, PInsieme, PRegola, PTariffa, PTermine, PVincolo, PVisibilita, Prepared,
} from "./prepared.ts";

/**
 * Conditions compiled once per canonical json-logic tree (condivisione.ts): every prepared version
 * whose rule has an equal condition gets the same Cond, closures included. Weakly keyed: a condition
 * no prepared version holds any more is collected with its tree.
 */
const CONDIZIONI = new WeakMap<object, Cond>();
const COMPILATE = new WeakMap<object, CompiledFatti>();
const COSTANTI = new Map<unknown, Cond>();
let condizioniCompilate = 0;
/** How many conditions were compiled (interned ones count once): for tests. */
export const contaCondizioniCompilate = () => condizioniCompilate;

export function cond(logic: JsonLogic | undefined): Cond | undefined {
  if (logic === undefined) return undefined;
  if (typeof logic !== "object" || logic === null) {
    let k = COSTANTI.get(logic);
    if (!k) { k = nuovaCond(logic); COSTANTI.set(logic, k); }
    return k;
  }
  const c = condividi(logic) as object;
  let hit = CONDIZIONI.get(c);
  if (!hit) { hit = nuovaCond(c as JsonLogic); CONDIZIONI.set(c, hit); }
  return hit;
}

/** compileFatti, once per canonical tree. */
function compilata(logic: JsonLogic): CompiledFatti {
  if (typeof logic !== "object" || logic === null) return compileFatti(logic);
  const c = condividi(logic) as object;
  let f = COMPILATE.get(c);
  if (!f) { f = compileFatti(c as JsonLogic); COMPILATE.set(c, f); }
  return f;
}

function nuovaCond(logic: JsonLogic): Cond {
  condizioniCompilate++;
  const vars = comparedVarsOf(logic).map(intern);
  const campiAzione = varsOf(logic).some((v) => v.startsWith("azione.") && v !== "azione.azione" && v !== "azione.data");
  const paths = vars.map((v) => v.split(".").map(intern));
  const ids = vars.map(idPercorso);
  return { fn: compileFatti(logic), vars, paths, ids, radici: paths.map((p) => slotDi(radiceDi(p))), gruppo: gruppoDi(ids), campiAzione };
}

const GRUPPI = new Map<string, number>();
/** Cond.gruppo: a number per distinct list of path ids. */
function gruppoDi(ids: number[]): number {
  const k = ids.join(",");
  let g = GRUPPI.get(k);
  if (g === undefined) { g = GRUPPI.size; GRUPPI.set(k, g); }
  return g;
}

const REGOLE_PREPARATE = new WeakMap<object, PRegola>();
/** A shared rule's key when exceptions target it (held as long as the rule, which is what holds nothing else). */
const CHIAVI = new WeakMap<PRegola, object>();
/**
 * The prepared rule shared by every version with this rule (canonical) and the same exceptions to
 * it, in the same order: all a prepared rule holds (conditions, outcomes, the exceptions' variants)
 * is made from these.
 */
function regolaCondivisa(pr: PRegola): PRegola {
  const r = condividi(pr.r);
  const chiave = pr.eccezioni.length === 0 ? r : condividi([r, ...pr.eccezioni.map((e) => e.r)]);
  const gia = REGOLE_PREPARATE.get(chiave);
  if (gia) return gia;
  pr.r = r;
  REGOLE_PREPARATE.set(chiave, pr);
  if (chiave !== r) CHIAVI.set(pr, chiave);
  return pr;
}

/** `da` as bits: who could act, when any present party or the organismo may be the actor. */
export function maschera(da: readonly string[] | undefined): number {
  if (!da) return 7;
  let m = 0;
  for (const r of da) {
    if (r === "istante") m |= 1;
    else if (r === "invitata") m |= 2;
    else if (r === "parte") m |= 3;
    else m |= 4; // mediatore, segreteria, responsabile, organismo: the organismo acting matches them
  }
  return m;
}

/**
 * The roots a rule names outside its conditions get a slot too, so that the facts keep them: the
 * term's lengths and anchor a fact gives, a fee's quantity, the name a set is known by.
 */
function radiciFuoriDalleCondizioni(r: Regola): void {
  const radice = (path: string | undefined) => { if (path) slotDi(path.split(".")[0]!); };
  if (r.tipo === "termine") {
    radice(r.entro?.quantitaDa); radice(r.nonPrimaDi?.quantitaDa);
    if ("fatto" in r.ancora) radice(r.ancora.fatto);
  } else if (r.tipo === "tariffa") { if (typeof r.quantita === "string") radice(r.quantita); }
  else if (r.tipo === "insieme") radice(r.nome);
}

function prepRule(r: Regola): PRegola {
  radiciFuoriDalleCondizioni(r);
  const pr = prepForma(r);
  pr.esiti = esiti(pr);
  if (r.tipo === "tariffa" || r.tipo === "variazione" || (r.tipo === "effetto" && r.perParte)) pr.perParte = dividiPerParte(r.quando, pr.quando);
  return pr;
}

/**
 * A `quando` asked once per party, split: the conjuncts of its top-level `and` that do not read
 * `parte.*` (decided once per question) and those that do; a `quando` that does not read `parte.*`
 * at all is decided once, whole. Undefined when there is nothing to split.
 */
function dividiPerParte(q: JsonLogic | undefined, intera: Cond | undefined): PRegola["perParte"] {
  if (intera && !puoLeggere(q, "parte")) return { comune: intera.fn, proprio: undefined };
  if (typeof q !== "object" || q === null || Array.isArray(q) || Object.keys(q).length !== 1 || !("and" in q)) return undefined;
  const args = (q as { and: JsonLogic }).and;
  if (!Array.isArray(args)) return undefined;
  const comuni = args.filter((a) => !puoLeggere(a, "parte")), propri = args.filter((a) => puoLeggere(a, "parte"));
  if (comuni.length === 0 || propri.length === 0) return undefined;
  return { comune: compilata({ and: comuni }), proprio: compilata({ and: propri }) };
}

const SEMPRE: Cond = { fn: () => true, vars: [], paths: [], ids: [], radici: [], gruppo: gruppoDi([]), campiAzione: false };

/**
 * Every prepared rule is one object literal with every field of every kind, in one order: one
 * hidden class for all of them, so the engine's reads of `pr.quando`, `pr.eccezioni`… stay
 * monomorphic whatever the kind (fields another kind has are undefined).
 */
function prepForma(r: Regola): PRegola {
  const pr = {
    r, quando: cond(r.quando), eccezioni: [] as PEccezione[], perParte: undefined as PRegola["perParte"], esiti: undefined as PRegola["esiti"],
    richiede: undefined as Cond | undefined, daMask: 7, perOgniSonda: false, sondaTurno: 0, sondaBlocca: false,
    limiti: undefined as number[] | undefined, fonti: undefined as PInsieme["fonti"] | undefined, transizioni: undefined as PDefinizione["transizioni"] | undefined,
    slot: -1, tranne: undefined as PInsieme["tranne"], conta: undefined as PTariffa["conta"],
  };
  switch (r.tipo) {
    case "vincolo": pr.richiede = cond(r.richiede) ?? SEMPRE; pr.daMask = maschera(r.da); break;
    case "tariffa":
      pr.limiti = r.scaglioni.map((x) => x.fino ?? Infinity);
      if (typeof r.quantita === "object") pr.conta = compilata(r.quantita.conta);
      break;
    case "insieme":
      pr.fonti = r.da.map((d) => ({ azione: d.azione, quando: cond(d.quando) })); pr.slot = slotDi(r.nome);
      if (r.tranne) pr.tranne = r.tranne.map((d) => ({ azione: d.azione, quando: cond(d.quando) }));
      break;
    case "azione": pr.transizioni = r.transizioni.map((t) => ({ fase: t.fase, quando: cond(t.quando) })); pr.daMask = maschera(r.da); break;
  }
  return pr as PRegola;
}

/** Baselines in dependency order (a base's own bases first), each once, then the regolamento. */
function ordered(reg: Regolamento, bases: Regolamento[]): Regolamento[] {
  const byId = new Map(bases.map((b) => [b.id, b]));
  const out: Regolamento[] = [];
  const seen = new Set<string>();
  const visit = (r: Regolamento, stack: string[]) => {
    if (seen.has(r.id) || stack.includes(r.id)) return;
    for (const id of r.applica) { const b = byId.get(id); if (b) visit(b, [...stack, r.id]); }
    seen.add(r.id);
    out.push(r);
  };
  for (const id of reg.applica) { const b = byId.get(id); if (b) visit(b, [reg.id]); }
  for (const b of bases) visit(b, [reg.id]);
  if (!seen.has(reg.id)) out.push(reg);
  return out;
}

/** Whether a vincolo, its exceptions or their variants may read the action's name. */
function leggeNome(pr: PRegola): boolean {
  const r = pr.r;
  if (puoLeggere(r.quando, "azione.azione") || (r.tipo === "vincolo" && puoLeggere(r.richiede, "azione.azione"))) return true;
  return pr.eccezioni.some((e) => puoLeggere(e.r.quando, "azione.azione") || (e.variante !== undefined && leggeNome(e.variante)));
}

/**
 * The actions a version knows, as the engine reads them on every question (a Set, the facts' null
 * events, the slots a question starts from): the same for every version with the same actions, so
 * made once and shared (issue 15 § 1: one copy per organismo was one more cold table per question).
 */
const NOTE_DELLE_AZIONI = new Map<string, { azioniNote: string[]; insiemeAzioniNote: Set<string>; nullEventi: Record<string, null>; slotIniziali: unknown[] }>();
function noteDelleAzioni(azioniNote: string[]): { azioniNote: string[]; insiemeAzioniNote: Set<string>; nullEventi: Record<string, null>; slotIniziali: unknown[] } {
  // The slots grow as conditions are compiled: their number is part of the key.
  const chiave = `${slotNoti().size}|${azioniNote.join(",")}`;
  let n = NOTE_DELLE_AZIONI.get(chiave);
  if (n) return n;
  const nullEventi: Record<string, null> = {};
  for (const a of azioniNote) nullEventi[a] = null;
  // The slots a question starts from (conditions compiled above): see slotIniziale.
  const slotIniziali: unknown[] = [];
  for (let i = 0; i < slotNoti().size; i++) slotIniziali.push(undefined);
  for (const [nome, i] of slotNoti()) slotIniziali[i] = slotIniziale(nullEventi, nome);
  n = { azioniNote, insiemeAzioniNote: new Set(azioniNote), nullEventi, slotIniziali };
  NOTE_DELLE_AZIONI.set(chiave, n);
  return n;
}

/** A number per shared prepared rule (or index), for the keys of the shared indexes. */
const NUMERO = new WeakMap<object, number>();
let numeri = 0;
function numero(o: object): number {
  let n = NUMERO.get(o);
  if (n === undefined) { n = numeri++; NUMERO.set(o, n); }
  return n;
}
const INDICI = new Map<string, WeakRef<object>>();
const puliziaIndici = new FinalizationRegistry<string>((k) => { if (INDICI.get(k)?.deref() === undefined) INDICI.delete(k); });
/**
 * The index already made with this content (its key: the shared rules it lists, in order), or this
 * one. The engine reads a version's indexes on every question: shared, versions with the same rules
 * for an action read the same objects (issue 15 § 1). Weakly held, as the rules they list.
 */
function indiceCondiviso<T extends object>(chiave: string, nuovo: T): T {
  const gia = INDICI.get(chiave)?.deref();
  if (gia) return gia as T;
  INDICI.set(chiave, new WeakRef(nuovo));
  puliziaIndici.register(nuovo, chiave);
  return nuovo;
}
const chiaveDi = (m: Map<string, object | object[]>, voce: (x: object) => string = (x) => String(numero(x))): string => {
  let k = "";
  for (const [nome, v] of m) k += `${nome}=${Array.isArray(v) ? v.map(voce).join(".") : voce(v)};`;
  return k;
};

const matches = (r: Regola, nome: string, fonte?: string) => r.nome === nome && (fonte === undefined || r.fonte === fonte);

export function prepare(regolamento: Regolamento, bases: Regolamento[]): Prepared {
  const layers = ordered(regolamento, bases.filter((b) => b.id !== regolamento.id));
  const avvisi: string[] = [];

  // 1. rules in order, `sostituisce` removing its target wherever it came from
  let regole: Regola[] = [];
  // Canonical rules (condivisione.ts: strings interned, equal pieces shared), each copied shallowly:
  // `unisciPer` and the indexes below work on this version's own rule objects.
  for (const layer of layers) for (const r of layer.regole) regole.push({ ...condividi(r) });
  const replaced = new Set<Regola>();
  const sostituitaDa = new Map<Regola, Regola>();
  for (const r of regole) {
    if (!r.sostituisce) continue;
    const { nome, fonte } = r.sostituisce;
    let hit = false;
    for (const t of regole) if (t !== r && matches(t, nome, fonte)) { replaced.add(t); sostituitaDa.set(t, r); hit = true; }
    if (!hit) avvisi.push(`${r.nome} (${r.cita}) sostituisce ${nome}${fonte ? ` di ${fonte}` : ""}, che non esiste`);
  }
  // An organismo's definition of an action replaces the base's for the same action.
  const lastDef = new Map<string, Regola>();
  for (const r of regole) if (r.tipo === "azione" && !replaced.has(r)) lastDef.set(r.azione, r);
  const tutte = regole;
  regole = regole.filter((r) => !replaced.has(r) && !(r.tipo === "azione" && lastDef.get(r.azione) !== r));
  // One deadline, one window: the terms of one scadenza from different sources bind together.
  unisciPer(regole);

  const prepped = regole.filter((r) => r.tipo !== "eccezione").map(prepRule);
  const perNome = new Map<string, PRegola[]>();
  for (const pr of prepped) perNome.set(pr.r.nome, [...(perNome.get(pr.r.nome) ?? []), pr]);

  // 2. exceptions attached to their targets
  const eccezioni: PEccezione[] = [];
  for (const r of regole) {
    if (r.tipo !== "eccezione") continue;
    const e = r as Eccezione;
    const candidati = perNome.get(e.a.nome) ?? [];
    let target = e.a.fonte
      ? candidati.find((c) => c.r.fonte === e.a.fonte)
      : candidati.find((c) => c.r.fonte === e.fonte) ?? candidati[0];
    const pe: PEccezione = { r: e, quando: cond(e.quando) ?? SEMPRE, variante: undefined };
    if (!target || (!e.a.fonte && target.r.fonte !== e.fonte)) {
      // The rule it names was replaced (`sostituisce`): the exception follows the rule in its
      // place, whatever its name (a national exception is not lost because an organismo restated
      // the rule), and says so.
      const sostituita = tutte.find((t) => t.tipo !== "eccezione" && replaced.has(t) && matches(t, e.a.nome, e.a.fonte ?? e.fonte));
      let al = sostituita;
      for (let i = 0; al && replaced.has(al) && i < tutte.length; i++) al = sostituitaDa.get(al);
      const sostituto = al && !replaced.has(al) ? prepped.find((x) => x.r === al) : undefined;
      if (sostituita && sostituto) {
        target = sostituto;
        avvisi.push(`eccezione ${e.nome} (${e.cita}, ${e.fonte}): ${sostituita.nome} di ${sostituita.fonte} è sostituita da ${sostituto.r.nome} (${sostituto.r.cita}, ${sostituto.r.fonte}); l'eccezione si applica a questa`);
      }
    }
    if (!target) { avvisi.push(`eccezione ${e.nome} (${e.cita}): la regola ${e.a.nome} non è in vigore`); continue; }
    if (e.modifica && Object.keys(e.modifica).length > 0) {
      pe.variante = prepRule({ ...target.r, ...e.modifica, nome: target.r.nome, fonte: target.r.fonte, cita: target.r.cita } as Regola);
    }
    target.eccezioni.push(pe);
    eccezioni.push(pe);
  }

  // 2a. The version's own rules cite PROPRIA instead of its id (fonte.ts): two organismi's rules
  // equal but for the organismo become one shared rule in 2b. These are this version's own copies
  // (step 1, the exceptions' variants), safe to change; the answer puts the id back.
  if (condivisioneAttiva()) {
    const mia = (r: Regola) => { if (r.fonte === regolamento.id) r.fonte = PROPRIA; };
    for (const pr of prepped) mia(pr.r);
    for (const pe of eccezioni) { mia(pe.r); if (pe.variante) mia(pe.variante.r); }
  }

  // 2b. A rule (with the exceptions to it) is prepared the same in every version that has it (its
  // compiled conditions, its outcomes): one shared object per canonical rule, so a register of
  // organismi on the same law holds the law's prepared rules once and the engine reads the same
  // objects whichever organismo it answers for. (The probe memo on it, sondaTurno, is per call.)
  const eccezioneCondivisa = new Map<PEccezione, PEccezione>();
  for (let i = 0; i < prepped.length; i++) {
    const pr = prepped[i]!, s = regolaCondivisa(pr);
    if (s !== pr) pr.eccezioni.forEach((e, j) => eccezioneCondivisa.set(e, s.eccezioni[j]!));
    prepped[i] = s;
  }
  for (let i = 0; i < eccezioni.length; i++) eccezioni[i] = eccezioneCondivisa.get(eccezioni[i]!) ?? eccezioni[i]!;

  // 3. indexes
  const definizioni = new Map<string, PDefinizione>();
  const vincoliPer = new Map<string, PVincolo[]>();
  const terminiPer = new Map<string, { t: PTermine; campo?: string }[]>();
  const termini: PTermine[] = [];
  const tariffe: PTariffa[] = [];
  const variazioni: PRegola<import("./ir.ts").Variazione>[] = [];
  const effetti: PRegola<import("./ir.ts").Effetto>[] = [];
  const insiemi: PInsieme[] = [];
  const visibilita = new Map<string, PVisibilita[]>();
  const named = new Set<string>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]); };
  for (const pr of prepped) {
    const r = pr.r;
    switch (r.tipo) {
      case "azione": definizioni.set(r.azione, pr as PDefinizione); named.add(r.azione); break;
      case "vincolo": for (const a of r.azioni) { push(vincoliPer, a, pr as PVincolo); named.add(a); } break;
      case "termine":
        termini.push(pr as PTermine);
        for (const p of r.per) { push(terminiPer, p.azione, { t: pr as PTermine, campo: p.campo }); named.add(p.azione); }
        break;
      case "tariffa": tariffe.push(pr as PTariffa); break;
      case "variazione": variazioni.push(pr as PRegola<import("./ir.ts").Variazione>); break;
      case "effetto": effetti.push(pr as PRegola<import("./ir.ts").Effetto>); break;
      case "insieme": insiemi.push(pr as PInsieme); for (const d of r.da) named.add(d.azione); break;
      case "visibilita": push(visibilita, r.documenti, pr as PVisibilita); named.add("accesso_documento"); break;
    }
  }

  // Shared by content (the rules in them are shared already); the candidates of `azioni_consentite`,
  // made on demand from them, with them.
  const indici = {
    definizioni: indiceCondiviso(`d${chiaveDi(definizioni)}`, definizioni),
    vincoliPer: indiceCondiviso(`v${chiaveDi(vincoliPer)}`, vincoliPer),
    terminiPer: indiceCondiviso(`t${chiaveDi(terminiPer, (x) => { const y = x as { t: PTermine; campo?: string }; return `${numero(y.t)}/${y.campo ?? ""}`; })}`, terminiPer),
    visibilita: indiceCondiviso(`s${chiaveDi(visibilita)}`, visibilita),
  };
  for (const pv of new Set([...vincoliPer.values()].flat())) pv.perOgniSonda = !leggeNome(pv);
  for (const pt of new Set([...terminiPer.values()].flat().map((x) => x.t))) pt.perOgniSonda = !leggeNome(pt);

  // 4. phases, parameters, calendar: merged, the later layer winning
  const fasi = new Map<string, Fase>();
  const fontiFasi = new Map<string, string>();
  const parametri: Record<string, Parametro> = {};
  const festivi: { data: string; nome?: string }[] = [];
  const chiusure: Chiusura[] = [];
  for (const layer of layers) {
    for (const f0 of layer.fasi) { const f = condividi(f0); fasi.set(f.nome, f); fontiFasi.set(f.nome, intern(layer.id)); }
    Object.assign(parametri, layer.parametri);
    festivi.push(...layer.calendario.festivi);
    for (const c of layer.calendario.chiusure) {
      const dal = toDay(c.dal), al = toDay(c.al);
      if (dal === undefined || al === undefined || al < dal) { avvisi.push(`chiusura non valida ${c.dal}–${c.al}`); continue; }
      chiusure.push({ dal, al, nome: c.nome, cita: c.cita });
    }
  }
  const faseIniziale = [...fasi.values()].find((f) => f.iniziale)?.nome ?? "domanda_depositata";
  const fasiFinali = new Set([...fasi.values()].filter((f) => f.finale).map((f) => f.nome));
  const valoriParametri: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parametri)) valoriParametri[k] = condividi(v.valore);
  const mo = parametri["materie_obbligatorie"]?.valore;

  const { azioniNote, insiemeAzioniNote, nullEventi, slotIniziali } = noteDelleAzioni([...new Set<string>([...AZIONI, ...named])]);
  const candidatePerFase = indiceCondiviso(
    `c${numero(indici.definizioni)},${numero(indici.vincoliPer)},${[...terminiPer.keys()].join(",")}|${[...named].join(",")}|${[...fasiFinali].join(",")}`,
    new Map<string, import("./prepared.ts").Candidata[][]>());
  const basi = layers.filter((l) => l !== regolamento);
  return {
    id: regolamento.id,
    versione: regolamento.versione,
    nome: regolamento.nome,
    regolamento: Object.freeze({ id: regolamento.id, versione: regolamento.versione, inVigoreDal: regolamento.inVigoreDal }),
    basi,
    identita: Object.freeze({ id: regolamento.id, versione: regolamento.versione, basi: Object.freeze(basi.map((b) => Object.freeze({ id: b.id, versione: b.versione }))) }),
    regole: prepped,
    solidali: prepped.filter((pr) => pr.r.tipo === "solidarieta") as PRegola<Solidarieta>[],
    compensi: prepped.filter((pr) => pr.r.tipo === "compenso") as PRegola<Compenso>[],
    definizioni: indici.definizioni,
    vincoliPer: indici.vincoliPer,
    terminiPer: indici.terminiPer,
    termini,
    tariffe,
    variazioni,
    effetti,
    insiemi,
    visibilita: indici.visibilita,
    eccezioni,
    azioniNote,
    insiemeAzioniNote,
    azioniCandidate: [...named],
    nullEventi,
    slotIniziali,
    fasi,
    fontiFasi,
    faseIniziale,
    fasiFinali,
    parametri,
    valoriParametri,
    calendario: {
      sabatoLavorativo: valoriParametri["sabato_lavorativo"] === true,
      festivi: new FestiviOrganismo(festivi),
    },
    chiusure,
    materieObbligatorie: Array.isArray(mo) ? mo : undefined,
    candidatePerFase,
    avvisi,
    nomi: nomiAccettati(regole, parametri, insiemeAzioniNote),
  };
}

