// Issue 15 § 1 (the register of hundreds of organismi): the catalogue's cache of prepared versions is
// bounded in bytes and a version dropped answers as before when asked again; sharing equal pieces
// across versions (condivisione.ts) never changes an answer.
import { describe, expect, it } from "vitest";
import { Catalog, byteStimati } from "./catalog.ts";
import { canonico, condividi } from "./condivisione.ts";
import { evaluate } from "./evaluate.ts";
import { contaCondizioniCompilate } from "./prepare.ts";
import { domandaDelCaso } from "./scenari.ts";
import { casiDegliScenari, conCondivisione } from "./test-support/condivisione.ts";
import { loadAll } from "../regolamenti/load.ts";
import type { Domanda } from "./contract.ts";
import type { Regolamento } from "./ir.ts";

const parti = [{ id: "A", ruolo: "istante" as const, avvocato: true }, { id: "B", ruolo: "invitata" as const, avvocato: true }];
const domanda: Domanda = {
  data: "2026-03-03",
  procedimento: { materia: "condominio", valore: 30000, parti, eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A", richiesta_proposta: true }] },
  azione: { azione: "designazione_mediatore", data: "2026-03-03", ruolo: "responsabile", mediatore: { categoria: "praticante_abilitato" } },
};

/** A copy of a loaded version under another id (its rules' `fonte` too, as the compiler writes it). */
function sotto(r: Regolamento, id: string): Regolamento {
  return JSON.parse(JSON.stringify(r).replaceAll(`"fonte":"${r.id}"`, `"fonte":"${id}"`).replace(`"id":"${r.id}"`, `"id":"${id}"`)) as Regolamento;
}

describe("cache delle versioni preparate (LRU per byte)", () => {
  it("oltre il budget espelle le meno usate di recente; una versione espulsa, richiesta di nuovo, risponde uguale", async () => {
    const { catalog: semi } = await loadAll();
    const velletri = semi.versions("velletri")[0]!;
    const ids = ["o1", "o2", "o3", "o4"];
    // Room for about two prepared copies of velletri.
    const una = byteStimati(semi.prepared("velletri", { date: "2026-03-02" }));
    const cat = new Catalog({ budgetPreparate: Math.floor(una * 2.5) });
    for (const id of semi.ids()) if (semi.versions(id).some((v) => v.id.includes("-"))) for (const v of semi.versions(id)) cat.add(v);
    for (const id of ids) cat.add(sotto(velletri, id));
    expect(cat.preparazioni).toBe(0);

    const prime = ids.map((id) => JSON.stringify(evaluate(cat.perDomanda(id, domanda), domanda)));
    expect(cat.preparazioni).toBe(4);
    expect(cat.memoria.preparate).toBe(2);
    expect(cat.memoria.espulse).toBe(2);
    expect(cat.memoria.byte).toBeLessThanOrEqual(cat.memoria.budget);
    // o4 was asked last: still there (nothing prepared); o1 was dropped: prepared again, same answer.
    expect(JSON.stringify(evaluate(cat.perDomanda("o4", domanda), domanda))).toBe(prime[3]);
    expect(cat.preparazioni).toBe(4);
    expect(JSON.stringify(evaluate(cat.perDomanda("o1", domanda), domanda))).toBe(prime[0]);
    expect(cat.preparazioni).toBe(5);
    // A read makes an entry the most recent: o1 and o4 now held, o3 (not read since) went.
    cat.perDomanda("o4", domanda);
    cat.perDomanda("o1", domanda);
    expect(cat.preparazioni).toBe(5);
    cat.perDomanda("o3", domanda);
    expect(cat.preparazioni).toBe(6);
    // The answers name their own organismo.
    expect(prime[1]).toContain('"fonte":"o2"');
  });
});

describe("condivisione delle parti uguali tra versioni", () => {
  it("parti uguali diventano lo stesso oggetto; le condizioni uguali sono compilate una volta", async () => {
    const { catalog: semi } = await loadAll();
    const napoli = semi.versions("napoli")[0]!;
    const a = condividi(sotto(napoli, "n1")), b = condividi(sotto(napoli, "n2"));
    expect(a).not.toBe(b);
    expect(canonico(a) && canonico(b)).toBe(true);
    // A rule of the law's text and its condition: one object for both.
    const i = a.regole.findIndex((r) => r.quando !== undefined);
    expect(a.regole[i]!.quando).toBe(b.regole[i]!.quando);
    expect(a.regole[i]).not.toBe(b.regole[i]); // `fonte` differs
    const cat = new Catalog();
    for (const id of semi.ids()) if (semi.versions(id).some((v) => v.id.includes("-"))) for (const v of semi.versions(id)) cat.add(v);
    cat.add(a); cat.add(b);
    cat.perDomanda("n1", domanda);
    const dopoUna = contaCondizioniCompilate();
    cat.perDomanda("n2", domanda);
    expect(contaCondizioniCompilate()).toBe(dopoUna);
  });

  it("le risposte di tutti gli scenari sono le stesse con e senza condivisione", async () => {
    const casi = await casiDegliScenari();
    const risposte = (si: boolean) => conCondivisione(si, (catalog) => casi.map((c) => {
      try { return JSON.stringify(evaluate(catalog.perDomanda(String(c.organismo), domandaDelCaso(c)), domandaDelCaso(c))); } catch (e) { return `errore: ${(e as Error).message}`; }
    }));
    const senza = await risposte(false), con = await risposte(true);
    expect(casi.length).toBeGreaterThan(100);
    expect(con.filter((x) => !x.startsWith("errore")).length).toBeGreaterThan(100);
    for (let i = 0; i < casi.length; i++) expect(con[i], String((casi[i] as { nome?: unknown }).nome)).toBe(senza[i]);
  }, 120_000);
});
