import { describe, expect, it } from "vitest";
import { loadAll } from "../../regolamenti/load.ts";
import { evaluate } from "../evaluate.ts";
import type { Domanda } from "../contract.ts";
import { perConsentire, type Modifica } from "./per-consentire.ts";
import { clona, poniFatto } from "./domanda-base.ts";

const { catalog } = await loadAll();
const velletri = catalog.prepared("velletri", { date: "2026-03-04" })!;
const proc = (): Domanda["procedimento"] => ({
  materia: "condominio", valore: 30000,
  parti: [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", avvocato: true }],
  eventi: [{ azione: "deposito_domanda", data: "2026-03-04", parte: "A" }],
});

/** The question with a change applied, as a reader would apply it by hand. */
function applica(q: Domanda, m: Modifica | Omit<Modifica, "regole">): Domanda {
  const x = clona(q);
  if (m.tipo === "azione_precedente") x.procedimento.eventi!.push(m.a as never);
  else if (m.tipo === "data") { (x.azione as Record<string, unknown>)[m.campo.slice("azione.".length)] = m.a; x.data = String(m.a); }
  else if (m.tipo === "attore") { delete x.azione!.parte; delete x.azione!.ruolo; (x.azione as Record<string, unknown>)[m.campo.slice("azione.".length)] = m.a; }
  else poniFatto(x.procedimento, x.azione, m.campo, m.a, 0);
  for (const y of "insieme_a" in m ? m.insieme_a ?? [] : []) Object.assign(x, applica(x, y));
  x.procedimento.eventi!.sort((a, b) => String(a.data).localeCompare(String(b.data)));
  return x;
}

describe("per_consentire (issue 13 § 4)", () => {
  it("un praticante oltre 25.000 €: il valore al limite, o un avvocato; ognuna confermata dalla valutazione", () => {
    const q: Domanda = { data: "2026-03-05", procedimento: proc(), azione: { azione: "designazione_mediatore", data: "2026-03-05", ruolo: "responsabile", mediatore: { id: "m", categoria: "praticante_abilitato" } } };
    const r = evaluate(velletri, q);
    expect(r.esito).toBe("negato");
    const m = perConsentire(velletri, q, r);
    expect(m.map((x) => [x.tipo, x.campo, x.a])).toEqual(expect.arrayContaining([["fatto", "valore", 25000], ["fatto", "azione.mediatore.categoria", "avvocato"]]));
    expect(m[0]!.regole.map((x) => x.regola)).toEqual(["praticanti_fino_a_25000"]);
    for (const x of m) expect(evaluate(velletri, applica(q, x)).esito, x.descrizione).toBe("consentito");
  });

  it("una risposta alla proposta oltre il termine: l'ultimo giorno del termine", () => {
    const p = proc();
    p.eventi!.push({ azione: "adesione", data: "2026-03-06", parte: "B" }, { azione: "primo_incontro", data: "2026-03-27", esito: "prosecuzione", presenti: ["A", "B"] }, { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore", data_ricezione: "2026-04-01" });
    const q: Domanda = { data: "2026-04-30", procedimento: p, azione: { azione: "risposta_proposta", data: "2026-04-30", parte: "A", esito: "accettata", forma: "scritta" } };
    const r = evaluate(velletri, q);
    expect(r.esito).toBe("negato");
    const m = perConsentire(velletri, q, r);
    const data = m.find((x) => x.tipo === "data")!;
    expect(data.a).toBe(r.motivi.find((x) => x.scadenza)!.scadenza!.entro);
    for (const x of m) expect(evaluate(velletri, applica(q, x)).esito, x.descrizione).toBe("consentito");
  });

  it("quando una modifica non basta: due insieme (un'azione prima, e la forma scritta)", () => {
    const q: Domanda = { data: "2026-03-06", procedimento: proc(), azione: { azione: "risposta_proposta", data: "2026-03-06", parte: "A", esito: "accettata" } };
    const r = evaluate(velletri, q);
    const m = perConsentire(velletri, q, r);
    expect(m.length).toBeGreaterThan(0);
    expect(m.every((x) => x.insieme_a?.length === 1)).toBe(true);
    for (const x of m) expect(evaluate(velletri, applica(q, x)).esito, x.descrizione).toBe("consentito");
  });

  it("nessuna modifica per un'azione consentita", () => {
    const q: Domanda = { data: "2026-03-05", procedimento: proc(), azione: { azione: "adesione", data: "2026-03-05", parte: "B", pagamento_spese_avvio: true } };
    const r = evaluate(velletri, q);
    expect(r.esito).toBe("consentito");
    expect(perConsentire(velletri, q, r)).toEqual([]);
  });
});
