// Dates an action may carry, and the correcting event that voids a mistaken one. The history stays
// append-only: an `annullamento_evento` is one more event naming the voided one's `seq`; the voided
// event is kept (and shown, marked) but the engine no longer sees it, nor the voiding event itself.
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Azione } from "../engine-adapter.ts";
import { ErroreApi, vietato } from "../errori/errore.ts";

export const ANNULLAMENTO = "annullamento_evento";

/**
 * How far past today (Europe/Rome) an action may be dated: one day, so that an action taken late in
 * the evening by a client a few hours ahead (or with a skewed clock) is not refused, while a date
 * that would freeze the procedure (every later action "before the last event") is.
 */
export const TOLLERANZA_GIORNI = 1;

const giorno = (d: unknown) => (typeof d === "string" ? d.slice(0, 10) : undefined);

export function dataMassima(oggi: string): string {
  const d = new Date(`${oggi}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + TOLLERANZA_GIORNI);
  return d.toISOString().slice(0, 10);
}

/** An action dated after tomorrow (Rome), or before the procedure's filing: 422, nothing stored. */
export function controllaData(data: string, oggi: string, deposito: string | undefined, chi = "dell'azione"): void {
  const g = giorno(data)!;
  const max = dataMassima(oggi);
  if (g > max)
    throw new ErroreApi(422, "action_in_future", `La data ${chi} (${g}) è nel futuro: un'azione si registra quando avviene, al più con la data di domani (${max}, ora di Roma).`, {
      data: g,
      massima: max,
    });
  if (deposito !== undefined && g < deposito)
    throw new ErroreApi(422, "action_before_filing", `La data ${chi} (${g}) è anteriore al deposito della domanda (${deposito}).`, { data: g, deposito });
}

export interface Annullamento {
  /** seq of the voiding event. */
  seq: number;
  data: string | undefined;
  motivazione: string | undefined;
}

/** seq of each voided event → the event that voided it (`storia[i]` has seq i + 1). */
export function annullati(storia: readonly Azione[]): Map<number, Annullamento> {
  const out = new Map<number, Annullamento>();
  storia.forEach((e, i) => {
    if (e.azione === ANNULLAMENTO && typeof e.evento === "number" && !out.has(e.evento))
      out.set(e.evento, { seq: i + 1, data: giorno(e.data), motivazione: typeof e.motivazione === "string" ? e.motivazione : undefined });
  });
  return out;
}

/** The history the engine judges: without voiding events and without the events they voided. */
export function storiaEfficace(storia: readonly Azione[]): Azione[] {
  const via = annullati(storia);
  if (via.size === 0 && !storia.some((e) => e.azione === ANNULLAMENTO)) return storia as Azione[];
  return storia.filter((e, i) => e.azione !== ANNULLAMENTO && !via.has(i + 1));
}

/**
 * The voiding event to append, checked against the stored history: only the segreteria and the
 * responsabile void; the target exists, is not the filing, not a voiding, not already voided; a
 * motivazione says why.
 */
export function annullamento(cred: CredenzialeChiave, storia: readonly Azione[], richiesta: Azione, oggi: string): Azione {
  if (cred.ruolo !== "segreteria" && cred.ruolo !== "responsabile")
    throw vietato("Solo la segreteria o il responsabile annullano un evento registrato per errore.");
  const { evento, motivazione } = richiesta;
  if (typeof evento !== "number" || !Number.isInteger(evento) || evento < 1 || evento > storia.length)
    throw new ErroreApi(422, "invalid_void_target", `\`evento\` è il seq di un evento registrato (da 1 a ${storia.length}).`);
  if (typeof motivazione !== "string" || motivazione.trim() === "" || motivazione.length > 2000)
    throw new ErroreApi(422, "void_needs_reason", "Un annullamento indica la `motivazione` (testo, fino a 2000 caratteri).");
  const bersaglio = storia[evento - 1]!;
  if (evento === 1 || bersaglio.azione === "deposito_domanda")
    throw new ErroreApi(422, "cannot_void_filing", "Il deposito della domanda non si annulla: senza di esso il procedimento non esiste.");
  if (bersaglio.azione === ANNULLAMENTO) throw new ErroreApi(422, "cannot_void_void", "Un annullamento non si annulla.");
  const gia = annullati(storia).get(evento);
  if (gia) throw new ErroreApi(409, "event_already_voided", `L'evento ${evento} è già annullato (evento ${gia.seq}).`, { annullato_da: gia.seq });
  const data = richiesta.data ?? oggi;
  controllaData(data, oggi, giorno(storia[0]?.data), "dell'annullamento");
  return { azione: ANNULLAMENTO, data, evento, motivazione, ruolo: cred.ruolo };
}
