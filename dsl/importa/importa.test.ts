import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { importa } from "./index.ts";
import { unitaDichiarate } from "./unita.ts";
import { leggiStruttura } from "./struttura.ts";
import { importo, trovaTabelle } from "./tariffe.ts";
import { righePulite } from "./righe.ts";
import { check, compile, parse } from "../index.ts";
import { basiDi } from "../test/testi-reali.ts";

const file = (p: string) => readFileSync(fileURLToPath(new URL(`../../regolamenti/${p}`, import.meta.url)), "utf8");
const ORGANISMI = ["sondrio", "napoli", "maremma", "velletri", "645"] as const;

describe("importa: i cinque testi", () => {
  for (const id of ORGANISMI) {
    const r = importa(file(`testi/${id}.txt`), { id, inVigoreDal: "2026-01-01", origine: `regolamenti/testi/${id}.txt` });
    it(`${id}: ogni unità del regolamento scritto a mano è nello scheletro`, () => {
      const aMano = unitaDichiarate(parse(file(`${id}.regolamento`)).ast!);
      const scheletro = new Set(unitaDichiarate(parse(r.sorgente).ast!));
      expect(aMano.filter((u) => !scheletro.has(u))).toEqual([]);
    });
    it(`${id}: lo scheletro compila sulle basi nazionali, ogni comma è da codificare`, () => {
      const out = compile(r.sorgente, { bases: basiDi(r.sorgente) });
      expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(out.regolamento?.id).toBe(id);
      const commi = r.struttura.articoli.reduce((n, a) => n + a.commi.length, 0);
      expect(r.sorgente.split("# da codificare").length - 1).toBeGreaterThanOrEqual(commi);
      expect(r.copertura).toContain("codificate 0 (0%)");
    });
  }

  it("645: le due tabelle dell'Allegato I, con le righe da cui vengono", () => {
    const t = trovaTabelle(leggiStruttura(file("testi/645.txt")).righe);
    expect(t).toHaveLength(2);
    expect(t.map((x) => x.scaglioni.length)).toEqual([10, 10]);
    expect(t[0]!.scaglioni[0]).toEqual({ fino: 1000, importo: 43.33 });
    expect(t[0]!.scaglioni.at(-1)).toEqual({ importo: 4600 });
    expect(t[1]!.scaglioni[8]).toEqual({ fino: 5_000_000, importo: 10_000 });
    const righe = file("testi/645.txt").split("\n");
    expect(righe[t[1]!.dal - 1]).toMatch(/^Fino a Euro 1\.000: Euro 130/);
  });

  it("una bozza di tariffa, tolti i #, è una tariffa valida", () => {
    const r = importa(file("testi/645.txt"), { id: "x", inVigoreDal: "2026-01-01", origine: "645" });
    const bozza = r.sorgente.split("\n").filter((l) => /^\s*#\s{1,3}(tariffa|voce|fino a|oltre)/.test(l)).slice(0, 12).map((l) => l.replace(/^\s*#/, "    "));
    const src = `regolamento x "X"\n  versione 1 in vigore dal 2026-01-01\n\narticolo 1\n  comma 1\n${bozza.join("\n")}\n`;
    expect(check(src).filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("importa: come legge il testo", () => {
  it("un numero a inizio riga fuori sequenza, o un art. citato a capo, non aprono un'unità", () => {
    const s = leggiStruttura(["Art. 1 – Definizioni", "1. Primo comma che cita l'", "art. 2643 del codice civile e", "2643 altre parole.", "2. Secondo comma:", "a) prima lettera;", "b) seconda;", "Art. 2 AMBITO", "1. Uno."].join("\n"));
    expect(s.articoli.map((a) => [a.numero, a.titolo, a.commi.map((c) => [c.numero, c.lettere.length])])).toEqual([
      ["1", "Definizioni", [[1, 0], [2, 2]]],
      ["2", "Ambito", [[1, 0]]],
    ]);
    expect(s.articoli[0]!.commi[0]!.testo).toBe("Primo comma che cita l' art. 2643 del codice civile e 2643 altre parole.");
  });
  it("le parole spezzate a fine riga si ricompongono; indici e intestazioni ripetute cadono", () => {
    const testo = ["Art. 1 – Uno\tPag. 3", "Intestazione di pagina ripetuta", "Art. 1 – Uno", "1. La se -", "greteria decide.", "Intestazione di pagina ripetuta", "Intestazione di pagina ripetuta", "12"].join("\n");
    expect(righePulite(testo).map((r) => r.testo)).toEqual(["Art. 1 – Uno", "1. La se -", "greteria decide."]);
    expect(leggiStruttura(testo).articoli[0]!.commi[0]!.testo).toBe("La segreteria decide.");
  });
  it("gli importi come li scrivono i testi", () => {
    expect([importo("1.000"), importo("43.33"), importo("86,66"), importo("2.500.000"), importo("1.234,5")]).toEqual([1000, 43.33, 86.66, 2_500_000, 1234.5]);
  });
});
