import { describe, expect, it } from "vitest";
import { Catalog, dataDiRiferimento, pendenzaDi } from "./catalog.ts";
import { reg } from "./test-support/build.ts";

const base = (v: string, dal: string) => reg({ id: "legge", versione: v, inVigoreDal: dal });
const org = (v: string, dal: string) => reg({ id: "org", versione: v, inVigoreDal: dal, applica: ["legge"] });

describe("Catalog", () => {
  const c = new Catalog();
  c.add(base("2", "2025-01-25"));
  c.add(base("1", "2023-02-28"));
  c.add(org("2024.1", "2024-01-01"));
  c.add(org("2026.1", "2026-01-01"));

  it("keeps versions oldest first and finds the one in force", () => {
    expect(c.versions("legge").map((r) => r.versione)).toEqual(["1", "2"]);
    expect(c.inForce("org", "2025-06-01")?.versione).toBe("2024.1");
    expect(c.inForce("org", "2026-01-01")?.versione).toBe("2026.1");
    expect(c.inForce("org", "2023-12-31")).toBeUndefined();
  });
  it("resolves bases by date (before the first version: the oldest)", () => {
    expect(c.bases(c.inForce("org", "2025-06-01")!, "2024-06-01").map((b) => b.versione)).toEqual(["1"]);
    expect(c.bases(c.inForce("org", "2025-06-01")!, "2025-06-01").map((b) => b.versione)).toEqual(["2"]);
    expect(c.bases(org("x", "2000-01-01"), "2001-01-01").map((b) => b.versione)).toEqual(["1"]);
  });
  it("prepares once per (id, versione, bases) and invalidates", () => {
    const p1 = c.prepared("org", { date: "2025-06-01" });
    expect(c.prepared("org", { date: "2025-07-01" })).toBe(p1);
    expect(p1.basi.map((b) => `${b.id}@${b.versione}`)).toEqual(["legge@2"]);
    expect(c.prepared("org", { date: "2024-06-01" })).not.toBe(p1);
    expect(c.prepared("org", { versione: "2026.1", date: "2026-02-01" }).versione).toBe("2026.1");
    c.invalidate("legge");
    expect(c.prepared("org", { date: "2025-06-01" })).not.toBe(p1);
  });
  it("says clearly what is unknown", () => {
    expect(() => c.prepared("nessuno", {})).toThrow(/sconosciuto: nessuno/);
    expect(() => c.prepared("org", { versione: "9" })).toThrow(/versione sconosciuta 9/);
    expect(() => c.prepared("org", { date: "2020-01-01" })).toThrow(/nessuna versione in vigore/);
  });
  it("re-adding a version replaces it; remove drops it", () => {
    const d = new Catalog();
    d.add(base("1", "2023-01-01"));
    d.add({ ...base("1", "2023-01-01"), nome: "nuovo" });
    expect(d.versions("legge").map((r) => r.nome)).toEqual(["nuovo"]);
    d.remove("legge", "1");
    expect(d.versions("legge")).toEqual([]);
  });
});

describe("dataDiRiferimento", () => {
  it("is the deposito_domanda date, else the question's date", () => {
    expect(dataDiRiferimento({ data: "2026-05-01", procedimento: { eventi: [{ azione: "adesione", data: "2026-03-05" }, { azione: "deposito_domanda", data: "2026-03-02T10:00:00" }] } })).toBe("2026-03-02");
    expect(dataDiRiferimento({ data: "2026-05-01", procedimento: {} })).toBe("2026-05-01");
    expect(dataDiRiferimento({ procedimento: { eventi: "x" } })).toBeUndefined();
  });
});

describe("a version that governs the procedures pending at its date", () => {
  const c = new Catalog();
  const pendenti = { applica_ai_procedimenti_pendenti: { nome: "applica_ai_procedimenti_pendenti", valore: true } };
  c.add(base("1", "2023-02-28"));
  c.add({ ...base("2", "2025-01-25"), parametri: pendenti });
  c.add(org("2024.1", "2024-01-01"));
  const basi = (date: string, q: Parameters<typeof pendenzaDi>[0]) => c.prepared("org", { date, pendenza: pendenzaDi(q) }).basi.map((b) => b.versione);
  const dep = { azione: "deposito_domanda", data: "2024-11-05" };

  it("judges a procedure filed before it and still pending on its date", () => {
    expect(basi("2024-11-05", { data: "2025-02-10", procedimento: { eventi: [dep] } })).toEqual(["2"]);
    expect(basi("2024-11-05", { data: "2025-02-10", procedimento: { eventi: [dep, { azione: "verbale", tipo: "prosecuzione", data: "2024-12-01" }] } })).toEqual(["2"]);
    expect(basi("2024-11-05", { data: "2025-02-10", procedimento: { eventi: [dep, { azione: "verbale", tipo: "mancato_accordo", data: "2025-01-25" }] } })).toEqual(["2"]);
  });
  it("not one concluded before its date, nor a question asked before it", () => {
    expect(basi("2024-11-05", { data: "2025-02-10", procedimento: { eventi: [dep, { azione: "verbale", tipo: "mancato_accordo", data: "2025-01-24" }] } })).toEqual(["1"]);
    expect(basi("2024-11-05", { data: "2025-02-10", procedimento: { eventi: [dep, { azione: "conclusione", data: "2025-01-10" }] } })).toEqual(["1"]);
    expect(basi("2024-11-05", { data: "2024-12-01", procedimento: { eventi: [dep] } })).toEqual(["1"]);
  });
  it("the choice kept per class of question is the one a fresh catalogue makes, on every day around the baselines' dates", () => {
    // Catalog.scelta keeps the baselines chosen per class (where the question's days fall among the
    // baselines' dates): one catalogue asked everything in turn must answer as a fresh one each time.
    const giorni = ["2023-02-27", "2023-02-28", "2023-03-01", "2025-01-24", "2025-01-25", "2025-01-26"];
    for (const deposito of giorni) for (const data of giorni) for (const concluso of [undefined, ...giorni]) {
      const q = { data, procedimento: { eventi: [{ azione: "deposito_domanda", data: deposito }, ...(concluso ? [{ azione: "conclusione", data: concluso }] : [])] } };
      const attesa = c.copia().perDomanda("org", q, "2024.1").basi.map((b) => b.versione);
      expect([deposito, data, concluso, c.perDomanda("org", q, "2024.1").basi.map((b) => b.versione)]).toEqual([deposito, data, concluso, attesa]);
    }
  });
  it("a later version without the clause does not reach back", () => {
    const d = new Catalog();
    d.add(base("1", "2023-02-28"));
    d.add(base("2", "2025-01-25"));
    d.add(org("2024.1", "2024-01-01"));
    expect(d.prepared("org", { date: "2024-11-05", pendenza: pendenzaDi({ data: "2025-02-10", procedimento: { eventi: [dep] } }) }).basi.map((b) => b.versione)).toEqual(["1"]);
  });
});
