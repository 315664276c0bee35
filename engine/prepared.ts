// The prepared form of a regolamento version: its rules merged with the applied baselines,
// every condition compiled once, rules indexed by the action they bear on.
import type { Fatti } from "./conditions/compile.ts";
import type { Esiti } from "./defaults.ts";
import type {
  Compenso, DefinizioneAzione, Eccezione, Effetto, Fase, Insieme, Parametro, Regola, Regolamento, Tariffa, Termine,
  Solidarieta, Variazione, Vincolo, Visibilita,
} from "./ir.ts";
import type { Calendar } from "./dates/count.ts";

/** A condition compiled for the engine's facts (conditions/compile.ts `compileFatti`). */
export type CompiledFatti = (f: Fatti) => unknown;

export interface Cond {
  fn: CompiledFatti;
  /** Paths the condition compares: undefined ones are `fatti_mancanti` (conditions/vars.ts). */
  vars: string[];
  /** The same paths split on ".", once. */
  paths: string[][];
  /** The same paths as small integers (conditions/vars.ts `idPercorso`), for marking them seen. */
  ids: number[];
  /** The slot of each path's root (conditions/compile.ts `Fatti`). */
  radici: number[];
  /**
   * The same number for every condition that compares the same paths in the same order (a fee's
   * `quando` and its progressive twin): their missing facts are looked for once per question.
   */
  gruppo: number;
  /** Reads a field of the action (`azione.x`, other than its name and date): the bare probe of `azioni_consentite` lacks them. */
  campiAzione: boolean;
}

/** A rule ready to run: its compiled `quando` and the exceptions that may override it. */
export interface PRegola<R extends Regola = Regola> {
  r: R;
  quando?: Cond;
  eccezioni: PEccezione[];
  /**
   * For a rule asked once per party (tariffa, variazione, effetto per parte): its `quando` split
   * into what does not read `parte.*`, decided once per question, and what does.
   */
  perParte?: { comune: CompiledFatti; proprio: CompiledFatti | undefined };
  /** `resolve`'s results when no exception applies, made once (defaults.ts): shared, read-only. */
  esiti?: Esiti<R>;
  /**
   * For a vincolo or a term of an action: nothing it reads (with its exceptions) is the action's
   * name, so for the bare probe of `azioni_consentite` its outcome is the same whichever action is
   * probed, and is decided once per call.
   */
  perOgniSonda?: boolean;
  /** The probe memo (validate.ts `MemoSonda`): the call that decided it, and whether it denied the probe. */
  sondaTurno: number;
  sondaBlocca: boolean;
}

export interface PEccezione {
  r: Eccezione;
  quando: Cond;
  /** The target with `modifica` applied, when the exception modifies rather than disapplies. */
  variante?: PRegola;
}

/** Roles as bits, for the probe of `azioni_consentite`: istante 1, invitata 2, the organismo's people 4. */
export type MascheraRuoli = number;

export interface PVincolo extends PRegola<Vincolo> {
  richiede: Cond;
  daMask: MascheraRuoli;
}
export type PTermine = PRegola<Termine>;
export interface PTariffa extends PRegola<Tariffa> {
  /** `fino` of each bracket (cents), precomputed; the last may be Infinity. */
  limiti: number[];
  /** A `quantita` that is a count (`quanti c in …`), compiled. */
  conta?: CompiledFatti;
}
export type PVariazione = PRegola<Variazione>;
export type PEffetto = PRegola<Effetto>;
export interface PInsieme extends PRegola<Insieme> {
  fonti: { azione: string; quando?: Cond }[];
  /** `tranne parti di …`: the parties of these events are taken out of the set. */
  tranne?: { azione: string; quando?: Cond }[];
  /** The slot of the set's name in the facts (`richiedenti_proposta.tutte`). */
  slot: number;
}
export type PVisibilita = PRegola<Visibilita>;
export interface PDefinizione extends PRegola<DefinizioneAzione> {
  transizioni: { fase: string; quando?: Cond }[];
  daMask: MascheraRuoli;
}

/** A candidate of `azioni_consentite` admitted by its definition, with what may still deny it. */
export interface Candidata {
  nome: string;
  /** A vincolo or a term bears on it: the facts decide. */
  dinamica: boolean;
  vincoli?: PVincolo[];
  /** A term binds it (`Prepared.terminiPer`): the terms are the version's, the list is shared by versions with other terms. */
  conTermini: boolean;
}

export interface Chiusura { dal: number; al: number; nome?: string; cita?: string }

/**
 * Which IR a prepared version was made from, without the IR: holding the whole IR cost ≈ 88 kB of
 * heap per prepared version (1,000 organismi: ≈ 90 MB); what needs the rules asks the catalogue.
 */
export type IdentitaVersione = Readonly<Pick<Regolamento, "id" | "versione" | "inVigoreDal">>;

export interface Prepared {
  id: string;
  versione: string;
  nome: string;
  /** The version's identity, not its IR: the IR comes from the catalogue (Catalog.versions, inForce) when needed. */
  regolamento: IdentitaVersione;
  basi: Regolamento[];
  /** The answer's `regolamento` (which version answered, on which baselines): made once, shared by every answer. */
  identita: Readonly<{ id: string; versione: string; basi: readonly Readonly<{ id: string; versione: string }>[] }>;
  /** Every rule in force after `sostituisce`, baselines first. */
  regole: PRegola[];
  definizioni: Map<string, PDefinizione>;
  vincoliPer: Map<string, PVincolo[]>;
  terminiPer: Map<string, { t: PTermine; campo?: string }[]>;
  termini: PTermine[];
  tariffe: PTariffa[];
  variazioni: PVariazione[];
  effetti: PEffetto[];
  insiemi: PInsieme[];
  /** The rules of `obbligazione_solidale` and `compenso_mediatore` (compenso.ts). */
  solidali: PRegola<Solidarieta>[];
  compensi: PRegola<Compenso>[];
  visibilita: Map<string, PVisibilita[]>;
  eccezioni: PEccezione[];
  /** Every action a condition may name: each is `null` in the facts until it happens. */
  azioniNote: string[];
  insiemeAzioniNote: Set<string>;
  /** Actions with a definition or named by a rule: the candidates of `azioni_consentite`. */
  azioniCandidate: string[];
  nullEventi: Record<string, null>;
  /** The facts' slots at the start of a question (`Fatti.s`): null for `nullEventi`, undefined elsewhere. */
  slotIniziali: unknown[];
  fasi: Map<string, Fase>;
  /** Whose phase it is (the regolamento that declared it), for citations. */
  fontiFasi: Map<string, string>;
  faseIniziale: string;
  fasiFinali: Set<string>;
  parametri: Record<string, Parametro>;
  valoriParametri: Record<string, unknown>;
  calendario: Calendar;
  chiusure: Chiusura[];
  materieObbligatorie?: string[];
  /**
   * Per (phase, roles present): the candidate actions whose definition admits them, and whether
   * facts may still deny them (a vincolo or a term bears on them). Filled on demand.
   */
  candidatePerFase: Map<string, Candidata[][]>;
  /** Problems found while preparing (an exception whose target was replaced…), for the editor. */
  avvisi: string[];
  /** The names a question may use: tables, parameters and their values, fields of actions (nomi.ts). */
  nomi: import("./nomi.ts").NomiAccettati;
}
