import { describe, expect, it } from "vitest";
import { compile, format } from "./index.ts";
import { senzaRighe } from "./test-utils.ts";
import { basiDi, testiReali } from "./test/testi-reali.ts";

describe("format", () => {
  it("lays out a file canonically (indentation per level, one clause per line, comments kept)", () => {
    const src = `# intestazione
regolamento prova "P" registro 12 versione 2024.1 in vigore dal 2024-01-01 applica dlgs-28-2010
articolo 5 "Titolo"   comma 4 "testo" # accanto al comma
vincolo v:   per designazione_mediatore quando mediatore.categoria=praticante_abilitato richiede valore<=25.000 €
# da sola
lettera b
termine t: entro 2 giorni lavorativi da designazione_mediatore salvo diverso accordo delle parti
articolo 2-bis
tariffa x iva 22%: fino a € 1.000: 40 € oltre: 0,20 % del valore indeterminato: da_determinare
`;
    expect(format(src).text).toBe(`# intestazione
regolamento prova "P"
  registro 12
  versione 2024.1 in vigore dal 2024-01-01
  applica dlgs-28-2010

articolo 5 "Titolo"
  comma 4 "testo" # accanto al comma
    vincolo v:
      per designazione_mediatore
      quando mediatore.categoria = praticante_abilitato
      richiede valore <= 25.000 €
    # da sola
    lettera b
      termine t:
        entro 2 giorni lavorativi da designazione_mediatore
        salvo diverso accordo delle parti

articolo 2 bis
  tariffa x iva 22%:
    fino a € 1.000: 40 €
    oltre: 0,20 % del valore
    indeterminato: da determinare
`);
  });
  it("keeps comments at the end of the file and inside statements", () => {
    const src = `regolamento p "P" versione 1 in vigore dal 2026-01-01
vincolo v:
  # perché vieta
  per adesione vieta
# fine`;
    const out = format(src).text!;
    expect(out).toContain("  # perché vieta\n  per adesione");
    expect(out.trimEnd().endsWith("# fine")).toBe(true);
    expect(format(out).text).toBe(out);
  });
  it("a comment closing a block keeps that block's level and stays before the blank line", () => {
    const src = `regolamento p "P" versione 1 in vigore dal 2026-01-01
articolo 1
  comma 1
    vincolo v: per adesione vieta
    # resto del comma non operativo
  comma 2
      # nota sul comma 2, scritta troppo a destra
articolo 2
`;
    expect(format(src).text).toBe(`regolamento p "P"
  versione 1 in vigore dal 2026-01-01

articolo 1
  comma 1
    vincolo v:
      per adesione
      vieta
    # resto del comma non operativo
  comma 2
    # nota sul comma 2, scritta troppo a destra

articolo 2
`);
  });
  it("breaks a long condition at its outermost connective, and a long parametro note onto its own line", () => {
    const lunga = "esiste deposito_domanda.elementi_mancanti";
    const src = `regolamento p "P" versione 1 in vigore dal 2026-01-01
  parametro x = vero "${"una nota lunga ".repeat(8)}"
vincolo v: per adesione quando ${lunga} o ${lunga} o ${lunga} vieta
`;
    const out = format(src).text!;
    expect(out).toContain(`  parametro x = vero\n    "una nota lunga`);
    expect(out).toContain(`  quando ${lunga}\n    o ${lunga}\n    o ${lunga}\n  vieta`);
    expect(format(out).text).toBe(out);
  });
  it("gives no text on syntax errors, with the diagnostics", () => {
    const r = format(`regolamento p "P" versione 1 in vigore dal 2026-01-01\nvincolo v per adesione vieta\n`);
    expect(r.text).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: "E001", line: 2 });
  });
  for (const { file, source } of testiReali()) {
    it(`${file}: format is idempotent and keeps the meaning and every comment`, () => {
      const a = format(source);
      expect(a.text).toBeDefined();
      expect(format(a.text!).text).toBe(a.text);
      const bases = basiDi(source);
      const prima = compile(source, bases ? { bases } : {});
      expect(prima.regolamento).toBeDefined();
      expect(senzaRighe(compile(a.text!, bases ? { bases } : {}).regolamento)).toEqual(senzaRighe(prima.regolamento));
      const commenti = (s: string) => (s.match(/#[^\n"]*$/gm) ?? []).length;
      expect(commenti(a.text!)).toBe(commenti(source));
    });
  }
});
