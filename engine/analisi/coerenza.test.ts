import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compile } from "../../dsl/index.ts";
import { analizza } from "../../dsl/analizza.ts";
import { TESTA, TESTA_BASI } from "../../dsl/test-utils.ts";
import { loadAll } from "../../regolamenti/load.ts";
import { evaluate } from "../evaluate.ts";
import { prepare } from "../prepare.ts";
import { fromDay, toDay } from "../dates/calendar.ts";
import type { Regolamento, Tariffa } from "../ir.ts";
import { coerenza } from "./coerenza.ts";
import { eventiPrima, procedimentoBase } from "./domanda-base.ts";
import { verdetto, insieme } from "./condizioni.ts";

const codici = (r: Regolamento, bases: Regolamento[] = []) => coerenza(r, bases).rilievi.map((x) => `${x.codice}:${x.gravita}:${x.regola}`);
const compila = (corpo: string, testa = TESTA, bases?: Regolamento[]) => {
  const c = analizza(testa + corpo, bases ? { bases } : {});
  if (!c.regolamento) throw new Error(JSON.stringify(c.diagnostics));
  return c.regolamento;
};

/** The fee of a voce per party at a value, after a first meeting that went on (what a Responsabile would ask). */
function quota(reg: Regolamento, bases: Regolamento[], t: Tariffa, valore: number): number | null {
  const d0 = toDay("2026-03-04")!;
  const p = procedimentoBase(d0);
  p.valore = valore;
  if (t.tabella) p.tabella = { nome: t.tabella };
  p.eventi!.push(...(eventiPrima("formulazione_proposta", d0) ?? []));
  const r = evaluate(prepare(reg, bases), { data: fromDay(d0 + 26), procedimento: p });
  return r.indennita.per_parte[0]!.voci.find((v) => v.voce === t.voce)?.imponibile ?? null;
}

describe("il regolamento contro se stesso (issue 13 § 2)", () => {
  it("i cinque regolamenti e la normativa non hanno errori", async () => {
    const { catalog } = await loadAll();
    for (const id of catalog.ids())
      for (const r of catalog.versions(id)) expect(coerenza(r, catalog.bases(r, r.inVigoreDal)).rilievi.filter((x) => x.gravita === "errore"), `${id} ${r.versione}`).toEqual([]);
  });

  it("E100: un refuso in una tabella (645, 450 → 45) è una discesa tra scaglioni, e la valutazione la conferma", async () => {
    const { catalog } = await loadAll();
    const vero = catalog.versions("645").at(-1)!;
    const bases = catalog.bases(vero, vero.inVigoreDal);
    const src = readFileSync(new URL("../../regolamenti/645.regolamento", import.meta.url), "utf8").replace("fino a 10.000 €: 450 €", "fino a 10.000 €: 45 €");
    const rotto = analizza(src, { bases }).regolamento!;
    const { rilievi, salti } = coerenza(rotto, bases);
    const r = rilievi.find((x) => x.codice === "E100")!;
    expect(r.gravita).toBe("errore");
    expect(r.messaggio).toContain("a 5000 € la voce spese_mediazione costa 250 €, a 5000,01 € solo 45 €");
    expect(r.caso).toEqual({ valore: 5000.01 });
    // The jumps of that table, as `check --json` lists them.
    const t = rotto.regole.find((x): x is Tariffa => x.tipo === "tariffa" && x.nome === r.regola)!;
    expect(salti.filter((s) => s.regola === t.nome).slice(0, 3).map((s) => [s.limite, s.prima, s.dopo, s.differenza])).toEqual([[1000, 130, 250, 120], [5000, 250, 45, -205], [10000, 45, 700, 655]]);
    // Evaluation: the fee per party drops across the limit in the broken copy, not in the true one.
    expect([quota(rotto, bases, t, 5000), quota(rotto, bases, t, 5000.01)]).toEqual([250, 45]);
    expect(quota(vero, bases, t, 5000.01)).toBe(450);
    // The check reports it on the rule's line.
    expect(analizza(src, { bases }).diagnostics.filter((d) => d.code === "E100").map((d) => d.line)).toEqual([t.riga]);
  });

  it("E100: una discesa voluta, marcata nella nota, non è un errore", () => {
    const r = compila(`tariffa t iva 22%:\n  fino a 1.000 €: 100 €\n  oltre: 50 €\n  nota "decrescente: il testo riduce l'importo oltre 1.000 euro"\n`);
    expect(codici(r)).toEqual([]);
    expect(codici(compila(`tariffa t iva 22%:\n  fino a 1.000 €: 100 €\n  oltre: 50 €\n`))).toEqual(["E100:errore:t"]);
  });

  it("E101: scaglioni in euro interi scritti come condizioni lasciano scoperto 1.000,50 €", () => {
    const r = compila(`tariffa t1 iva 22%:\n  voce spese_mediazione\n  quando valore <= 1.000 €\n  60 €\ntariffa t2 iva 22%:\n  voce spese_mediazione\n  quando valore >= 1.001 €\n  120 €\n`);
    const x = coerenza(r).rilievi.find((x) => x.codice === "E101")!;
    expect(x.caso).toEqual({ valore: 1000.01 });
    expect(x.messaggio).toContain("1000,01 €");
    // Evaluation: no voce spese_mediazione at 1.000,50 €, one on either side.
    const fee = (v: number) => quota(r, [], r.regole[0] as Tariffa, v);
    expect([fee(1000), fee(1000.5), fee(1001)]).toEqual([60, null, 120]);
  });

  it("E102: due tariffe della stessa voce che si applicano allo stesso caso, con il caso", () => {
    const r = compila(`tariffa t1 iva 22%:\n  voce spese_mediazione\n  quando valore <= 5.000 €\n  60 €\ntariffa t2 iva 22%:\n  voce spese_mediazione\n  quando valore >= 1.000 €\n  120 €\n`);
    const x = coerenza(r).rilievi.find((x) => x.codice === "E102")!;
    expect(x.caso!.valore).toBeGreaterThanOrEqual(1000);
    expect(x.caso!.valore).toBeLessThanOrEqual(5000);
  });

  it("E110/E111/E112: condizioni mai vere (intervalli contraddittori, un valore fuori dal vocabolario) o sempre vere", () => {
    const r = compila([
      "vincolo v1: per adesione quando valore > 50.000 € e valore <= 25.000 € vieta",
      "vincolo v2: per adesione quando materia = condomino vieta",
      "vincolo v3: per adesione quando valore <= 1.000 € o valore > 500 € vieta",
      "vincolo v4: per adesione richiede valore > 1.000 € e valore < 1.000 €",
      "vincolo v5: per adesione quando materia = condominio richiede valore <= 25.000 €",
    ].join("\n") + "\n");
    expect(codici(r)).toEqual(["E110:errore:v1", "E110:errore:v2", "E111:avviso:v3", "E112:avviso:v4"]);
    expect(coerenza(r).rilievi[1]!.messaggio).toContain("'condomino' non è un valore di materia");
  });

  it("E113: due eccezioni alla stessa regola che si applicano insieme, con il caso", () => {
    const r = compila(`vincolo v: per adesione vieta\neccezione x1 a v: quando materia = condominio\neccezione y1 a v: quando valore <= 1.000 €\neccezione z1 a v: quando materia = locazione\n`);
    const e = coerenza(r).rilievi.filter((x) => x.codice === "E113");
    expect(e.map((x) => x.messaggio.slice(0, 30))).toEqual(["le eccezioni 'x1' e 'y1' a 'v'", "le eccezioni 'y1' e 'z1' a 'v'"]);
    expect(e[0]!.caso).toMatchObject({ materia: "condominio" });
  });

  it("E120: una finestra vuota sotto i limiti della legge; E121: un'ancora che non può precedere", () => {
    const legge = compila(`procedura\n  fase aperta iniziale\n  fase chiusa finale\ntermine primo_incontro: non prima di 20 giorni da deposito_domanda per primo_incontro\n`, `regolamento dlgs-28-2010 "L"\n  versione 1 in vigore dal 2020-01-01\n`);
    const org = compila(`termine primo_incontro_breve: entro 10 giorni da deposito_domanda per primo_incontro\n  scadenza primo_incontro\n`, TESTA_BASI, [legge]);
    expect(codici(org, [legge])).toEqual(["E120:errore:primo_incontro_breve"]);
    const fasi = `procedura\n  fase aperta iniziale\n  fase in_corso\n  fase chiusa finale\nazione adesione:\n  da invitata\n  in fase aperta\n  porta a in_corso\nazione verbale:\n  da mediatore\n  in fase in_corso\n  porta a chiusa\n`;
    expect(codici(compila(`${fasi}termine t: entro 10 giorni da verbale per adesione\n`))).toEqual(["E121:avviso:t"]);
    expect(codici(compila(`${fasi}termine t: entro 10 giorni da adesione per verbale\n`))).toEqual([]);
  });
});

describe("condizioni decise per valutazione", () => {
  it("mai, sempre, dipende, ignoto", () => {
    expect(verdetto({ and: [{ ">": [{ var: "valore" }, 10] }, { "<": [{ var: "valore" }, 5] }] }).tipo).toBe("mai");
    expect(verdetto({ or: [{ ">": [{ var: "valore" }, 10] }, { "<=": [{ var: "valore" }, 10] }] }).tipo).toBe("sempre");
    expect(verdetto({ "==": [{ var: "materia" }, "condominio"] }).tipo).toBe("dipende");
    expect(verdetto({ some: [{ var: "parti" }, { var: "avvocato" }] }).tipo).toBe("ignoto");
    // a part that cannot be sampled does not hide a contradiction beside it
    expect(verdetto({ and: [{ some: [{ var: "parti" }, { var: "avvocato" }] }, { "==": [{ var: "tipo" }, "nessuno"] }] }).tipo).toBe("mai");
    expect(insieme([{ "<=": [{ var: "valore" }, 10] }, { ">": [{ var: "valore" }, 10] }])).toBe("mai");
  });
});
