import { describe, expect, it } from "vitest";
import { check, compile, format, parse } from "./index.ts";
import { TESTA } from "./test-utils.ts";

const sintassi = (src: string) => check(src).filter((d) => d.code === "E001");

describe("error recovery and hand-written messages", () => {
  it("three mistakes, three diagnostics, each with line:col, in one pass", () => {
    const src = `${TESTA}articolo 1
  comma 1
    vincolo senza_due_punti
      per adesione vieta
    termine senza_unita: entro 7 da deposito_domanda
    tariffa senza_euro iva 22%: fino a 10 €: 5 € oltre: 7
    vincolo ok: per adesione vieta
`;
    const ds = sintassi(src);
    expect(ds.map((d) => [d.line, d.col])).toEqual([[6, 7], [7, 34], [8, 57]]);
    expect(ds[0]!.message).toBe("atteso ':' dopo il nome della regola 'senza_due_punti', trovato 'per'");
    expect(ds[1]!.message).toBe("atteso la durata del termine (es. '7 giorni', '5 giorni lavorativi', '3 mesi'), trovato 'da'");
    expect(ds[2]!.message).toContain("atteso un importo");
    expect(ds.every((d) => d.severity === "error" && d.endLine >= d.line)).toBe(true);
    // the statement after the mistakes is still parsed
    const { ast } = parse(src);
    expect(JSON.stringify(ast)).toContain('"testo":"ok"');
  });
  it("an insieme with no sources before 'tranne' is an error, not a crash (found by the token-mutation property)", () => {
    const src = `${TESTA}articolo 1\n  comma 1\n    insieme gruppo:\n      parti di tranne parti di adesione\n`;
    expect(() => check(src)).not.toThrow();
    expect(check(src).some((d) => d.severity === "error" && d.line === 6)).toBe(true);
    expect(compile(src).regolamento).toBeUndefined();
  });
  it("a keyword is not a rule name", () => {
    const [d] = sintassi(`${TESTA}vincolo per: per adesione vieta\n`);
    expect(d).toMatchObject({ line: 3, col: 9, message: expect.stringContaining("'per' è una parola chiave") });
  });
  it("capitalised keywords, '==', '&&', unclosed quotes, curly quotes get a hint", () => {
    expect(sintassi(`${TESTA}Articolo 1\n`)[0]!.message).toContain("minuscolo: 'articolo'");
    expect(sintassi(`${TESTA}vincolo v: per adesione richiede valore == 3\n`)[0]!.message).toContain("un solo '='");
    expect(sintassi(`${TESTA}vincolo v: per adesione richiede valore > 3 && tipo = x\n`)[0]!.message).toContain("scrivi 'e'");
    expect(sintassi(`${TESTA}articolo 1 "titolo\n`)[0]!.message).toContain("virgolette non chiuse");
    expect(sintassi(`${TESTA}articolo 1 “titolo”\n`)[0]!.message).toContain("virgolette dritte");
  });
  it("header problems", () => {
    expect(sintassi("")[0]!.message).toContain("deve cominciare con l'intestazione");
    expect(sintassi(`regolamento prova\n  versione 1 in vigore dal 2026-01-01\n`)[0]).toMatchObject({ line: 2, col: 3, message: expect.stringContaining("nome dell'organismo") });
  });
  it("a condition alone must be a fact or a comparison", () => {
    expect(sintassi(`${TESTA}vincolo v: per adesione richiede 3\n`)[0]!.message).toContain("una condizione da sola");
  });
  it("diagnostics at the end of input point after the last token", () => {
    const [d] = sintassi(`${TESTA}vincolo v: per`);
    expect(d).toMatchObject({ line: 3, col: 15 });
  });
  it("with syntax errors, the rest of the file is still checked for meaning, without echoes", () => {
    const ds = check(`${TESTA}vincolo rotto: per adesione richiede valore <=\nvincolo altro: per adesone vieta\n`);
    expect(ds.map((d) => [d.code, d.line])).toEqual([["E001", 4], ["E010", 4]]);
    const ds2 = check(`${TESTA}vincolo rotto: per adesione richiede\n\nvincolo altro: per adesone vieta\n`);
    expect(ds2.map((d) => d.code)).toEqual(["E001", "E010"]); // no E002 for the broken statement
  });
  it("deep nesting is refused with a diagnostic, never a stack overflow", () => {
    for (const n of [1_000, 50_000]) {
      const parentesi = `${TESTA}vincolo v: per adesione richiede ${"(".repeat(n)}valore > 1${")".repeat(n)}\n`;
      const negazioni = `${TESTA}vincolo v: per adesione richiede ${"non ".repeat(n)}valore > 1\n`;
      for (const src of [parentesi, negazioni]) {
        expect(check(src)[0]?.message).toContain("troppo annidata");
        expect(compile(src).regolamento).toBeUndefined();
        expect(format(src).text).toBeUndefined();
      }
    }
    // within the limit it parses
    expect(check(`${TESTA}vincolo v: per adesione richiede ${"(".repeat(60)}valore > 1${")".repeat(60)}\n`)).toEqual([]);
  });
  it("long flat conditions are fine (linear)", () => {
    const src = `${TESTA}vincolo v: per adesione richiede ${"valore > 1 e ".repeat(5_000)}vero\n`;
    expect(compile(src).regolamento?.regole[0]).toMatchObject({ richiede: { and: expect.any(Array) } });
  });
  it("names say what they name", () => {
    const msg = (corpo: string) => sintassi(`${TESTA}${corpo}\n`)[0]?.message;
    expect(msg("vincolo: per adesione vieta")).toContain("atteso il nome della regola");
    expect(msg("vincolo v: per adesione, vieta")).toContain("atteso il nome di un'azione");
    expect(msg("termine t: entro 7 giorni da")).toContain("atteso l'evento da cui decorre il termine");
    expect(msg("articolo 5 comma")).toContain("atteso il numero del comma");
    expect(msg("vincolo v: per adesione richiede valore => 3")).toContain("forse intendevi '>='?");
    expect(msg("vincolo v: per adesione richiede valore <= 3 euro")).toContain("scrivi '€'");
  });
  it("a file full of errors stops at 100 diagnostics, in bounded time", () => {
    const riga = "vincolo v: per adesione richiede valore <= 1.0000 €\n";
    const src = TESTA + riga.repeat(5_000);
    const t0 = performance.now();
    const ds = check(src);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(ds.length).toBeLessThanOrEqual(110);
    expect(ds[ds.length - 1]!.message).toContain("l'analisi si ferma qui");
  });
});
