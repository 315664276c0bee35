// The question's shape, checked minimally: garbage never crashes the engine, it becomes an
// `errori` line (and a denial when it concerns the action asked).
import { romeDay, fromDay } from "./dates/calendar.ts";
import type { Azione, Domanda, Parte, Procedimento } from "./contract.ts";
import { Storia } from "./storia.ts";

export interface Evento { a: Azione; giorno: number | undefined; indice: number }

export interface Normalized {
  giorno: number;
  dataIso: string;
  proc: Procedimento;
  parti: Parte[];
  eventi: Evento[];
  /** The history folded (storia.ts): `eventi` is its list. */
  storia: Storia;
  azione?: Azione;
  azioneGiorno?: number;
  /** Problems of the question (shape), in Italian. */
  errori: string[];
  /** Problems of the action asked: they deny it. */
  erroriAzione: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

const TRAPPOLE = ["toString", "valueOf"];

/** The parties of a question without any: shared, never written (the engine only reads `n.parti`). */
const NESSUNA_PARTE = Object.freeze([]) as unknown as Parte[];

/** Whether some object in the value has an own `toString`/`valueOf` (JSON can carry them as data). */
export function haTrappole(x: unknown, depth = 0): boolean {
  if (typeof x !== "object" || x === null || depth > 20) return false;
  // Only objects are visited: no call for each string or number of the question.
  if (Array.isArray(x)) {
    for (const v of x) if (typeof v === "object" && v !== null && haTrappole(v, depth + 1)) return true;
    return false;
  }
  for (const k in x) {
    if (k === "toString" || k === "valueOf") return true;
    const v = (x as Record<string, unknown>)[k];
    if (typeof v === "object" && v !== null && haTrappole(v, depth + 1)) return true;
  }
  return false;
}

/** A copy without them: a condition comparing such an object would otherwise throw in coercion. */
export function senzaTrappole(x: unknown, depth = 0): unknown {
  if (typeof x !== "object" || x === null || depth > 20) return x;
  if (Array.isArray(x)) return x.map((v) => senzaTrappole(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k in x) if (!TRAPPOLE.includes(k)) out[k] = senzaTrappole((x as Record<string, unknown>)[k], depth + 1);
  return out;
}

export const MSG_TRAPPOLE = "la domanda contiene campi di nome toString o valueOf: ignorati";

/**
 * The question as the engine reads it. Fields named `toString`/`valueOf` are not looked for here:
 * they can only make a coercion throw, so `evaluate` looks for them when a question throws.
 */
export function normalize(q: unknown, oggi: () => number, storia?: Storia): Normalized {
  const errori: string[] = [];
  const erroriAzione: string[] = [];
  const dq: Partial<Domanda> = isObj(q) ? (q as Partial<Domanda>) : {};
  if (!isObj(q)) errori.push("la domanda non è un oggetto JSON");

  let giorno = dq.data === undefined ? oggi() : romeDay(dq.data);
  if (giorno === undefined) { errori.push(`data non valida: ${JSON.stringify(dq.data)}`); giorno = oggi(); }

  let proc: Procedimento = {};
  if (isObj(dq.procedimento)) proc = dq.procedimento as Procedimento;
  else if (dq.procedimento !== undefined) errori.push("procedimento non è un oggetto");

  // The question's own list when every party has an id (the usual case): no copy.
  let parti: Parte[] = NESSUNA_PARTE;
  if (proc.parti !== undefined) {
    if (!Array.isArray(proc.parti)) errori.push("procedimento.parti non è una lista");
    else {
      let valide = 0;
      for (let i = 0; i < proc.parti.length; i++) {
        const p = proc.parti[i];
        if (!isObj(p) || typeof p.id !== "string") { errori.push(`procedimento.parti[${i}]: manca l'id`); continue; }
        if (p.ruolo !== "istante" && p.ruolo !== "invitata") errori.push(`parte ${p.id}: ruolo ${JSON.stringify(p.ruolo)} non è istante né invitata`);
        valide++;
      }
      parti = valide === proc.parti.length ? (proc.parti as Parte[]) : (proc.parti.filter((p) => isObj(p) && typeof p.id === "string") as Parte[]);
    }
  }
  if (proc.valore !== undefined && proc.valore !== null && (typeof proc.valore !== "number" || !Number.isFinite(proc.valore) || proc.valore < 0)) {
    errori.push(`valore non valido: ${JSON.stringify(proc.valore)} (euro, un numero, o null se indeterminato)`);
    proc = { ...proc, valore: undefined };
  }

  // The events, folded once (storia.ts): a question of a sequence brings its history already folded.
  if (proc.eventi !== undefined && !Array.isArray(proc.eventi)) errori.push("procedimento.eventi non è una lista");
  if (!storia || storia.grezzi !== proc.eventi) storia = new Storia(Array.isArray(proc.eventi) ? proc.eventi : undefined);
  storia.allinea();
  for (const m of storia.errori) errori.push(m);
  const eventi = storia.eventi;

  // The value fixed by the organismo (art. 29 D.M. 150/2023; e.g. Napoli art. 10 cc. 6-7): the last
  // `determinazione_valore` with a valid `valore_riferimento` is the value of the dispute from then on,
  // for fees and conditions alike (a later determination replaces an earlier one).
  if (storia.valore !== undefined) proc = { ...proc, valore: storia.valore };
  // The mediator is the one of the last designation (a replacement is a new designation): its facts
  // (categoria, responsabile_organismo, …) are what rules read as `mediatore.*` from then on. The
  // same mediator as `procedimento.mediatore` (same id, or no id) completes those facts.
  if (storia.mediatore !== undefined) {
    const prima = proc.mediatore;
    const stesso = isObj(prima) && (storia.mediatore.id === undefined || storia.mediatore.id === prima.id);
    proc = { ...proc, mediatore: stesso ? { ...prima, ...storia.mediatore } : storia.mediatore };
  }

  let azione: Azione | undefined;
  let azioneGiorno: number | undefined;
  if (dq.azione !== undefined) {
    if (!isObj(dq.azione) || typeof dq.azione.azione !== "string") {
      erroriAzione.push("azione: manca il nome dell'azione");
      azione = { azione: "?" };
    } else {
      azione = dq.azione as Azione;
      if (azione.data === undefined) azioneGiorno = giorno;
      else {
        azioneGiorno = romeDay(azione.data);
        if (azioneGiorno === undefined) { erroriAzione.push(`azione: data non valida ${JSON.stringify(azione.data)}`); azioneGiorno = giorno; }
      }
      if (azione.parte !== undefined && !parti.some((p) => p.id === azione!.parte)) {
        erroriAzione.push(`azione: la parte ${JSON.stringify(azione.parte)} non è tra le parti del procedimento`);
      }
    }
  }
  return { giorno, dataIso: fromDay(giorno), proc, parti, eventi, storia, azione, azioneGiorno, errori, erroriAzione };
}
