import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepare } from "./prepare.ts";
import { evaluate } from "./evaluate.ts";
import { baseline, tariffeBase, reg, tariffa, variazione, eur, v, eq } from "./test-support/build.ts";
import { divHalfUp, fractionOf, percentOf } from "./money.ts";
import type { Domanda } from "./contract.ts";
import type { Regolamento } from "./ir.ts";

const parti = [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }];
const q = (valore: number | null | undefined, extra: Partial<Domanda["procedimento"]> = {}, eventi: Domanda["procedimento"]["eventi"] = []): Domanda => ({
  data: "2026-03-03",
  procedimento: { materia: "altro", tipo: "volontaria", valore: valore as number, parti, eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, ...(eventi ?? [])], ...extra },
});
const withFees = (over: Partial<Regolamento> = {}) => prepare(reg({ id: "org", applica: ["dlgs-28-2010", "dm-150-2023"], ...over }), [baseline(), tariffeBase()]);
const parte = (r: ReturnType<typeof evaluate>, id: string) => r.indennita.per_parte.find((x) => x.parte === id)!;

describe("money", () => {
  it("rounds half-up once", () => {
    expect(fractionOf(8666, 1, 3)).toBe(2889); // a third of 86,66 = 28,886… → 28,89
    expect(divHalfUp(5, 2)).toBe(3);
    expect(percentOf(2889, 22)).toBe(636); // 6,3558 → 6,36
    expect(percentOf(1_000_000_000_00, 0.2)).toBe(200_000_000);
  });
});

describe("fees", () => {
  it("at filing, only the istante pays: avvio + primo incontro + IVA (D.M. 150/2023 figures)", () => {
    const r = evaluate(withFees(), q(1000));
    expect(parte(r, "A")).toMatchObject({ totale: 122 });
    expect(parte(r, "A").voci.map((x) => x.voce)).toEqual(["spese_avvio", "spese_mediazione_primo_incontro"]);
    expect(parte(r, "A").voci[0]).toMatchObject({ imponibile: 40, iva: 8.8, cita: "art. 28 c. 4", fonte: "dm-150-2023" });
    expect(parte(r, "B")).toMatchObject({ totale: 0, voci: [] });
    expect(r.indennita.totale).toBe(122);
  });

  it("a party that adhered pays too; mandatory matters are reduced by a fifth", () => {
    const r = evaluate(withFees(), q(1000, { tipo: undefined, materia: "condominio" }, [{ azione: "adesione", data: "2026-03-05", parte: "B" }]));
    expect(parte(r, "A").totale).toBe(97.6);
    expect(parte(r, "B").totale).toBe(97.6);
    expect(parte(r, "A").voci.find((x) => x.voce === "riduzione_materia_obbligatoria")).toMatchObject({ imponibile: -20, iva: -4.4 });
    expect(r.indennita.totale).toBe(195.2);
  });

  it("bracket bounds are inclusive: 50.000 vs 50.000,01", () => {
    expect(parte(evaluate(withFees(), q(50000)), "A").totale).toBe(237.9);
    expect(parte(evaluate(withFees(), q(50000.01)), "A").totale).toBe(341.6);
  });

  it("indeterminate value uses the indeterminato row; a table without one gives imponibile null", () => {
    const r = evaluate(withFees(), q(null));
    const voci = parte(r, "A").voci;
    expect(voci[0]).toMatchObject({ voce: "spese_avvio", imponibile: 110 });
    expect(voci[1]).toMatchObject({ voce: "spese_mediazione_primo_incontro", imponibile: null });
    expect(parte(r, "A").totale).toBe(134.2);
  });

  it("a missing value is reported, not guessed", () => {
    const r = evaluate(withFees(), q(undefined));
    expect(r.fatti_mancanti).toContain("valore");
    expect(parte(r, "A").voci[0]?.imponibile).toBeNull();
  });

  it("a third of 86,66 is 28,89; variations on the running total; brackets restrict variations", () => {
    // The organismo applies the discretionary ceiling (importi_discrezionali = massimo).
    const p = prepare(reg({ id: "v", parametri: { importi_discrezionali: { nome: "importi_discrezionali", valore: "massimo" } }, regole: [
      tariffa("spese_mediazione", { fonte: "v", scaglioni: [{ fino: eur(25000), importo: { tipo: "fisso", centesimi: 8666 } }, { importo: { tipo: "fisso", centesimi: eur(720) } }] }),
      variazione("riduzione", { fonte: "v", misura: { tipo: "frazione", num: 1, den: 3 }, su: ["spese_mediazione"], scaglioni: { da: 1, a: 1 } }),
      variazione("aumento_successo", { fonte: "v", segno: 1, finoA: true, base: "totale", misura: { tipo: "frazione", num: 1, den: 4 }, su: ["spese_mediazione"], quando: eq("verbale.tipo", "accordo") }),
    ] }), []);
    const r = evaluate(p, q(25000, {}, [{ azione: "verbale", data: "2026-04-01", tipo: "accordo", ruolo: "mediatore" }]));
    const voci = parte(r, "A").voci;
    expect(voci.find((x) => x.voce === "riduzione")).toMatchObject({ imponibile: -28.89, iva: -6.36 });
    // running total 86,66 − 28,89 = 57,77; a quarter = 14,4425 → 14,44
    expect(voci.find((x) => x.voce === "aumento_successo")).toMatchObject({ imponibile: 14.44 });
    expect(voci.find((x) => x.voce === "aumento_successo")?.nota).toMatch(/massimo/);
    const r2 = evaluate(p, q(25000.01));
    expect(parte(r2, "A").voci.map((x) => x.voce)).toEqual(["spese_mediazione"]);
    expect(parte(r2, "A").voci[0]?.imponibile).toBe(720);
  });

  it("a total that leaves out voci due without an amount says which (voci_senza_importo), per party and overall", () => {
    // Third reader: "every totale skips items whose amount is null, with no flag; read blindly, these totals are wrong".
    const r = evaluate(withFees(), q(null));
    expect(parte(r, "A").voci.find((x) => x.imponibile === null)?.voce).toBe("spese_mediazione_primo_incontro");
    expect(parte(r, "A").voci_senza_importo).toEqual(["spese_mediazione_primo_incontro"]);
    expect(parte(r, "B").voci_senza_importo).toBeUndefined();
    expect(r.indennita.voci_senza_importo).toEqual(["spese_mediazione_primo_incontro"]);
    // Every amount known: no such field.
    const n = evaluate(withFees(), q(1000));
    expect(parte(n, "A").voci_senza_importo).toBeUndefined();
    expect(n.indennita.voci_senza_importo).toBeUndefined();
  });

  it("named tables: the one chosen, or a null voce with a note", () => {
    const p = prepare(reg({ id: "645", regole: [
      tariffa("prima", { fonte: "645", voce: "spese_mediazione", tabella: "prima", scaglioni: [{ importo: { tipo: "fisso", centesimi: eur(100) } }] }),
      tariffa("seconda", { fonte: "645", voce: "spese_mediazione", tabella: "seconda", scaglioni: [{ importo: { tipo: "fisso", centesimi: eur(200) } }] }),
    ] }), []);
    expect(parte(evaluate(p, q(5000, { tabella: { nome: "seconda" } })), "A").voci).toEqual([expect.objectContaining({ voce: "spese_mediazione", imponibile: 200 })]);
    const none = parte(evaluate(p, q(5000)), "A").voci;
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ imponibile: null });
    expect(none[0]?.nota).toMatch(/tabella/);
  });

  it("percent of value, and a table amount the organismo states", () => {
    const p = prepare(reg({ id: "x", regole: [
      tariffa("spese_mediazione", { fonte: "x", scaglioni: [{ fino: eur(5_000_000), importo: { tipo: "da_determinare" } }, { importo: { tipo: "percentuale_valore", percentuale: 0.2 } }] }),
    ] }), []);
    expect(parte(evaluate(p, q(6_000_000)), "A").voci[0]?.imponibile).toBe(12000);
    expect(parte(evaluate(p, q(100, { tabella: { spese_mediazione: 65 } })), "A").voci[0]?.imponibile).toBe(65);
    expect(parte(evaluate(p, q(100)), "A").voci[0]?.imponibile).toBeNull();
  });

  it("two tariffe producing one voce for one party are a conflict, not a silent pick", () => {
    const p = prepare(reg({ id: "c", regole: [
      tariffa("a", { fonte: "c", voce: "spese_avvio", scaglioni: [{ importo: { tipo: "fisso", centesimi: 4000 } }] }),
      tariffa("b", { fonte: "c", voce: "spese_avvio", cita: "art. 2", quando: v("valore"), scaglioni: [{ importo: { tipo: "fisso", centesimi: 5000 } }] }),
    ] }), []);
    const r = evaluate(p, q(100));
    expect(r.conflitti?.[0]?.messaggio).toMatch(/spese_avvio.*a \(art\. 1\).*b \(art\. 2\)/);
  });
});

describe("formatting", () => {
  it("groups thousands the Italian way", async () => {
    const { formatEuro, formatValore } = await import("./money.ts");
    expect(formatEuro(123456789)).toBe("€ 1.234.567,89");
    expect(formatEuro(-2889)).toBe("−€ 28,89");
    expect(formatEuro(5)).toBe("€ 0,05");
    expect(formatValore(2500001)).toBe("25.000,01");
    expect(formatValore(100000000)).toBe("1.000.000");
    // formatted once per amount: the second answer is the same string
    expect(formatEuro(123456789)).toBe("€ 1.234.567,89");
  });
  it("decimali writes cents as toFixed(2) writes the euro", async () => {
    const { decimali } = await import("./money.ts");
    expect(decimali(0)).toBe("0.00");
    expect(decimali(5)).toBe("0.05");
    expect(decimali(12345)).toBe("123.45");
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (c) => decimali(c) === (c / 100).toFixed(2)));
  });
});

describe("variations on unknown amounts", () => {
  it("a deduction from an undetermined fee is undetermined", () => {
    const p = prepare(reg({ id: "x", regole: [
      tariffa("spese_mediazione_primo_incontro", { fonte: "x", scaglioni: [{ importo: { tipo: "fisso", centesimi: eur(170) } }] }),
      tariffa("spese_mediazione", { fonte: "x", scaglioni: [{ fino: eur(5_000_000), importo: { tipo: "fisso", centesimi: eur(1000) } }, { importo: { tipo: "da_determinare" } }] }),
      variazione("detrazione_primo_incontro", { fonte: "x", misura: { tipo: "voce", voce: "spese_mediazione_primo_incontro" }, su: ["spese_mediazione"] }),
    ] }), []);
    const big = parte(evaluate(p, q(6_000_000)), "A");
    expect(big.voci.find((x) => x.voce === "detrazione_primo_incontro")?.imponibile).toBeNull();
    expect(big.totale).toBe(207.4);
    const small = parte(evaluate(p, q(100)), "A");
    expect(small.voci.find((x) => x.voce === "detrazione_primo_incontro")?.imponibile).toBe(-170);
  });
});

describe("missing facts in fees", () => {
  it("a reduction that needs a fact not given names it", () => {
    const p = prepare(reg({ id: "x", regole: [
      tariffa("spese_mediazione", { fonte: "x", scaglioni: [{ importo: { tipo: "fisso", centesimi: eur(100) } }] }),
      variazione("riduzione", { fonte: "x", misura: { tipo: "frazione", num: 1, den: 3 }, su: ["spese_mediazione"], quando: { in: [v("tabella.scaglione"), [1, 2, 3, 4, 5, 6]] } }),
    ] }), []);
    expect(evaluate(p, q(100)).fatti_mancanti).toContain("tabella.scaglione");
    const given = evaluate(p, q(100, { tabella: { scaglione: 3 } }));
    expect(given.fatti_mancanti).toBeUndefined();
    expect(parte(given, "A").voci.map((x) => x.voce)).toEqual(["spese_mediazione", "riduzione"]);
  });
});

describe("exceptions on fee rules", () => {
  it("an exception that removes a voce for a party is in the trace with its citation", () => {
    const p = withFees({ regole: [
      { tipo: "eccezione", nome: "esonero_patrocinio", fonte: "org", cita: "art. 11 c. 14", a: { nome: "spese_avvio", fonte: "dm-150-2023" },
        quando: { "!!": [v("parte.requisiti_patrocinio_stato")] } },
    ] });
    const r = evaluate(p, q(1000, { parti: [{ id: "A", ruolo: "istante", requisiti_patrocinio_stato: true }, { id: "B", ruolo: "invitata" }] }));
    expect(parte(r, "A").voci.map((x) => x.voce)).toEqual(["spese_mediazione_primo_incontro"]);
    expect(r.traccia).toContainEqual(expect.objectContaining({ regola: "esonero_patrocinio", cita: "art. 11 c. 14", esito: "eccezione prevale su spese_avvio" }));
  });
});

describe("fino a: un tetto discrezionale", () => {
  it("la voce è dovuta con imponibile nullo e il suo massimo, fuori dal totale; con importi_discrezionali = massimo vale il massimo", async () => {
    const { Catalog } = await import("./catalog.ts");
    const { evaluate } = await import("./evaluate.ts");
    const { reg, tariffa, variazione, eur, eq } = await import("./test-support/build.ts");
    const r = (alMassimo: boolean) => reg({
      id: "t",
      parametri: alMassimo ? { importi_discrezionali: { nome: "importi_discrezionali", valore: "massimo" } } : {},
      regole: [
        tariffa("spese_mediazione", { voce: "spese_mediazione", ivaPercento: 22, scaglioni: [{ importo: { tipo: "fisso", centesimi: eur(240) } }] }),
        variazione("aumento_successo", { segno: 1, finoA: true, base: "tabella", misura: { tipo: "frazione", num: 1, den: 4 }, su: ["spese_mediazione"], quando: eq("verbale.tipo", "accordo") }),
      ],
    });
    const q = { data: "2026-05-06", procedimento: { valore: 8000, parti: [{ id: "A", ruolo: "istante" as const }], eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }, { azione: "verbale", data: "2026-05-05", tipo: "accordo" }] } };
    for (const [alMassimo, imponibile, massimo, totale] of [[false, null, 60, 292.8], [true, 60, undefined, 366]] as const) {
      const c = new Catalog();
      c.add(r(alMassimo));
      const v = evaluate(c.prepared("t", {}), q).indennita.per_parte[0]!;
      const aumento = v.voci.find((x) => x.voce === "aumento_successo")!;
      expect([aumento.imponibile, aumento.massimo, v.totale]).toEqual([imponibile, massimo, totale]);
    }
  });
});
