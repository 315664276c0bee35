import { describe, expect, it } from "vitest";
import { diff } from "./diff.ts";
import { reg, termine, tariffa, eccezione, vincolo, eur, g, v, eq } from "./test-support/build.ts";
import type { Regolamento } from "./ir.ts";

const fee = (importi: number[]) => tariffa("spese_mediazione", { fonte: "velletri", cita: "art. 11 c. 2", scaglioni: [
  { fino: eur(25000), importo: { tipo: "fisso", centesimi: eur(importi[0]!) } },
  { fino: eur(50000), importo: { tipo: "fisso", centesimi: eur(importi[1]!) } },
  { importo: { tipo: "fisso", centesimi: eur(importi[2]!) } }] });
const rp = (giorni: number, cita: string) => termine("risposta_proposta", { fonte: "velletri", cita, ancora: { evento: "formulazione_proposta", verso: "da" }, entro: g(giorni), per: [{ azione: "risposta_proposta" }], ciascunaParte: true });

const a: Regolamento = reg({ id: "velletri", versione: "2023", inVigoreDal: "2023-01-01", regole: [
  rp(7, "art. 8 c. 9"), fee([360, 400, 1000]),
  vincolo("praticanti", { fonte: "velletri", cita: "art. 5 c. 4", azioni: ["designazione_mediatore"], richiede: { "<=": [v("valore"), 25000] } }),
  eccezione("vecchia", { fonte: "velletri", cita: "art. 9", a: { nome: "x" }, quando: eq("materia", "condominio") }),
], parametri: { sabato_lavorativo: { nome: "sabato_lavorativo", valore: false } } });

const b: Regolamento = reg({ id: "velletri", versione: "2024.1", inVigoreDal: "2024-01-01", regole: [
  rp(10, "art. 8 c. 9"), fee([360, 720, 1000]),
  vincolo("praticanti", { fonte: "velletri", cita: "art. 5 c. 4", azioni: ["designazione_mediatore"], richiede: { "<=": [v("valore"), 50000] } }),
  eccezione("proposta_su_richiesta_di_una_parte", { fonte: "velletri", cita: "art. 9 c. 1", a: { nome: "proposta_su_richiesta_congiunta", fonte: "dlgs-28-2010" }, quando: eq("materia", "responsabilita_medica") }),
], parametri: { sabato_lavorativo: { nome: "sabato_lavorativo", valore: true, cita: "art. 3" } },
  fasi: [{ nome: "sospesa", iniziale: false, finale: false, cita: "art. 4" }],
  calendario: { festivi: [{ data: "06-29", nome: "patrono" }], chiusure: [{ dal: "2024-08-10", al: "2024-08-25", nome: "ferie" }] } });

describe("diff", () => {
  const changes = diff(a, b);
  const d = changes.map((c) => c.descrizione);
  it("says a term changed the way a lawyer reads it, with both citations", () => {
    expect(d).toContain("risposta_proposta: 7 → 10 giorni (art. 8 c. 9)");
    expect(changes.find((c) => c.regola === "risposta_proposta")).toMatchObject({ kind: "modificata", tipo: "termine", cita_prima: "art. 8 c. 9", cita_dopo: "art. 8 c. 9", fonte: "velletri" });
  });
  it("names the bracket whose amount changed", () => {
    expect(d).toContain("spese_mediazione scaglione 25.000–50.000: € 400 → € 720 (art. 11 c. 2)");
    expect(d.filter((x) => x.startsWith("spese_mediazione scaglione"))).toHaveLength(1);
  });
  it("shows a changed guard, a new and a removed exception", () => {
    expect(d).toContain("praticanti: richiede valore ≤ 25.000 → valore ≤ 50.000 (art. 5 c. 4)");
    expect(d.find((x) => x.startsWith("nuova eccezione proposta_su_richiesta_di_una_parte"))).toMatch(/a proposta_su_richiesta_congiunta di dlgs-28-2010 quando materia = responsabilita_medica \(art\. 9 c\. 1\)/);
    expect(changes.find((c) => c.regola === "vecchia")).toMatchObject({ kind: "rimossa", cita_prima: "art. 9" });
  });
  it("covers parameters, phases, calendar and version", () => {
    expect(d).toContain("parametro sabato_lavorativo: false → true (art. 3)");
    expect(d).toContain("nuova fase sospesa");
    expect(d).toContain("nuova chiusura 2024-08-10 – 2024-08-25 (ferie)");
    expect(d).toContain("nuovo festivo 06-29 (patrono)");
    expect(changes.find((c) => c.tipo === "intestazione")?.descrizione).toMatch(/2023 .* → 2024\.1/);
  });
  it("a regolamento has no differences from itself; only the text changed says so", () => {
    expect(diff(a, a)).toEqual([]);
    const t = { ...a, regole: a.regole.map((r) => (r.nome === "praticanti" ? { ...r, testo: "nuovo testo" } : r)) };
    expect(diff(a, t).map((c) => c.descrizione)).toEqual(["praticanti: testo modificato (art. 5 c. 4)"]);
  });
});

describe("diff between two organismi", () => {
  it("does not report a rule as changed only because its file is another's", () => {
    const t = (fonte: string) => ({ tipo: "termine" as const, nome: "primo_incontro", fonte, cita: "art. 5 c. 5", scadenza: "primo_incontro",
      ancora: { evento: "deposito_domanda", verso: "da" as const }, entro: { quantita: 40, unita: "giorni" as const }, per: [], salvoAccordo: true, ciascunaParte: false, sospesoDaChiusure: true });
    const a = reg({ id: "napoli", regole: [t("napoli")] }), b = reg({ id: "maremma", regole: [t("maremma")] });
    expect(diff(a, b).filter((c) => c.regola === "primo_incontro")).toEqual([]);
  });
});
