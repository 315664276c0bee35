// What a request may store in a procedure: the fields the contract names (docs/contratto.md, the
// vocabulary of engine/vocabolario.ts) and, beside them, a client's own extras, few and small. A
// size cap per field, per event and for the procedure's facts: a stored procedure is read back
// whole on every action, and a per-server cache keeps recent ones in memory.
import type { z } from "@hono/zod-openapi";
import { FATTI } from "../engine-adapter.ts";

/** Fields of an action (docs/contratto.md § Actions, More of the vocabulary). */
export const CAMPI_AZIONE: ReadonlySet<string> = new Set([
  "azione", "data", "parte", "ruolo", "attore", "data_ricezione", "data_incontro", "mezzo", "esito", "presenti", "tipo",
  "documento", "richiesta_proposta", "pagamento_spese_avvio", "mediatore", "importo", "motivazione", "termine",
  "disponibile", "procedimento_precedente", "firma", "autenticata", "valore_riferimento", "decisore", "candidati",
  "ordine", "completa", "elementi_mancanti", "pagamento_indennita_primo_incontro", "dichiarazione_patrocinio_stato",
  "elementi", "termine_giorni", "elementi_sufficienti", "forma", "destinatario", "motivi_documentati", "parti",
  "accordo_parti", "esigenze_organizzative", "modalita", "partecipazione", "assistiti", "rappresentati",
  "avvio_mediazione", "proposta_dal_mediatore", "volonta_prosecuzione", "espressa", "oggetto", "causa",
  "atto_art_2643_cc", "riservato_al_mediatore", "copia", "voce", "saldo", "residuo", "tirocinante",
  "versione_attesa",
]);

/** Facts of a procedure (docs/contratto.md § The question, More of the vocabulary; engine FATTI). */
export const CAMPI_PROCEDIMENTO: ReadonlySet<string> = new Set([
  ...FATTI, "eventi", "valore_indeterminato", "parti", "mediatore", "modalita", "tabella", "termine_deposito_giudice",
  "chiusure", "clausola_mediazione", "indennita_mediazione",
]);

export const LIMITI_CAMPI = {
  /** Any one field, serialized. */
  campo: 16 * 1024,
  /** A field the contract does not name. */
  extra: 2 * 1024,
  /** Fields the contract does not name, per object. */
  extraMassimi: 16,
  /** One event (an action), serialized. */
  evento: 32 * 1024,
  /** A procedure's facts without its events, serialized. */
  fatti: 64 * 1024,
} as const;

const kb = (n: number) => `${n / 1024} KB`;

function controlla(o: Record<string, unknown>, noti: ReadonlySet<string>, massimo: number, cosa: string, ctx: z.RefinementCtx, salta?: string): void {
  let extra = 0;
  let totale = 2;
  for (const [k, v] of Object.entries(o)) {
    if (k === salta) continue;
    const n = v === undefined ? 0 : JSON.stringify(v).length;
    totale += k.length + n + 4;
    const nota = noti.has(k);
    if (!nota && ++extra > LIMITI_CAMPI.extraMassimi) {
      ctx.addIssue({ code: "custom", path: [k], message: `al più ${LIMITI_CAMPI.extraMassimi} campi fuori dal contratto per ${cosa}` });
      return;
    }
    const limite = nota ? LIMITI_CAMPI.campo : LIMITI_CAMPI.extra;
    if (n > limite) {
      ctx.addIssue({ code: "custom", path: [k], message: `campo troppo grande (${kb(Math.ceil(n / 1024) * 1024)}): al più ${kb(limite)}${nota ? "" : " per un campo fuori dal contratto"}` });
      return;
    }
  }
  if (totale > massimo) ctx.addIssue({ code: "custom", path: [], message: `${cosa} troppo grande: al più ${kb(massimo)}` });
}

export function limitiAzione(a: Record<string, unknown>, ctx: z.RefinementCtx): void {
  controlla(a, CAMPI_AZIONE, LIMITI_CAMPI.evento, "un evento", ctx);
}

export function limitiProcedimento(p: Record<string, unknown>, ctx: z.RefinementCtx): void {
  controlla(p, CAMPI_PROCEDIMENTO, LIMITI_CAMPI.fatti, "i fatti del procedimento (eventi esclusi)", ctx, "eventi");
}
