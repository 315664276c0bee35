// The questions the boundary generator asks: a plain procedure (condominio, € 10.000, two parties
// with lawyers, a mediator who is a lawyer, filed on a Wednesday) and the ways to bend it toward a
// rule: a fact set at a path, an event added, an action taken by whoever may take it.
import type { Azione, Domanda } from "../contract.ts";
import type { DefinizioneAzione, Regola, Ruolo } from "../ir.ts";
import { fromDay } from "../dates/calendar.ts";
import { AZIONI } from "../vocabolario.ts";

export type Procedimento = Domanda["procedimento"];

export function procedimentoBase(d0: number): Procedimento {
  return {
    materia: "condominio",
    valore: 10000,
    parti: [
      { id: "A", ruolo: "istante", avvocato: true },
      { id: "B", ruolo: "invitata", avvocato: true },
    ],
    mediatore: { id: "m1", categoria: "avvocato" },
    eventi: [{ azione: "deposito_domanda", data: fromDay(d0), parte: "A" }],
  };
}

export const clona = <T>(x: T): T => structuredClone(x);

function imposta(o: Record<string, unknown>, segmenti: string[], valore: unknown): void {
  let cur = o;
  for (const s of segmenti.slice(0, -1)) {
    if (typeof cur[s] !== "object" || cur[s] === null) cur[s] = {};
    cur = cur[s] as Record<string, unknown>;
  }
  cur[segmenti.at(-1)!] = valore;
}

const AZIONI_NOTE = new Set<string>(AZIONI);

/**
 * Puts `valore` where a condition reads `path`: `azione.x` on the action asked, `mediatore.x` and the
 * procedure's facts on the procedure, `<azione>.x` on that action's last event (added when missing,
 * dated `giornoEvento`), `parte.x` on every party. `parametri.*` and derived facts are not the
 * question's to set: false.
 */
export function poniFatto(p: Procedimento, azione: Azione | undefined, path: string, valore: unknown, giornoEvento: number): boolean {
  const [radice, ...resto] = path.split(".");
  if (!radice) return false;
  if (radice === "azione") {
    if (!azione || resto.length === 0 || resto[0] === "azione") return false;
    imposta(azione as unknown as Record<string, unknown>, resto, valore);
    return true;
  }
  if (radice === "parte") {
    if (resto.length !== 1 || resto[0] === "ruolo" || resto[0] === "id") return false;
    for (const x of p.parti ?? []) (x as unknown as Record<string, unknown>)[resto[0]!] = valore;
    return true;
  }
  if (radice === "parametri" || radice === "attore" || radice === "fase" || radice === "evento" || radice === "conteggio" || radice === "numero_invitate" || radice === "numero_parti") return false;
  if (AZIONI_NOTE.has(radice)) {
    if (resto.length === 0) return false;
    const eventi = (p.eventi ??= []);
    let ev = [...eventi].reverse().find((e) => e.azione === radice);
    if (!ev) {
      ev = { azione: radice, data: fromDay(giornoEvento) };
      eventi.push(ev);
    }
    imposta(ev as unknown as Record<string, unknown>, resto, valore);
    return true;
  }
  imposta(p as unknown as Record<string, unknown>, [radice, ...resto], valore);
  return true;
}

const ORGANISMO: Ruolo[] = ["responsabile", "segreteria", "mediatore", "organismo"];

/** The action as whoever may take it takes it: a party by id, the organismo by role. */
export function azioneDi(nome: string, giorno: number, regole: Regola[]): Azione {
  const def = [...regole].reverse().find((r): r is DefinizioneAzione => r.tipo === "azione" && r.azione === nome);
  const da = def?.da ?? ["parte"];
  const data = fromDay(giorno);
  const ruolo = ORGANISMO.find((r) => da.includes(r));
  if (ruolo && !da.some((r) => r === "istante" || r === "invitata" || r === "parte")) return { azione: nome, data, ruolo: ruolo === "organismo" ? "responsabile" : ruolo };
  return { azione: nome, data, parte: da.includes("invitata") && !da.includes("istante") && !da.includes("parte") ? "B" : "A" };
}

/** Events that bring a procedure to where an action anchoring a term makes sense (after the first meeting for a proposal). */
export function eventiPrima(ancora: string, d0: number): Procedimento["eventi"] {
  const dopoIncontro = new Set(["formulazione_proposta", "risposta_proposta", "incontro", "sessione_separata", "verbale", "richiesta_proposta", "opposizione_proposta", "nomina_esperto"]);
  if (!dopoIncontro.has(ancora)) return [];
  return [
    { azione: "adesione", data: fromDay(d0 + 3), parte: "B" },
    { azione: "primo_incontro", data: fromDay(d0 + 25), esito: "prosecuzione", presenti: ["A", "B"] },
  ];
}
