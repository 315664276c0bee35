import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepare } from "./prepare.ts";
import { evaluate } from "./evaluate.ts";
import { baseline, reg, vincolo, eccezione, termine, effetto, visibilita, g, v, eq } from "./test-support/build.ts";
import type { Domanda } from "./contract.ts";
import type { JsonLogic } from "./ir.ts";

const parti = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
const dep = { azione: "deposito_domanda", data: "2026-03-02", parte: "A" };
const velletriIr = () => reg({ id: "velletri", applica: ["dlgs-28-2010"], regole: [
  vincolo("praticanti_fino_a_25000", { fonte: "velletri", cita: "art. 5 c. 4", testo: "…solo per le procedure di valore non superiore ad € 25.000,00.",
    azioni: ["designazione_mediatore"], quando: eq("azione.mediatore.categoria", "praticante_abilitato"), richiede: { "<=": [v("valore"), 25000] } }),
  eccezione("proposta_su_richiesta_di_una_parte", { fonte: "velletri", cita: "art. 9 c. 1", a: { nome: "proposta_su_richiesta_congiunta", fonte: "dlgs-28-2010" },
    quando: { and: [eq("materia", "responsabilita_medica"), { or: [v("deposito_domanda.richiesta_proposta"), v("adesione.richiesta_proposta")] }] } }),
  termine("risposta_proposta_10", { fonte: "velletri", cita: "art. 8 c. 9", scadenza: "risposta_proposta", sostituisce: { nome: "risposta_proposta", fonte: "dlgs-28-2010" },
    ancora: { evento: "formulazione_proposta", verso: "da" }, entro: g(10), per: [{ azione: "risposta_proposta" }], ciascunaParte: true, inMancanza: "proposta_rifiutata" }),
  visibilita("documenti_riservati", { fonte: "velletri", cita: "art. 7 c. 2", documenti: "sessione_separata", visibileA: ["depositante", "mediatore"] }),
] });
const velletri = () => prepare(velletriIr(), [baseline()]);

const designa = (valore: number | undefined, categoria = "praticante_abilitato"): Domanda => ({
  data: "2026-03-03",
  procedimento: { materia: "condominio", valore: valore as number, parti, eventi: [dep] },
  azione: { azione: "designazione_mediatore", data: "2026-03-03", ruolo: "responsabile", mediatore: { categoria } },
});

describe("guards (vincoli)", () => {
  it("praticanti up to 25.000: 25.000 allowed, 25.000,01 denied with the citation and the text", () => {
    const p = velletri();
    expect(evaluate(p, designa(25000)).esito).toBe("consentito");
    const r = evaluate(p, designa(25000.01));
    expect(r.esito).toBe("negato");
    expect(r.motivi).toEqual([expect.objectContaining({ regola: "praticanti_fino_a_25000", cita: "art. 5 c. 4", fonte: "velletri", testo: expect.stringContaining("25.000,00") })]);
    expect(evaluate(p, designa(30000, "avvocato")).esito).toBe("consentito");
  });

  it("a missing fact is named in fatti_mancanti", () => {
    const r = evaluate(velletri(), designa(undefined));
    expect(r.fatti_mancanti).toContain("valore");
  });
});

describe("default logic", () => {
  const proposta = (materia: string, richiesta: boolean): Domanda => ({
    data: "2026-04-01",
    procedimento: { materia, valore: 5000, parti, eventi: [{ ...dep, richiesta_proposta: richiesta }, { azione: "primo_incontro", data: "2026-03-25", ruolo: "mediatore", esito: "prosecuzione" }] },
    azione: { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore" },
  });
  it("the law: a proposal needs the request of all parties", () => {
    const r = evaluate(velletri(), proposta("condominio", true));
    expect(r.esito).toBe("negato");
    expect(r.motivi[0]).toMatchObject({ regola: "proposta_su_richiesta_congiunta", fonte: "dlgs-28-2010", cita: "art. 11 c. 1" });
  });
  it("the exception prevails in medical malpractice and the trace says so", () => {
    const r = evaluate(velletri(), proposta("responsabilita_medica", true));
    expect(r.esito).toBe("consentito");
    expect(r.traccia.some((t) => t.esito === "eccezione proposta_su_richiesta_di_una_parte prevale su proposta_su_richiesta_congiunta")).toBe(true);
    expect(r.motivi.map((m) => m.cita)).toContain("art. 9 c. 1");
  });
  it("two applicable exceptions to one rule are a conflict and deny the action", () => {
    const p = prepare(reg({ id: "velletri", applica: ["dlgs-28-2010"], regole: [
      ...velletriIr().regole,
      eccezione("altra", { fonte: "velletri", cita: "art. 9 c. 2", a: { nome: "proposta_su_richiesta_congiunta" }, quando: eq("materia", "responsabilita_medica") }),
    ] }), [baseline()]);
    const r = evaluate(p, proposta("responsabilita_medica", true));
    expect(r.esito).toBe("negato");
    expect(r.conflitti?.[0]?.regole.map((x) => x.regola).sort()).toEqual(["altra", "proposta_su_richiesta_di_una_parte"]);
    expect(r.motivi[0]?.messaggio).toMatch(/conflitto/);
  });
  it("an exception with modifica applies the target with other fields", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      eccezione("risposta_telematica", { fonte: "o", cita: "art. 3", a: { nome: "risposta_proposta", fonte: "dlgs-28-2010" }, quando: eq("modalita", "telematica"), modifica: { entro: g(3) } }),
    ] }), [baseline()]);
    const ev = [dep, { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore" }];
    const r = evaluate(p, { data: "2026-04-02", procedimento: { materia: "altro", valore: 1, parti, modalita: "telematica", eventi: ev } });
    expect(r.scadenze.filter((s) => s.nome === "risposta_proposta").map((s) => s.entro)).toEqual(["2026-04-04", "2026-04-04"]);
    const plain = evaluate(p, { data: "2026-04-02", procedimento: { materia: "altro", valore: 1, parti, eventi: ev } });
    expect(plain.scadenze.find((s) => s.nome === "risposta_proposta")?.entro).toBe("2026-04-08");
    // A late answer is denied citing both the law's term and the exception that shortened it.
    const late = evaluate(p, { data: "2026-04-06", procedimento: { materia: "altro", valore: 1, parti, modalita: "telematica", eventi: ev },
      azione: { azione: "risposta_proposta", data: "2026-04-06", parte: "B", esito: "accettata" } });
    expect(late.esito).toBe("negato");
    expect(late.motivi.map((m) => m.cita)).toEqual(expect.arrayContaining(["art. 3"]));
    expect(late.motivi.find((m) => m.regola === "risposta_telematica")?.scadenza).toMatchObject({ entro: "2026-04-04" });
  });
  it("`sostituisce` replaces the law's term (10 days for 7)", () => {
    const ev = [dep, { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore" }];
    const r = evaluate(velletri(), { data: "2026-04-02", procedimento: { materia: "altro", valore: 1, parti, eventi: ev } });
    const rp = r.scadenze.filter((s) => s.nome === "risposta_proposta");
    expect(rp.map((s) => [s.entro, s.cita, s.fonte])).toEqual([["2026-04-11", "art. 8 c. 9", "velletri"], ["2026-04-11", "art. 8 c. 9", "velletri"]]);
  });
  it("an exception of the law follows the rule an organismo put in place of its target, and says so", () => {
    // The law: 7 days, 15 in medical malpractice (an exception). The organismo restates the term
    // under another name: the law's exception must not be lost.
    const legge = baseline();
    legge.regole.push(eccezione("quindici_giorni_in_responsabilita_medica", { fonte: "dlgs-28-2010", cita: "art. 99", a: { nome: "risposta_proposta" },
      quando: eq("materia", "responsabilita_medica"), modifica: { entro: g(15) } }));
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      termine("risposta_proposta_o", { fonte: "o", cita: "art. 8", scadenza: "risposta_proposta", sostituisce: { nome: "risposta_proposta", fonte: "dlgs-28-2010" },
        ancora: { evento: "formulazione_proposta", verso: "da" }, entro: g(7), per: [{ azione: "risposta_proposta" }], ciascunaParte: true }),
    ] }), [legge]);
    expect(p.avvisi.join("\n")).toMatch(/quindici_giorni_in_responsabilita_medica.*risposta_proposta di dlgs-28-2010 è sostituita da risposta_proposta_o \(art\. 8, o\)/);
    const ev = [dep, { azione: "formulazione_proposta", data: "2026-04-01", ruolo: "mediatore" }];
    const entro = (materia: string) => evaluate(p, { data: "2026-04-02", procedimento: { materia, valore: 1, parti, eventi: ev } })
      .scadenze.filter((s) => s.nome === "risposta_proposta").map((s) => s.entro);
    expect(entro("responsabilita_medica")).toEqual(["2026-04-16", "2026-04-16"]);
    expect(entro("altro")).toEqual(["2026-04-08", "2026-04-08"]);
  });
  it("an organismo's term of the law's scadenza narrows it: one window, both cited, each bound from its rule", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      termine("primo_incontro_org", { fonte: "o", cita: "art. 2", scadenza: "primo_incontro", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(30), per: [{ azione: "primo_incontro" }] }),
    ] }), [baseline()]);
    const q = (azione?: Record<string, unknown>) => evaluate(p, { data: "2026-03-03", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep] }, ...(azione ? { azione: azione as never } : {}) });
    const r = q();
    expect(r.conflitti ?? []).toEqual([]);
    const pi = r.scadenze.filter((s) => s.nome === "primo_incontro");
    expect(pi).toHaveLength(1);
    expect(pi[0]).toMatchObject({ dal: "2026-03-22", entro: "2026-04-01", cita: "art. 2", fonte: "o" });
    expect(pi[0]!.fonti).toEqual([
      { regola: "primo_incontro", cita: "art. 8 c. 1", fonte: "dlgs-28-2010", limiti: ["dal"] },
      { regola: "primo_incontro_org", cita: "art. 2", fonte: "o", limiti: ["entro"] },
    ]);
    expect(r.traccia.map((t) => t.dettaglio ?? "").join("\n")).toMatch(/dal 2026-03-22 per primo_incontro \(art\. 8 c\. 1, dlgs-28-2010\); entro 2026-04-01 per primo_incontro_org \(art\. 2, o\)/);
    // The narrowed window binds every action either rule binds: the organismo's 30 days also bind the
    // date fixed for the meeting (the law's `per`), and the law's 20 days the meeting the organismo times.
    const tardi = q({ azione: "primo_incontro", data: "2026-04-05", ruolo: "mediatore" });
    expect(tardi.esito).toBe("negato");
    expect(tardi.motivi[0]).toMatchObject({ regola: "primo_incontro_org", cita: "art. 2", scadenza: { nome: "primo_incontro", dal: "2026-03-22", entro: "2026-04-01" } });
    const fissata = q({ azione: "fissazione_primo_incontro", data: "2026-03-03", data_incontro: "2026-04-05", ruolo: "segreteria" });
    expect(fissata.esito).toBe("negato");
    expect(fissata.motivi.map((m) => m.regola)).toEqual(["primo_incontro_org"]);
    expect(q({ azione: "primo_incontro", data: "2026-03-20", ruolo: "mediatore" }).motivi[0]).toMatchObject({ regola: "primo_incontro", scadenza: { dal: "2026-03-22", entro: "2026-04-01" } });
    expect(q({ azione: "primo_incontro", data: "2026-04-01", ruolo: "mediatore" }).esito).toBe("consentito");
    expect(q({ azione: "primo_incontro", data: "2026-03-22", ruolo: "mediatore" }).esito).toBe("consentito");
  });
  it("two applicable terms with one name from the same regolamento are listed as a conflict", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      termine("primo_incontro_org", { fonte: "o", cita: "art. 2", scadenza: "primo_incontro", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(30), per: [{ azione: "primo_incontro" }] }),
      termine("primo_incontro_org2", { fonte: "o", cita: "art. 3", scadenza: "primo_incontro", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(25), per: [{ azione: "primo_incontro" }] }),
    ] }), [baseline()]);
    const r = evaluate(p, { data: "2026-03-03", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep] }, azione: { azione: "primo_incontro", data: "2026-03-25", ruolo: "mediatore" } });
    expect(r.conflitti?.length).toBeGreaterThan(0);
    expect(r.esito).toBe("negato");
    expect(r.scadenze.filter((s) => s.nome === "primo_incontro")).toHaveLength(1);
  });
});

describe("phase, roles, actions", () => {
  it("derives the phase from the events", () => {
    const p = velletri();
    const r = evaluate(p, { data: "2026-03-30", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep,
      { azione: "fissazione_primo_incontro", data: "2026-03-03", ruolo: "segreteria", data_incontro: "2026-03-25" },
      { azione: "primo_incontro", data: "2026-03-25", ruolo: "mediatore", esito: "mancato_accordo" }] } });
    expect(r.fase).toBe("conclusa");
    expect(r.effetti).toContainEqual(expect.objectContaining({ effetto: "tentativo_fallito", cita: "art. 5 c. 4" }));
    expect(r.azioni_consentite).not.toContain("adesione");
    const late = evaluate(p, { data: "2026-03-30", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep,
      { azione: "primo_incontro", data: "2026-03-25", ruolo: "mediatore", esito: "mancato_accordo" }] }, azione: { azione: "deposito_documento", parte: "A" } });
    expect(late.esito).toBe("negato");
    expect(late.motivi[0]?.messaggio).toMatch(/concluso/);
  });
  it("checks who acts and lists the actions open now", () => {
    const p = velletri();
    const q = (a: Domanda["azione"]): Domanda => ({ data: "2026-03-03", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep] }, azione: a });
    expect(evaluate(p, q({ azione: "adesione", parte: "B" })).esito).toBe("consentito");
    const r = evaluate(p, q({ azione: "adesione", parte: "A" }));
    expect(r.esito).toBe("negato");
    expect(r.motivi[0]).toMatchObject({ regola: "azione_adesione", fonte: "dlgs-28-2010" });
    expect(r.azioni_consentite).toEqual(expect.arrayContaining(["adesione", "fissazione_primo_incontro", "designazione_mediatore"]));
    expect(r.azioni_consentite).not.toContain("risposta_proposta");
  });
  it("documents of a separate session: the depositing party and the mediator only", () => {
    const p = velletri();
    const ev = [dep, { azione: "deposito_documento", data: "2026-03-10", parte: "A", tipo: "sessione_separata", documento: "d1" }];
    const ask = (a: Domanda["azione"]) => evaluate(p, { data: "2026-03-11", procedimento: { materia: "altro", valore: 1, parti, eventi: ev }, azione: a });
    expect(ask({ azione: "accesso_documento", parte: "A", documento: "d1" }).esito).toBe("consentito");
    expect(ask({ azione: "accesso_documento", ruolo: "mediatore", documento: "d1" }).esito).toBe("consentito");
    const b = ask({ azione: "accesso_documento", parte: "B", documento: "d1" });
    expect(b.esito).toBe("negato");
    expect(b.motivi[0]).toMatchObject({ regola: "documenti_riservati", cita: "art. 7 c. 2" });
    expect(ask({ azione: "accesso_documento", parte: "B", documento: "nessuno" }).esito).toBe("negato");
  });
  it("per-party effects name the party", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      effetto("domanda_non_pervenuta", { fonte: "o", cita: "art. 4", perParte: true, quando: { and: [eq("parte.ruolo", "invitata"), { "!": v("parte.aderito") }] } }),
    ] }), [baseline()]);
    const r = evaluate(p, { data: "2026-03-03", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep] } });
    expect(r.effetti).toContainEqual({ effetto: "domanda_non_pervenuta", parte: "B", cita: "art. 4", fonte: "o" });
  });
  it("a party's derived fields win over its own of the same name; its own presence stands without a first meeting", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      effetto("aderente", { fonte: "o", cita: "art. 1", perParte: true, quando: v("parte.aderito") }),
      effetto("presente", { fonte: "o", cita: "art. 2", perParte: true, quando: v("parte.presente_primo_incontro") }),
      effetto("con_avvocato", { fonte: "o", cita: "art. 3", perParte: true, quando: v("parte.avvocato") }),
    ] }), [baseline()]);
    const chi = (eventi: Domanda["procedimento"]["eventi"], proprie: Record<string, unknown>) => evaluate(p, { data: "2026-03-20", procedimento: { materia: "altro", valore: 1,
      parti: [{ id: "A", ruolo: "istante", avvocato: true }, { id: "B", ruolo: "invitata", ...proprie }, { id: "B", ruolo: "invitata" }], eventi } }).effetti.filter((e) => e.fonte === "o").map((e) => `${e.effetto} ${e.parte}`);
    // B says it adhered and was present, but no adesione and no first meeting happened
    expect(chi([dep], { aderito: true, presente_primo_incontro: true })).toEqual(["presente B", "presente B", "con_avvocato A"]);
    // the events decide: B adhered, and the first meeting had A only
    const incontro = { azione: "primo_incontro", data: "2026-03-15", ruolo: "mediatore", esito: "mancato_accordo", presenti: ["A"] };
    expect(chi([dep, { azione: "adesione", data: "2026-03-05", parte: "B" }, incontro], { presente_primo_incontro: true }))
      .toEqual(["aderente B", "aderente B", "presente A", "con_avvocato A"]);
  });
  it("derives tipo from materia with the baseline's list", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      vincolo("solo_obbligatoria", { fonte: "o", azioni: ["adesione"], richiede: eq("tipo", "obbligatoria") }),
    ] }), [baseline()]);
    const q = (materia: string): Domanda => ({ data: "2026-03-03", procedimento: { materia, valore: 1, parti, eventi: [dep] }, azione: { azione: "adesione", parte: "B" } });
    expect(evaluate(p, q("condominio")).esito).toBe("consentito");
    expect(evaluate(p, q("altro")).esito).toBe("negato");
  });
});

describe("bad input never crashes", () => {
  it("answers unknown actions, unknown parties and garbage with reasons", () => {
    const p = velletri();
    const unk = evaluate(p, { procedimento: { parti, eventi: [dep] }, azione: { azione: "volo_su_marte", parte: "A" } });
    expect(unk.esito).toBe("negato");
    expect(unk.motivi[0]).toMatchObject({ regola: "azione_sconosciuta", fonte: "motore" });
    const who = evaluate(p, { procedimento: { parti, eventi: [dep] }, azione: { azione: "adesione", parte: "Z" } });
    expect(who.esito).toBe("negato");
    expect(who.motivi[0]?.messaggio).toMatch(/"Z"/);
    const bad = evaluate(p, { data: "ieri", procedimento: { parti: "tutti", eventi: [null, { azione: 3 }, { azione: "adesione", data: "2026-02-30" }], valore: "tanto" } } as never);
    expect(bad.errori?.length).toBeGreaterThanOrEqual(4);
    expect(bad.esito).toBeUndefined();
    expect(evaluate(p, null as never).errori).toBeDefined();
    expect(evaluate(p, { procedimento: {}, azione: 7 } as never).esito).toBe("negato");
  });
  it("a field named toString/valueOf that would make a comparison throw: asked again without it, and said", () => {
    const p = velletri();
    const trappola = { toString: 3 } as unknown as string;
    const r = evaluate(p, { data: "2026-04-01", procedimento: { parti, eventi: [dep, { azione: "primo_incontro", data: "2026-03-30", ruolo: "mediatore", esito: trappola }] } });
    expect(r.errori?.[0]).toMatch(/toString o valueOf/);
    expect(r.errori?.some((e) => e.startsWith("errore interno"))).toBe(false);
    // the same answer as the question without the field
    const pulita = evaluate(p, { data: "2026-04-01", procedimento: { parti, eventi: [dep, { azione: "primo_incontro", data: "2026-03-30", ruolo: "mediatore", esito: {} as unknown as string }] } });
    expect({ ...r, errori: undefined }).toEqual({ ...pulita, errori: undefined });
  });
  it("property: any JSON-ish question gets an answer of the contract's shape", () => {
    const p = velletri();
    const any = fc.anything({ maxDepth: 3 });
    const ev = fc.record({ azione: fc.oneof(fc.constantFrom("deposito_domanda", "adesione", "primo_incontro", "formulazione_proposta"), fc.string()), data: fc.oneof(fc.constant("2026-03-02"), fc.string(), any), parte: fc.oneof(fc.constantFrom("A", "B"), any), esito: any }, { requiredKeys: ["azione"] });
    const q = fc.record({
      data: fc.oneof(fc.constant("2026-03-10"), any),
      procedimento: fc.oneof(fc.record({ materia: any, valore: fc.oneof(fc.double(), fc.constant(null), any), parti: fc.oneof(fc.constant(parti), any), eventi: fc.oneof(fc.array(ev, { maxLength: 4 }), any), tipo: any, chiusure: any, tabella: any }, { requiredKeys: [] }), any),
      azione: fc.oneof(ev, any),
    }, { requiredKeys: [] });
    fc.assert(fc.property(q, (x) => {
      const r = evaluate(p, x as Domanda);
      expect(typeof r.fase).toBe("string");
      expect(Array.isArray(r.scadenze) && Array.isArray(r.azioni_consentite) && Array.isArray(r.motivi)).toBe(true);
      expect(r.errori?.some((e) => e.startsWith("errore interno"))).not.toBe(true);
      if (r.esito === "negato") expect(r.motivi.every((m) => m.cita && m.fonte)).toBe(true);
    }), { numRuns: 400 });
  });
});

describe("a condition the engine cannot run", () => {
  it("is refused at prepare time with the operator named", () => {
    const bad = { bogus: [1] } as unknown as JsonLogic;
    expect(() => prepare(reg({ id: "o", regole: [vincolo("x", { azioni: ["adesione"], richiede: bad })] }), [])).toThrow(/bogus/);
  });
});

describe("the answer is plain JSON data for every reader", () => {
  const q: Domanda = { data: "2026-03-03", procedimento: { materia: "condominio", valore: 30000, parti, eventi: [dep] },
    azione: { azione: "designazione_mediatore", ruolo: "responsabile", mediatore: { categoria: "praticante_abilitato" } } };
  it("JSON, spread, structuredClone and assignment all see the whole answer", () => {
    const p = velletri();
    const json = JSON.parse(JSON.stringify(evaluate(p, q)));
    expect(Object.keys(json)).toEqual(["esito", "motivi", "fase", "scadenze", "indennita", "azioni_consentite", "traccia", "effetti", "regolamento"]);
    expect(json.scadenze.length).toBeGreaterThan(0);
    expect({ ...evaluate(p, q) }).toEqual(json);
    expect(structuredClone(evaluate(p, q))).toEqual(json);
    const r = evaluate(p, q);
    r.azioni_consentite = ["x"];
    expect(r.azioni_consentite).toEqual(["x"]);
    expect(r.scadenze).toEqual(json.scadenze);
    const missing = evaluate(p, { ...q, procedimento: { ...q.procedimento, valore: undefined } });
    expect(JSON.parse(JSON.stringify(missing)).fatti_mancanti).toContain("valore");
  });
});

describe("azioni_consentite probes the bare action", () => {
  it("a guard on a field of the action is decided when the action is asked, not held against the probe", () => {
    const p = prepare(reg({ id: "o", applica: ["dlgs-28-2010"], regole: [
      vincolo("adesione_con_spese_avvio", { fonte: "o", cita: "art. 3", azioni: ["adesione"], richiede: v("azione.pagamento_spese_avvio") }),
      vincolo("mai_rinvio", { fonte: "o", cita: "art. 4", azioni: ["richiesta_rinvio"], richiede: false }),
    ] }), [baseline()]);
    const q = (a?: Domanda["azione"]): Domanda => ({ data: "2026-03-03", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep] }, ...(a ? { azione: a } : {}) });
    const state = evaluate(p, q());
    expect(state.azioni_consentite).toContain("adesione");
    expect(state.azioni_consentite).not.toContain("richiesta_rinvio");
    expect(evaluate(p, q({ azione: "adesione", parte: "B" })).esito).toBe("negato");
    expect(evaluate(p, q({ azione: "adesione", parte: "B", pagamento_spese_avvio: true })).esito).toBe("consentito");
  });
});

describe("who acts", () => {
  it("an action naming an organismo role is the organismo's, even with `parte` (the party addressed)", () => {
    const p = prepare(reg({ id: "x", applica: ["dlgs-28-2010"], regole: [] }), [baseline()]);
    const q = (azione: Record<string, unknown>): Domanda => ({ data: "2026-03-04", procedimento: { materia: "altro", valore: 1, parti, eventi: [dep] },
      azione: { azione: "fissazione_primo_incontro", data: "2026-03-04", data_incontro: "2026-03-25", ...azione } });
    expect(evaluate(p, q({ ruolo: "segreteria", parte: "B" })).esito).toBe("consentito");
    expect(evaluate(p, q({ parte: "B" })).esito).toBe("negato");
  });
});

describe("parameters set by the question", () => {
  it("override the regolamento's reading for that question only, and the trace says so", () => {
    const base = reg({ id: "x", applica: ["dlgs-28-2010"], parametri: { soglia: { nome: "soglia", valore: 100, cita: "art. 2" } }, regole: [
      vincolo("sotto_soglia", { fonte: "x", cita: "art. 2", azioni: ["designazione_mediatore"], richiede: { "<=": [v("valore"), v("parametri.soglia")] } }),
    ] });
    const p = prepare(base, [baseline()]);
    const q: Domanda = { data: "2026-03-03", procedimento: { materia: "altro", valore: 150, parti, eventi: [dep] },
      azione: { azione: "designazione_mediatore", data: "2026-03-03", ruolo: "responsabile" } };
    expect(evaluate(p, q).esito).toBe("negato");
    const r = evaluate(p, { ...q, parametri: { soglia: 200 } });
    expect(r.esito).toBe("consentito");
    expect(r.traccia[0]).toMatchObject({ regola: "soglia", esito: "parametro posto dalla domanda" });
    expect(evaluate(p, q).esito).toBe("negato");
    expect(evaluate(p, { ...q, parametri: { soglia: { x: 1 } } as never }).errori?.[0]).toMatch(/parametri.soglia/);
  });
});
