// Issue 12, item 9: creating a procedure with many initial events was quadratic on the server's
// side (a copy of the history per event, the rules re-indexed per event, one INSERT per event) and
// in the engine (each event judged by re-reading the whole history before it). Both are now
// linear: what grows with the events is counted here (statements, evaluations, history copies,
// history events the engine visits), not timed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avvia, type Avviato } from "../avvia.ts";
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Database } from "../db/open.ts";
import { eventiVisitati, type Motore } from "../engine-adapter.ts";
import { CHIAVE_ADMIN, SEMI_DI_PROVA } from "../test-support/ambiente.ts";
import { procedimentoDiProva } from "../test-support/client.ts";
import { ServizioProcedimenti } from "./servizio.ts";

let s: Avviato;
beforeAll(async () => {
  s = await avvia({ dove: { memory: true }, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA });
});
afterAll(() => s.chiudi());

/** The database with every statement counted (transactions' included). */
function contato(database: Database) {
  const n = { istruzioni: 0 };
  const conta = <T extends object>(o: T): T =>
    new Proxy(o, {
      get(t, k) {
        const v = Reflect.get(t, k) as unknown;
        if (k === "execute") return (...a: unknown[]) => (n.istruzioni++, (v as (...x: unknown[]) => unknown).apply(t, a));
        if (k === "transaction") return (fn: (tx: object) => unknown) => (v as (f: unknown) => unknown).call(t, (tx: object) => fn(conta(tx)));
        return typeof v === "function" ? v.bind(t) : v;
      },
    });
  return { database: { ...database, db: conta(database.db) } as Database, n };
}

/** The engine with its work counted: evaluations (alone or in a sequence), and history copies handed to it. */
function motoreContato(motore: Motore) {
  const n = { valutazioni: 0, copie: 0, visite: 0 };
  const viste = new Set<unknown>();
  const m: Motore = {
    ...motore,
    evaluate(p, q) {
      n.valutazioni++;
      // A history array not seen before is a copy the server made for this question.
      if (!viste.has(q.procedimento.eventi)) (viste.add(q.procedimento.eventi), n.copie++);
      return motore.evaluate(p, q);
    },
    sequenza(fatti) {
      const seq = motore.sequenza(fatti);
      const valuta = seq.valuta.bind(seq);
      // A sequence keeps one history: one copy, whatever the number of questions.
      n.copie++;
      seq.valuta = (p, q) => (n.valutazioni++, valuta(p, q));
      return seq;
    },
  };
  return { motore: m, n };
}

const cred: CredenzialeChiave = { tipo: "chiave", organismo: "alfa", id: "prova", ruolo: "segreteria" };
function corpo(eventi: number) {
  const b = procedimentoDiProva() as ReturnType<typeof procedimentoDiProva> & { eventi: Record<string, unknown>[] };
  for (let i = 1; i < eventi; i++) b.eventi.push({ azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: `d${i}`, tipo: "sessione_comune" });
  return b as never;
}

async function misura(eventi: number) {
  const d = contato(s.dipendenze.database);
  const m = motoreContato(s.dipendenze.motore);
  const servizio = new ServizioProcedimenti({ ...s.dipendenze, database: d.database, motore: m.motore });
  const prima = eventiVisitati();
  const esito = await servizio.crea(cred, "alfa", corpo(eventi), undefined, "x");
  expect(esito.status).toBe(201);
  expect(esito.corpo.revisione).toBe(eventi);
  // History events the engine visited (each pass over a history counts each event it reads).
  m.n.visite = eventiVisitati() - prima;
  return { istruzioni: d.n.istruzioni, ...m.n };
}

describe("eventi iniziali: il lavoro del server cresce in modo lineare", () => {
  it("istruzioni SQL costanti, una valutazione per evento (più lo stato finale), nessuna copia della storia per evento", async () => {
    const piccolo = await misura(10);
    const grande = await misura(300);
    expect(grande.istruzioni).toBe(piccolo.istruzioni);
    expect(grande.valutazioni).toBe(301);
    expect(grande.copie).toBe(piccolo.copie);
    expect(grande.copie).toBeLessThanOrEqual(2);
  });

  it("il motore visita ogni evento un numero limitato di volte: lavoro lineare, non quadratico", async () => {
    const piccolo = await misura(100);
    const grande = await misura(300);
    // Judging event i on the i before it, re-reading them, is ≈ 4·n²/2 visits (180.000 for 300).
    expect(grande.visite).toBeLessThanOrEqual(10 * 300);
    expect(grande.visite).toBeLessThanOrEqual(3.3 * piccolo.visite);
  });

  it("gli eventi registrati sono quelli inviati, in ordine, ciascuno con le sue regole", async () => {
    const servizio = new ServizioProcedimenti(s.dipendenze);
    const esito = await servizio.crea(cred, "alfa", corpo(5), undefined, "x");
    const eventi = await servizio.eventi(cred, "alfa", esito.corpo.id as string);
    expect(eventi.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(eventi.map((e) => (e.azione as { documento?: string }).documento)).toEqual([undefined, "d1", "d2", "d3", "d4"]);
    expect(eventi.every((e) => Array.isArray(e.regole))).toBe(true);
    expect(eventi[1]!.attore).toMatchObject({ ruolo: "segreteria", chiave: "prova" });
  });
});
