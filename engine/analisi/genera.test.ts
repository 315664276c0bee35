import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { Catalog } from "../catalog.ts";
import { eseguiCaso, type Caso } from "../scenari.ts";
import { FASI, eq, eur, g, reg, tariffa, termine, v, vincolo } from "../test-support/build.ts";
import { generaScenari } from "./genera.ts";
import { soglieDi } from "./soglie.ts";
import { loadAll } from "../../regolamenti/load.ts";

function catalogo(): Catalog {
  const c = new Catalog();
  c.add(reg({
    id: "prova",
    fasi: FASI,
    parametri: { proroga_termini_festivi: { nome: "proroga_termini_festivi", valore: true } },
    regole: [
      vincolo("praticanti_fino_a_25000", { cita: "art. 5 c. 4", azioni: ["designazione_mediatore"], quando: eq("azione.mediatore.categoria", "praticante_abilitato"), richiede: { "<=": [v("valore"), 25000] } }),
      termine("adesione", { cita: "art. 3 c. 2", ancora: { evento: "deposito_domanda", verso: "da" }, entro: g(15), per: [{ azione: "adesione" }] }),
      tariffa("spese_mediazione", { cita: "art. 11", voce: "spese_mediazione", ivaPercento: 22, scaglioni: [{ fino: eur(1000), importo: { tipo: "fisso", centesimi: eur(65) } }, { importo: { tipo: "fisso", centesimi: eur(130) } }] }),
    ],
  }));
  return c;
}

describe("genera-scenari", () => {
  const casi = generaScenari(catalogo(), "prova");
  const per = (re: RegExp) => casi.filter((c) => re.test(c.nome));

  it("una soglia di valore: il limite e un centesimo per parte, con l'esito del motore", () => {
    const s = per(/designazione_mediatore con valore/);
    expect(s.map((c) => [c.procedimento.valore, c.atteso.esito])).toEqual([[24999.99, "consentito"], [25000, "consentito"], [25000.01, "negato"]]);
    expect(s.every((c) => (c.azione?.mediatore as { categoria?: string })?.categoria === "praticante_abilitato")).toBe(true);
    expect(s[2]!.atteso.cita).toBe("art. 5 c. 4");
    expect(s[2]!.perche).toContain("praticanti_fino_a_25000");
  });

  it("un termine: il penultimo, l'ultimo e il giorno dopo; un ultimo giorno spostato da un festivo; una chiusura", () => {
    const t = per(/^adesione il /);
    // Filed Wednesday 4 March 2026: day 15 is Thursday 19 March.
    expect(t.slice(0, 3).map((c) => [c.azione?.data, c.atteso.esito])).toEqual([["2026-03-18", "consentito"], ["2026-03-19", "consentito"], ["2026-03-20", "negato"]]);
    const festivo = t.find((c) => /spostato da un festivo/.test(c.nome))!;
    expect(festivo.atteso.esito).toBe("consentito");
    const chiusura = t.filter((c) => /chiusura/.test(c.nome));
    expect(chiusura.map((c) => [c.azione?.data, c.atteso.esito])).toEqual([["2026-03-26", "consentito"], ["2026-03-27", "negato"]]);
  });

  it("una tabella: ogni limite di scaglione e un centesimo per parte", () => {
    const f = per(/^spese_mediazione a /);
    expect(f.map((c) => [c.procedimento.valore, c.atteso.indennita?.per_parte?.[0]?.totale])).toEqual([[999.99, 79.3], [1000, 79.3], [1000.01, 158.6]]);
  });

  it("ogni caso è da verificare e, scritto in YAML e riletto, passa (l'atteso è la risposta del motore)", () => {
    const c = catalogo();
    const riletti = parse(stringify(casi)) as Caso[];
    expect(riletti.length).toBe(casi.length);
    expect(riletti.every((x) => x.da_verificare === true)).toBe(true);
    expect(riletti.flatMap((x) => eseguiCaso(c, x).differenze)).toEqual([]);
  });

  it("sui cinque regolamenti: casi per ognuno, e tutti passano", async () => {
    const { catalog } = await loadAll();
    for (const id of ["sondrio", "napoli", "maremma", "velletri", "645"]) {
      const g = generaScenari(catalog, id);
      expect(g.length, id).toBeGreaterThan(30);
      expect(g.flatMap((x) => eseguiCaso(catalog, parse(stringify(x)) as Caso).differenze), id).toEqual([]);
    }
  });
});

describe("soglieDi", () => {
  it("legge confronti numerici (anche rovesciati), uguaglianze, elenchi e negazioni; non dentro i quantificatori", () => {
    const s = soglieDi({ and: [{ ">": [100, v("valore")] }, eq("materia", "condominio"), { "!": { in: [v("tipo"), ["obbligatoria", "demandata"]] } }, { some: [v("parti"), eq("ruolo", "istante")] }] });
    expect(s.numeriche).toEqual([{ path: "valore", valore: 100, op: "<" }]);
    expect(s.uguaglianze).toEqual([{ path: "materia", valori: ["condominio"], negata: false }, { path: "tipo", valori: ["obbligatoria", "demandata"], negata: true }]);
  });
});
