// Conformity to the law on deliberately broken copies of Napoli (issue 13 § 1): each departure the
// law forbids is reported with a counterexample, and evaluating the counterexample confirms it.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analizza } from "../../dsl/analizza.ts";
import { loadAll } from "../../regolamenti/load.ts";
import { evaluate } from "../evaluate.ts";
import type { Catalog } from "../catalog.ts";
import { conformita, leggeSola, type RilievoConformita } from "./conformita.ts";

const NAPOLI = readFileSync(new URL("../../regolamenti/napoli.regolamento", import.meta.url), "utf8");

/** The broken copy as a version `rotta` of napoli in a fresh catalogue. */
async function rotta(muta: (s: string) => string): Promise<{ catalog: Catalog; rilievi: RilievoConformita[] }> {
  const { catalog } = await loadAll();
  const vera = catalog.versions("napoli").at(-1)!;
  const src = muta(NAPOLI);
  expect(src).not.toBe(NAPOLI);
  const a = analizza(src, { bases: catalog.bases(vera, vera.inVigoreDal) });
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  catalog.add({ ...a.regolamento!, versione: "rotta" });
  catalog.add(leggeSola(catalog, vera, "2026-03-04"));
  return { catalog, rilievi: conformita(catalog, "napoli", { versione: "rotta" }) };
}

/** The counterexample evaluated again: the broken copy and the law alone answer as reported. */
function conferma(catalog: Catalog, x: RilievoConformita) {
  const q = x.controesempio!.domanda;
  const data = q.procedimento.eventi?.[0]?.data;
  const rr = evaluate(catalog.prepared("napoli", { versione: "rotta", date: data })!, q);
  const pl = x.controesempio!.parametri_legge;
  const rl = evaluate(catalog.prepared("napoli~legge", { date: data })!, pl ? { ...q, parametri: { ...q.parametri, ...pl } } : q);
  return { rr, rl };
}

describe("conformità alla legge (issue 13 § 1)", () => {
  it("un'eccezione dell'organismo a un termine di legge è provata con i fatti che la fanno valere (Maremma art. 5 c. 5)", async () => {
    // Lawyer reading of the conformity check (6 December 2026): "o motivate esigenze organizzative" is a
    // departure the law's art. 8 c. 1 does not allow (only the parties' agreement moves the window); the
    // check called the rule a lawful repetition because no question set the action's esigenze_organizzative.
    const { catalog } = await loadAll();
    const x = conformita(catalog, "maremma").find((r) => r.codice === "C001" && r.regola?.nome === "esigenze_organizzative");
    expect(x?.regola_legge.nome).toBe("primo_incontro");
    const q = x!.controesempio!.domanda;
    expect(q.azione).toMatchObject({ azione: "fissazione_primo_incontro", esigenze_organizzative: true });
    // The reading of the parametro that lets the exception apply (the default follows the law): a
    // parametro chosen in favour of the law must not hide the text the Responsabile has to amend.
    expect(q.parametri).toEqual({ esigenze_organizzative_oltre_40_giorni: true });
    expect(x!.controesempio!.risposta_regolamento.esito).toBe("consentito");
    expect(x!.controesempio!.risposta_legge.esito).toBe("negato");
  });

  it("i cinque regolamenti: ogni rilievo ha codice, gravità, regole e, se è un errore, un controesempio", async () => {
    const { catalog } = await loadAll();
    for (const id of ["sondrio", "napoli", "maremma", "velletri", "645"])
      for (const x of conformita(catalog, id)) {
        expect(x.regola_legge.nome, id).toBeTruthy();
        if (x.gravita === "errore") expect(x.controesempio, `${id} ${x.codice}`).toBeDefined();
      }
  });

  it("Napoli con il primo incontro a 60 giorni: C001 e C003, e la valutazione conferma (il giorno 50 consentito, per la legge no)", async () => {
    const { catalog, rilievi } = await rotta((s) => s.replace("non prima di 20 giorni e non oltre 40 giorni da deposito_domanda\n      per fissazione_primo_incontro.data_incontro", "non prima di 20 giorni e non oltre 60 giorni da deposito_domanda\n      per fissazione_primo_incontro.data_incontro"));
    const c001 = rilievi.find((x) => x.codice === "C001" && x.regola_legge.nome === "primo_incontro")!;
    expect(c001.gravita).toBe("errore");
    expect(c001.regola?.nome).toBe("primo_incontro_20_40");
    const { rr, rl } = conferma(catalog, c001);
    expect([rr.esito, rl.esito]).toEqual(["consentito", "negato"]);
    expect(rilievi.find((x) => x.codice === "C003" && x.regola_legge.nome === "primo_incontro")).toBeDefined();
    // the example: a first meeting fixed for day 50
    const q = structuredClone(c001.controesempio!.domanda);
    q.azione!.data_incontro = "2026-04-23";
    q.azione!.azione = "fissazione_primo_incontro";
    const { rr: r50, rl: l50 } = conferma(catalog, { ...c001, controesempio: { ...c001.controesempio!, domanda: q } });
    expect([r50.esito, l50.esito]).toEqual(["consentito", "negato"]);
  });

  it("una durata di 12 mesi al posto dei 6 di legge: C003 con la scadenza", async () => {
    const { catalog, rilievi } = await rotta((s) => s.replace("termine conclusione_sei_mesi:\n      entro 6 mesi", "termine conclusione_sei_mesi sostituisce durata_procedimento di dlgs-28-2010:\n      entro 12 mesi"));
    const x = rilievi.find((x) => x.codice === "C003" && x.regola_legge.nome === "durata_procedimento")!;
    expect(x.regola?.nome).toBe("conclusione_sei_mesi");
    const { rr, rl } = conferma(catalog, x);
    const entro = (r: typeof rr) => r.scadenze.find((s) => s.nome === "durata_procedimento")!.entro!;
    expect(entro(rr) > entro(rl)).toBe(true);
    expect(entro(rl)).toBe("2026-09-04");
  });

  it("una durata di 12 mesi sotto il nome di legge, senza sostituisce: la legge prevale (nessuna risposta cambia), C007 lo dice", async () => {
    const { catalog, rilievi } = await rotta((s) => s.replace("termine conclusione_sei_mesi:\n      entro 6 mesi", "termine conclusione_sei_mesi:\n      entro 12 mesi"));
    const x = rilievi.find((x) => x.codice === "C007")!;
    expect(x).toMatchObject({ gravita: "avviso", regola: { nome: "conclusione_sei_mesi" }, regola_legge: { nome: "durata_procedimento" } });
    expect(x.messaggio).toContain("entro 12 mesi invece di 6 mesi");
    expect(rilievi.some((y) => y.codice === "C003")).toBe(false);
    // Evaluation: the deadline is the law's six months.
    const q = { data: "2026-03-10", procedimento: { materia: "condominio", tipo: "obbligatoria" as const, valore: 1000, parti: [{ id: "A", ruolo: "istante" as const }], eventi: [{ azione: "deposito_domanda", data: "2026-03-04", parte: "A" }] } };
    const r = evaluate(catalog.prepared("napoli", { versione: "rotta", date: "2026-03-04" })!, q);
    expect(r.scadenze.find((s) => s.nome === "durata_procedimento")!.entro).toBe("2026-09-04");
  });

  it("indennità dieci volte quelle del D.M. 150/2023: C005 contro l'importo fisso (spese di avvio) e contro il massimo dell'Allegato A", async () => {
    const tariffe = `
articolo 99 "Indennità (copia rotta)"
  comma 1 "Spese di avvio e di mediazione."
    tariffa spese_avvio_napoli sostituisce spese_avvio di dm-150-2023 iva 22%:
      voce spese_avvio
      quando parte.ruolo = istante o parte.aderito
      fino a 1.000 €: 400 €
      fino a 50.000 €: 750 €
      oltre: 1.100 €
    tariffa spese_mediazione_napoli sostituisce spese_mediazione di dm-150-2023 iva 22%:
      voce spese_mediazione
      quando primo_incontro.esito in [prosecuzione, accordo] e (parte.ruolo = istante o parte.aderito)
      fino a 1.000 €: 800 €
      fino a 5.000 €: 1.600 €
      fino a 10.000 €: 2.900 €
      oltre: 4.400 €
`;
    const { catalog, rilievi } = await rotta((s) => s + tariffe);
    const avvio = rilievi.find((x) => x.codice === "C005" && x.regola_legge.nome === "spese_avvio")!;
    expect(avvio.regola?.nome).toBe("spese_avvio_napoli");
    const { rr, rl } = conferma(catalog, avvio);
    const voce = (r: typeof rr, v: string) => r.indennita.per_parte[0]!.voci.find((x) => x.voce === v)!.imponibile!;
    expect(voce(rr, "spese_avvio")).toBe(voce(rl, "spese_avvio") * 10);
    const media = rilievi.find((x) => x.codice === "C005" && x.regola_legge.nome === "spese_mediazione_massimo")!;
    expect(media.controesempio!.parametri_legge).toEqual({ allegato_a_importo: "massimo" });
    const m = conferma(catalog, media);
    expect(voce(m.rr, "spese_mediazione")).toBeGreaterThan(voce(m.rl, "spese_mediazione"));
  });

  it("avvisi: ogni sostituisce di una regola di legge, con il suo testo", async () => {
    const { catalog } = await loadAll();
    const r = conformita(catalog, "napoli").filter((x) => x.codice === "C010");
    expect(r.map((x) => x.regola?.nome)).toEqual(expect.arrayContaining(["primo_incontro_20_40", "risposta_proposta_7_giorni"]));
    expect(r[0]!.messaggio).toContain("«");
  });
});
