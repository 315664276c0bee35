// One deadline, one window (issue 11 §1; engine/SEMANTICS.md §5): for every regolamento and many
// procedures (several tipi, events at various stages, question dates around the bounds), no answer
// holds two scadenze of one name (and party), and the window it shows is the one its actions meet:
// the action a term binds (its `per`), dated on the scadenza's `dal` or `entro`, is not denied by that
// deadline, and dated the day before `dal` or the day after `entro` it is.
import { describe, expect, it } from "vitest";
import { loadAll } from "../regolamenti/load.ts";
import { evaluate } from "../engine/evaluate.ts";
import { dataDiRiferimento } from "../engine/catalog.ts";
import { fromDay, toDay } from "../engine/dates/calendar.ts";
import type { Azione, Domanda, Risposta, Scadenza } from "../engine/contract.ts";
import type { Termine } from "../engine/ir.ts";
import type { Prepared } from "../engine/prepared.ts";

const { catalog } = await loadAll();
const ORGANISMI = ["sondrio", "napoli", "maremma", "velletri", "645", "dlgs-28-2010"];

const giorno = (d: string, n: number) => fromDay(toDay(d)! + n);
const parti = [{ id: "A", ruolo: "istante" as const, avvocato: true }, { id: "B", ruolo: "invitata" as const, avvocato: true }];

/** Events at several stages of a procedure filed on `dep`. */
function stadi(dep: string): Azione[][] {
  const d = (n: number) => giorno(dep, n);
  const deposito: Azione = { azione: "deposito_domanda", data: dep, parte: "A" };
  const comunicata: Azione[] = [deposito, { azione: "comunicazione_domanda", data: d(2), data_ricezione: d(4), parte: "B", ruolo: "segreteria" }];
  const aderita: Azione[] = [...comunicata, { azione: "adesione", data: d(8), parte: "B" }];
  const fissata: Azione[] = [...aderita, { azione: "designazione_mediatore", data: d(3), ruolo: "responsabile" },
    { azione: "fissazione_primo_incontro", data: d(3), data_incontro: d(25), ruolo: "responsabile" }];
  const prosegue: Azione[] = [...fissata, { azione: "primo_incontro", data: d(25), esito: "prosecuzione", presenti: ["A", "B"], ruolo: "mediatore" }];
  const proposta: Azione[] = [...prosegue, { azione: "richiesta_proposta", data: d(40), parti: ["A", "B"], forma: "scritta" },
    { azione: "formulazione_proposta", data: d(50), data_ricezione: d(51), ruolo: "mediatore", forma: "scritta" }];
  return [
    [deposito],
    comunicata,
    aderita,
    fissata,
    [...fissata, { azione: "primo_incontro", data: d(25), esito: "mancata_partecipazione", presenti: ["A"], ruolo: "mediatore" }],
    prosegue,
    proposta,
    [...proposta, { azione: "risposta_proposta", data: d(53), parte: "A", esito: "accettata", forma: "scritta", destinatario: "segreteria" }],
    [...proposta.slice(0, -1), { azione: "formulazione_proposta", data: d(50), data_ricezione: d(51), termine_giorni: 15, ruolo: "mediatore" }],
    [...comunicata, { azione: "richiesta_integrazione", data: d(1), data_ricezione: d(2), termine: d(6), ruolo: "segreteria" }],
    [deposito, { azione: "comunicazione_lista_candidati", data: d(1), data_ricezione: d(2), ruolo: "segreteria" }],
  ];
}

const TIPI: Record<string, unknown>[] = [
  { materia: "altro", tipo: "volontaria" },
  { materia: "condominio", tipo: "obbligatoria" },
  { materia: "altro", tipo: "demandata", termine_deposito_giudice: "2026-03-16", data_deposito_ordinanza: "2026-02-16" },
];

function casi(): Domanda[] {
  const out: Domanda[] = [];
  for (const dep of ["2024-11-05", "2025-10-06", "2026-03-02"]) {
    for (const tipo of TIPI) {
      const extra = tipo.tipo === "demandata" ? { termine_deposito_giudice: giorno(dep, 14), data_deposito_ordinanza: giorno(dep, -14) } : {};
      for (const eventi of stadi(dep)) {
        const ultimo = eventi[eventi.length - 1]!.data as string;
        for (const n of [1, 20, 60, 100]) {
          const data = ultimo > giorno(dep, n) ? ultimo : giorno(dep, n);
          out.push({ data, procedimento: { ...tipo, ...extra, valore: 10000, parti, eventi } as Domanda["procedimento"] });
        }
      }
    }
  }
  return out;
}

/** The answer, when a version of the regolamento was in force at the deposit (Maremma's text is of 2025). */
function rispondi(id: string, q: Domanda): { p: Prepared; r: Risposta } | undefined {
  const date = dataDiRiferimento(q)!;
  if (!catalog.inForce(id, date)) return undefined;
  const p = catalog.perDomanda(id, q);
  return { p, r: evaluate(p, q) };
}

/**
 * Whether asking `azione` on `g` (its date, or its `campo`) is denied by a deadline: the scadenza `s`
 * itself, or (`qualsiasi`) any term, e.g. an organismo's stricter term under another name.
 */
function negataDallaScadenza(p: Prepared, q: Domanda, s: Scadenza, per: Termine["per"][number], g: string, qualsiasi = false): boolean {
  const a: Azione = { azione: per.azione, data: per.campo ? String(q.data) : g, ruolo: "mediatore" };
  if (per.campo) a[per.campo] = g;
  if (s.parte) { a.parte = s.parte; a.ruolo = s.parte === "A" ? "istante" : "invitata"; }
  const r = evaluate(p, { ...q, azione: a });
  return r.esito === "negato" && r.motivi.some((m) => m.scadenza !== undefined && (qualsiasi || m.scadenza.nome === s.nome));
}

describe("one deadline, one window (issue 11 §1)", () => {
  const domande = casi();
  for (const id of ORGANISMI) {
    it(`${id}: no two scadenze of one name, and each bound is a day its actions meet`, () => {
      const errori: string[] = [];
      let verificate = 0;
      for (const q of domande) {
        const risposta = rispondi(id, q);
        if (!risposta) continue;
        const { p, r } = risposta;
        const chiavi = r.scadenze.map((s) => `${s.nome}/${s.parte ?? ""}`);
        const doppie = chiavi.filter((k, i) => chiavi.indexOf(k) !== i);
        if (doppie.length) errori.push(`${q.data} ${JSON.stringify(q.procedimento.eventi?.map((e) => e.azione))}: scadenze ripetute ${doppie.join(", ")}`);
        for (const s of r.scadenze) {
          // A term "senza sanzione" times its actions but denies none: its bounds are not probed.
          const per = p.termini.filter((t) => t.r.scadenza === s.nome && !t.r.senzaSanzione).flatMap((t) => t.r.per);
          const viste = new Set<string>();
          for (const x of per) {
            if (viste.has(x.azione)) continue;
            viste.add(x.azione);
            const dove = `${id} ${s.nome}${s.parte ? `/${s.parte}` : ""} [${s.dal ?? ""}, ${s.entro ?? ""}] ${x.azione}${x.campo ? `.${x.campo}` : ""} (data ${q.data}, tipo ${String(q.procedimento.tipo)}, eventi ${q.procedimento.eventi?.length})`;
            if (s.entro) {
              verificate++;
              if (negataDallaScadenza(p, q, s, x, s.entro, true)) errori.push(`${dove}: negata il giorno entro`);
              if (!negataDallaScadenza(p, q, s, x, giorno(s.entro, 1))) errori.push(`${dove}: consentita il giorno dopo entro`);
            }
            if (s.dal) {
              verificate++;
              if (negataDallaScadenza(p, q, s, x, s.dal, true)) errori.push(`${dove}: negata il giorno dal`);
              if (!negataDallaScadenza(p, q, s, x, giorno(s.dal, -1))) errori.push(`${dove}: consentita il giorno prima di dal`);
            }
          }
        }
      }
      expect(errori.slice(0, 20)).toEqual([]);
      expect(verificate).toBeGreaterThan(0);
    });
  }
});
