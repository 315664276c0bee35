import { describe, expect, it } from "vitest";
import { prepare } from "./prepare.ts";
import { evaluate } from "./evaluate.ts";
import { baseline, reg, termine, g, mesi } from "./test-support/build.ts";
import type { Domanda } from "./contract.ts";
import type { Regolamento } from "./ir.ts";

const parti = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
const q = (deposito: string, data: string, extra: Partial<Domanda["procedimento"]> = {}): Domanda => ({
  data, procedimento: { materia: "altro", valore: 1000, parti, eventi: [{ azione: "deposito_domanda", data: deposito, parte: "A" }], ...extra },
});
const org = (over: Partial<Regolamento> = {}) => prepare(reg({ id: "org", applica: ["dlgs-28-2010"], ...over }), [baseline()]);
const sc = (r: ReturnType<typeof evaluate>, nome: string) => r.scadenze.find((s) => s.nome === nome);

describe("terms", () => {
  it("primo_incontro: 20–40 days from deposito", () => {
    const r = evaluate(org(), q("2026-03-02", "2026-03-03"));
    expect(sc(r, "primo_incontro")).toMatchObject({ dal: "2026-03-22", entro: "2026-04-11", cita: "art. 8 c. 1", fonte: "dlgs-28-2010" });
  });

  it("a term ending on a Saturday stays on Saturday (art. 155 c.p.c. moves only Sundays and holidays)…", () => {
    // 2026-03-07 is a Saturday: deposito 2026-02-25 + 40 = 2026-04-06? use a 7-day term instead
    const p = org({ regole: [termine("t7", { fonte: "org", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(7) })] });
    const r = evaluate(p, q("2026-02-28", "2026-03-01"));
    expect(sc(r, "t7")).toMatchObject({ entro: "2026-03-07" });
    expect(sc(r, "t7")?.spostamenti).toBeUndefined();
  });

  it("…and to Monday when the parameter proroga_sabato says so", () => {
    const p = org({
      parametri: { proroga_sabato: { nome: "proroga_sabato", valore: true } },
      regole: [termine("t7", { fonte: "org", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(7) })],
    });
    const s = sc(evaluate(p, q("2026-02-28", "2026-03-01")), "t7");
    expect(s).toMatchObject({ entro: "2026-03-09" });
    expect(s?.spostamenti?.[0]).toMatch(/sabato.*09\/03\/2026/);
  });

  it("a term ending on Easter Monday moves to Tuesday and says why", () => {
    // 2026-03-30 + 7 = Easter Monday 2026-04-06
    const p = org({ regole: [termine("t7", { fonte: "org", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(7) })] });
    const s = sc(evaluate(p, q("2026-03-30", "2026-03-31")), "t7");
    expect(s).toMatchObject({ entro: "2026-04-07" });
    expect(s?.spostamenti?.join(" ")).toMatch(/Angelo/);
  });

  it("a term ending on a Sunday moves to Monday", () => {
    const r = evaluate(org(), q("2026-02-01", "2026-02-02")); // +40 = Sat 2026-03-13? compute: Feb 1 + 40 = Mar 13 (Fri)
    expect(sc(r, "primo_incontro")?.entro).toBe("2026-03-13");
    const r2 = evaluate(org(), q("2026-02-03", "2026-02-04")); // +40 = Sun 2026-03-15 → Mon 16
    expect(sc(r2, "primo_incontro")?.entro).toBe("2026-03-16");
  });

  it("a closure of the organismo extends the term by its days, repeatedly", () => {
    const p = org({
      calendario: { festivi: [], chiusure: [{ dal: "2026-08-10", al: "2026-08-20", nome: "ferie" }, { dal: "2026-08-31", al: "2026-09-01" }] },
      regole: [termine("t20", { fonte: "org", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(20) })],
    });
    // 2026-08-01 + 20 = 08-21; +11 closure days = 09-01, which meets the second closure (2 days) → 09-03
    const s = sc(evaluate(p, q("2026-08-01", "2026-08-02")), "t20");
    expect(s?.entro).toBe("2026-09-03");
    expect(s?.spostamenti?.join(" ")).toMatch(/ferie.*\+13 giorni/);
  });

  it("closures given in the procedure count too; the duration is not suspended", () => {
    const p = org({ regole: [termine("t20", { fonte: "org", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(20) })] });
    const r = evaluate(p, q("2026-08-01", "2026-08-02", { chiusure: [{ dal: "2026-08-10", al: "2026-08-14" }] }));
    expect(sc(r, "t20")?.entro).toBe("2026-08-26");
    expect(sc(r, "durata_procedimento")?.entro).toBe("2027-02-01");
  });

  it("months from 31 January", () => {
    const p = org({ regole: [termine("m1", { fonte: "org", ancora: { evento: "deposito_domanda", verso: "da" }, entro: mesi(1), sospesoDaChiusure: false })] });
    expect(sc(evaluate(p, q("2026-01-31", "2026-02-01")), "m1")?.entro).toBe("2026-02-28");
  });

  it("a term counted backwards before a Monday meeting, in working days", () => {
    const p = org({
      regole: [termine("richiesta_rinvio", { fonte: "org", ancora: { evento: "fissazione_primo_incontro", campo: "data_incontro", verso: "prima" },
        entro: { quantita: 2, unita: "giorni_lavorativi" }, per: [{ azione: "richiesta_rinvio" }] })],
    });
    const base = q("2026-03-02", "2026-03-05");
    base.procedimento.eventi!.push({ azione: "fissazione_primo_incontro", data: "2026-03-04", ruolo: "segreteria", data_incontro: "2026-03-16" });
    const r = evaluate(p, { ...base, azione: { azione: "richiesta_rinvio", data: "2026-03-13", parte: "A" } });
    expect(sc(r, "richiesta_rinvio")?.entro).toBe("2026-03-12");
    expect(r.esito).toBe("negato");
    expect(r.motivi[0]).toMatchObject({ regola: "richiesta_rinvio", scadenza: { nome: "richiesta_rinvio", entro: "2026-03-12" } });
    const ok = evaluate(p, { ...base, azione: { azione: "richiesta_rinvio", data: "2026-03-12", parte: "A" } });
    expect(ok.esito).toBe("consentito");
    expect(ok.motivi[0]?.scadenza?.entro).toBe("2026-03-12");
  });

  it("binds the action's date field, unless the parties agree otherwise", () => {
    const p = org();
    const base = q("2026-03-02", "2026-03-05");
    const early = evaluate(p, { ...base, azione: { azione: "fissazione_primo_incontro", data: "2026-03-05", ruolo: "segreteria", data_incontro: "2026-03-10" } });
    expect(early.esito).toBe("negato");
    expect(early.motivi[0]).toMatchObject({ regola: "primo_incontro", cita: "art. 8 c. 1", scadenza: { dal: "2026-03-22", entro: "2026-04-11" } });
    const agreed = evaluate(p, { ...base, azione: { azione: "fissazione_primo_incontro", data: "2026-03-05", ruolo: "segreteria", data_incontro: "2026-03-10", accordo_parti: true } });
    expect(agreed.esito).toBe("consentito");
    expect(agreed.traccia.some((t) => t.regola === "primo_incontro" && t.esito === "non vincola")).toBe(true);
    const inside = evaluate(p, { ...base, azione: { azione: "fissazione_primo_incontro", data: "2026-03-05", ruolo: "segreteria", data_incontro: "2026-04-11" } });
    expect(inside.esito).toBe("consentito");
    const missing = evaluate(p, { ...base, azione: { azione: "fissazione_primo_incontro", data: "2026-03-05", ruolo: "segreteria" } });
    expect(missing.fatti_mancanti).toContain("azione.data_incontro");
  });

  it("closed terms leave `scadenze`; a reply term runs per party and silence is refusal", () => {
    const p = org();
    const ev = [
      { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
      { azione: "fissazione_primo_incontro", data: "2026-03-03", ruolo: "segreteria", data_incontro: "2026-03-25" },
      { azione: "primo_incontro", data: "2026-03-25", ruolo: "mediatore", esito: "prosecuzione" },
      { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore", parte: "A", data_ricezione: "2026-04-02" },
      { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore", parte: "B", data_ricezione: "2026-04-03" },
      { azione: "risposta_proposta", data: "2026-04-05", parte: "A", esito: "accettata" },
    ];
    const r = evaluate(p, { data: "2026-04-20", procedimento: { materia: "altro", valore: 1000, parti, eventi: ev } });
    expect(sc(r, "primo_incontro")).toBeUndefined();
    const rp = r.scadenze.filter((s) => s.nome === "risposta_proposta");
    expect(rp).toEqual([expect.objectContaining({ parte: "B", entro: "2026-04-10", scaduta: true })]);
    expect(r.effetti).toContainEqual(expect.objectContaining({ effetto: "proposta_rifiutata", parte: "B" }));
    expect(r.effetti.some((e) => e.effetto === "proposta_rifiutata" && e.parte === "A")).toBe(false);
    expect(r.fase).toBe("proposta_formulata");
  });
});

describe("terms anchored on another term", () => {
  it("`dalla scadenza di` counts from the other term's last day", () => {
    const p = org({ regole: [
      termine("preferenze_candidati", { fonte: "org", cita: "art. 4", ancora: { evento: "comunicazione_lista_candidati", verso: "da" }, entro: g(5), per: [{ azione: "preferenze_candidati" }] }),
      termine("nomina", { fonte: "org", cita: "art. 5", ancora: { termine: "preferenze_candidati", verso: "da" }, entro: g(3), per: [{ azione: "designazione_mediatore" }], inMancanza: "nomina_d_ufficio" }),
    ] });
    const base = q("2026-03-02", "2026-03-04");
    base.procedimento.eventi!.push({ azione: "comunicazione_lista_candidati", data: "2026-03-03", ruolo: "segreteria" });
    const r = evaluate(p, base);
    expect(sc(r, "preferenze_candidati")?.entro).toBe("2026-03-09"); // Sun 8 → Mon 9
    expect(sc(r, "nomina")?.entro).toBe("2026-03-12");
    const late = evaluate(p, { ...base, data: "2026-03-20" });
    expect(late.effetti).toContainEqual(expect.objectContaining({ effetto: "nomina_d_ufficio", cita: "art. 5" }));
    expect(sc(late, "nomina")?.scaduta).toBe(true);
    const done = structuredClone(base);
    done.procedimento.eventi!.push({ azione: "designazione_mediatore", data: "2026-03-10", ruolo: "responsabile" });
    expect(sc(evaluate(p, done), "nomina")).toBeUndefined();
  });
  it("`dalla scadenza di` a term each party runs: from the last party's deadline (all have run out)", () => {
    // Second reader (645 art. 3 c. 4): the list received by A on the 10th and by B on the 12th; the
    // nomination waits for B's five days too, not only for the party listed last.
    const p = org({ regole: [
      termine("preferenze_candidati", { fonte: "org", cita: "art. 4", ancora: { evento: "comunicazione_lista_candidati", verso: "da" }, entro: g(5), per: [{ azione: "preferenze_candidati" }], ciascunaParte: true }),
      termine("nomina", { fonte: "org", cita: "art. 5", ancora: { termine: "preferenze_candidati", verso: "da" }, nonPrimaDi: g(1), per: [{ azione: "designazione_mediatore" }] }),
    ] });
    const base = q("2026-03-02", "2026-03-16");
    base.procedimento.eventi!.push(
      { azione: "comunicazione_lista_candidati", data: "2026-03-09", ruolo: "segreteria", parte: "B", data_ricezione: "2026-03-12" },
      { azione: "comunicazione_lista_candidati", data: "2026-03-10", ruolo: "segreteria", parte: "A", data_ricezione: "2026-03-10" },
    );
    const r = evaluate(p, base);
    expect(r.scadenze.filter((s) => s.nome === "preferenze_candidati").map((s) => [s.parte, s.entro])).toEqual([["A", "2026-03-16"], ["B", "2026-03-17"]]);
    const nomina = (data: string) => evaluate(p, { ...base, data, azione: { azione: "designazione_mediatore", data, ruolo: "responsabile" } }).esito;
    expect(nomina("2026-03-17")).toBe("negato");
    expect(nomina("2026-03-18")).toBe("consentito");
    // Fourth reader (645 art. 10 c. 2, "dalla scadenza del termine per l'accettazione delle parti"): an
    // answer does not shorten its party's term; the deadline stays the last party's.
    const risposto = structuredClone(base);
    risposto.procedimento.eventi!.push({ azione: "preferenze_candidati", data: "2026-03-13", parte: "B" });
    expect(evaluate(p, { ...risposto, azione: { azione: "designazione_mediatore", data: "2026-03-17", ruolo: "responsabile" } }).esito).toBe("negato");
  });
  it("a term whose anchor has not happened is not listed", () => {
    const r = evaluate(org(), q("2026-03-02", "2026-03-03"));
    expect(sc(r, "risposta_proposta")).toBeUndefined();
  });
  it("a date-time anchor field is read in Europe/Rome", () => {
    const p = org({ regole: [termine("t", { fonte: "org", ancora: { evento: "comunicazione_domanda", campo: "data_ricezione", verso: "da" }, entro: g(1) })] });
    const base = q("2026-03-02", "2026-03-03");
    base.procedimento.eventi!.push({ azione: "comunicazione_domanda", data: "2026-03-02", data_ricezione: "2026-03-02T23:30:00Z", ruolo: "segreteria" });
    expect(sc(evaluate(p, base), "t")?.entro).toBe("2026-03-04"); // received on the 3rd in Rome
  });
});

describe("a per action after the last day does not close the term", () => {
  // Third reader (Napoli/Maremma art. 5 c. 4): "decorsi inutilmente i quali non si darà corso alla
  // procedura": a completion after the 7 days made the deadline and its effect disappear.
  const partiT = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
  const p = prepare(reg({ id: "o", regole: [
    termine("perfezionamento", { fonte: "o", cita: "art. 5 c. 4", scadenza: "integrazione_domanda", ancora: { evento: "richiesta_integrazione", campo: "data_ricezione", verso: "da" },
      entro: g(7), per: [{ azione: "integrazione_domanda" }], inMancanza: "procedura_non_avviata", sospesoDaChiusure: false }),
  ] }), []);
  const q = (integrazione?: string) => evaluate(p, { data: "2026-03-20", procedimento: { materia: "altro", valore: 1, parti: partiT, eventi: [
    { azione: "deposito_domanda", data: "2026-03-04", parte: "A" },
    { azione: "richiesta_integrazione", data: "2026-03-05", parte: "A", data_ricezione: "2026-03-06" },
    ...(integrazione ? [{ azione: "integrazione_domanda", data: integrazione, parte: "A" }] : []),
  ] } });
  it("late: the deadline stays, run out, and so does its effect", () => {
    const r = q("2026-03-19");
    expect(r.scadenze.find((s) => s.nome === "integrazione_domanda")).toMatchObject({ entro: "2026-03-13", scaduta: true });
    expect(r.effetti.map((e) => e.effetto)).toContain("procedura_non_avviata");
  });
  it("on the last day: closed, no effect; none at all: the effect", () => {
    const r = q("2026-03-13");
    expect(r.scadenze.find((s) => s.nome === "integrazione_domanda")).toBeUndefined();
    expect(r.effetti.map((e) => e.effetto)).not.toContain("procedura_non_avviata");
    expect(q().effetti.map((e) => e.effetto)).toContain("procedura_non_avviata");
  });
});

describe("terms anchored on a fact, and lengths a fact may set", () => {
  const partiT = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
  const depT = { azione: "deposito_domanda", data: "2026-03-02", parte: "A" };
  it("a demandata's duration runs from the judge's deadline (termine_deposito_giudice)", () => {
    const p = prepare(reg({ id: "o", regole: [
      termine("durata_demandata", { cita: "art. 3 c. 7", scadenza: "durata_procedimento", ancora: { fatto: "termine_deposito_giudice", verso: "da" },
        entro: mesi(3), sospesoDaChiusure: false }),
    ] }), []);
    const r = evaluate(p, { data: "2026-03-03", procedimento: { materia: "altro", tipo: "demandata", valore: 1, parti: partiT, termine_deposito_giudice: "2026-01-31", eventi: [depT] } });
    expect(r.scadenze.find((s) => s.nome === "durata_procedimento")).toMatchObject({ entro: "2026-04-30", cita: "art. 3 c. 7" });
    const senza = evaluate(p, { data: "2026-03-03", procedimento: { materia: "altro", tipo: "demandata", valore: 1, parti: partiT, eventi: [depT] } });
    expect(senza.scadenze.find((s) => s.nome === "durata_procedimento")).toBeUndefined();
    // Not silently: the date the term runs from is a missing fact (third reader: "no durata in
    // demandata, no trace line and no missing-fact warning").
    expect(senza.fatti_mancanti).toContain("termine_deposito_giudice");
    // A term that does not apply asks for nothing.
    const fuori = prepare(reg({ id: "o", regole: [
      termine("durata_demandata", { cita: "art. 3 c. 7", scadenza: "durata_procedimento", ancora: { fatto: "termine_deposito_giudice", verso: "da" },
        entro: mesi(3), sospesoDaChiusure: false, quando: { "==": [{ var: "tipo" }, "demandata"] } }),
    ] }), []);
    const volontaria = evaluate(fuori, { data: "2026-03-03", procedimento: { materia: "altro", tipo: "volontaria", valore: 1, parti: partiT, eventi: [depT] } });
    expect(volontaria.fatti_mancanti ?? []).not.toContain("termine_deposito_giudice");
    expect(evaluate(fuori, { data: "2026-03-03", procedimento: { materia: "altro", tipo: "demandata", valore: 1, parti: partiT, eventi: [depT] } }).fatti_mancanti).toContain("termine_deposito_giudice");
  });
  it("the mediator's longer term replaces the text's seven days, and the answer says why", () => {
    const p = prepare(reg({ id: "o", regole: [
      termine("risposta_proposta", { cita: "art. 11 c. 2", ancora: { evento: "formulazione_proposta", verso: "da" },
        entro: { quantita: 7, unita: "giorni", quantitaDa: "formulazione_proposta.termine_giorni" }, per: [{ azione: "risposta_proposta" }] }),
    ] }), []);
    const q = (termine_giorni?: unknown) => evaluate(p, { data: "2026-04-02", procedimento: { materia: "altro", valore: 1, parti: partiT,
      eventi: [depT, { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore", ...(termine_giorni !== undefined ? { termine_giorni } : {}) }] } });
    expect(q().scadenze.find((s) => s.nome === "risposta_proposta")?.entro).toBe("2026-04-08");
    const lungo = q(15).scadenze.find((s) => s.nome === "risposta_proposta");
    expect(lungo?.entro).toBe("2026-04-16");
    expect(lungo?.spostamenti?.join(" ")).toMatch(/15 giorni invece di 7/);
    expect(q("quindici").scadenze.find((s) => s.nome === "risposta_proposta")?.entro).toBe("2026-04-08");
  });
});

describe("a length read on the anchoring event", () => {
  it("per party: the copy of the proposal addressed to each party carries its own term", () => {
    const partiT = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
    const p = prepare(reg({ id: "o", regole: [
      termine("risposta_proposta", { cita: "art. 7 c. 3", ancora: { evento: "formulazione_proposta", campo: "data_ricezione", verso: "da" },
        entro: { quantita: 7, unita: "giorni", quantitaDa: "formulazione_proposta.termine_giorni" }, per: [{ azione: "risposta_proposta" }], ciascunaParte: true }),
    ] }), []);
    const r = evaluate(p, { data: "2026-05-07", procedimento: { materia: "altro", valore: 1, parti: partiT, eventi: [
      { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
      { azione: "formulazione_proposta", data: "2026-05-04", ruolo: "segreteria", parte: "A", data_ricezione: "2026-05-05", termine_giorni: 15 },
      { azione: "formulazione_proposta", data: "2026-05-04", ruolo: "segreteria", parte: "B", data_ricezione: "2026-05-06" },
    ] } });
    const perParte = Object.fromEntries(r.scadenze.filter((s) => s.nome === "risposta_proposta").map((s) => [s.parte, s.entro]));
    expect(perParte).toEqual({ A: "2026-05-20", B: "2026-05-13" });
  });
});

describe("one deadline, one window (narrowing across sources)", () => {
  const form = { azione: "formulazione_proposta", data: "2026-04-08", ruolo: "mediatore" };
  it("a term for all parties narrows each party's term of the same name; each party keeps one entry", () => {
    const p = org({ regole: [termine("risposta_cinque", { fonte: "org", cita: "art. 9", scadenza: "risposta_proposta", ancora: { evento: "formulazione_proposta", verso: "da" }, entro: g(5), per: [{ azione: "risposta_proposta" }] })] });
    const r = evaluate(p, q("2026-03-02", "2026-04-09", { eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, form] }));
    const rp = r.scadenze.filter((s) => s.nome === "risposta_proposta");
    expect(rp.map((s) => [s.parte, s.entro, s.cita])).toEqual([["A", "2026-04-13", "art. 9"], ["B", "2026-04-13", "art. 9"]]);
    // A party that answered closes its deadline (the answer closes both rules' windows for it).
    const dopo = evaluate(p, q("2026-03-02", "2026-04-10", { eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, form, { azione: "risposta_proposta", data: "2026-04-10", parte: "A", esito: "accettata" }] }));
    expect(dopo.scadenze.filter((s) => s.nome === "risposta_proposta").map((s) => s.parte)).toEqual(["B"]);
    // Silence past the narrower entro: the organismo's rule has run out, the law's (7 days) not yet.
    const tardi = evaluate(p, q("2026-03-02", "2026-04-14", { eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, form] }));
    expect(tardi.scadenze.filter((s) => s.nome === "risposta_proposta").every((s) => s.scaduta)).toBe(true);
    expect(tardi.effetti.filter((e) => e.effetto === "proposta_rifiutata")).toEqual([]);
  });
});

describe("`dalla scadenza di` a narrowed deadline", () => {
  it("counts from the narrowed entro, not from the wider rule's", () => {
    const p = org({ regole: [
      termine("primo_incontro_30", { fonte: "org", cita: "art. 3", scadenza: "primo_incontro", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(30), per: [{ azione: "primo_incontro" }] }),
      termine("dopo_il_primo_incontro", { fonte: "org", cita: "art. 4", ancora: { termine: "primo_incontro", verso: "da" }, entro: g(3), per: [{ azione: "richiesta_proposta" }] }),
    ] });
    const r = evaluate(p, q("2026-03-02", "2026-03-03"));
    // primo_incontro: law 20–40 (22.3–11.4), organismo 30 (1.4): narrowed entro 1.4; + 3 days = 4.4 (Saturday).
    expect(sc(r, "dopo_il_primo_incontro")?.entro).toBe("2026-04-04");
  });
});
