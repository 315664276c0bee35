import { describe, expect, it } from "vitest";
import type { Regolamento } from "../../engine/ir.ts";
import { contesto, inProsa, proposte } from "./completamento.ts";

const TESTO = `articolo 5 "Funzioni"\n  comma 4\n    vincolo praticanti: per designazione_mediatore richiede valore <= 25000\n`;

const BASE: Regolamento = {
  id: "dlgs-28-2010", nome: "D.Lgs. 28/2010", versione: "1", inVigoreDal: "2023-06-30", applica: [], parametri: {},
  calendario: { festivi: [], chiusure: [] }, fasi: [], struttura: [],
  regole: [{ tipo: "effetto", nome: "tentativo_fallito", fonte: "dlgs-28-2010", cita: "art. 5 c. 4", effetto: "tentativo_fallito", perParte: false }],
};

describe("inProsa", () => {
  it("is true inside comments and quoted texts, also across lines, false in the rules", () => {
    const t = 'comma 1 "il testo\ncontinua \\" qui" vincolo x: # nota\n  per y';
    const a = (pezzo: string) => inProsa(t, t.indexOf(pezzo));
    expect(a("testo")).toBe(true);
    expect(a("continua")).toBe(true);
    expect(a("qui")).toBe(true);
    expect(a("vincolo")).toBe(false);
    expect(a("nota")).toBe(true);
    expect(a("per")).toBe(false);
  });
});

describe("contesto", () => {
  it("reads what the words before the cursor ask for", () => {
    expect(contesto("    per desi")).toBe("azione");
    expect(contesto("    per deposito_domanda, ade")).toBe("azione");
    expect(contesto("    quando materia = resp")).toBe("valore");
    expect(contesto("    quando tipo in [obbligatoria, dem")).toBe("valore");
    expect(contesto("eccezione x a ")).toBe("regola");
    expect(contesto("    vinc")).toBe("libero");
  });
});

describe("proposte", () => {
  const tutte = proposte(TESTO, "    vinc", [BASE]);
  it("offers keywords, actions, facts, values, rules and articles of the file", () => {
    const per = (g: string) => tutte.filter((p) => p.genere === g).map((p) => p.etichetta);
    expect(per("parola")).toContain("vincolo");
    expect(per("azione")).toContain("designazione_mediatore");
    expect(per("fatto")).toContain("valore");
    expect(per("valore")).toContain("responsabilita_medica");
    expect(per("regola")).toEqual(expect.arrayContaining(["praticanti", "tentativo_fallito"]));
    expect(per("articolo")).toEqual(["articolo 5"]);
  });

  it("sorts the kinds the context asks for first", () => {
    const ordina = (ps: ReturnType<typeof proposte>) => [...ps].sort((a, b) => a.ordine.localeCompare(b.ordine));
    expect(ordina(proposte(TESTO, "per ", [BASE]))[0]?.genere).toBe("azione");
    expect(ordina(proposte(TESTO, "materia = ", [BASE]))[0]?.genere).toBe("valore");
    expect(ordina(proposte(TESTO, "vin", [BASE]))[0]?.genere).toBe("parola");
  });

  it("after a dot offers only the fields of what precedes it", () => {
    const testo = `${TESTO}\n  parametro soglia = 3\n  insieme richiedenti: parti di richiesta_proposta\n`;
    const campi = (prima: string) => proposte(testo, prima, [BASE]).map((p) => p.etichetta);
    expect(campi("quando azione.mediatore.cat")).toEqual(["id", "categoria", "dichiarazione_imparzialita", "responsabile_organismo"]);
    expect(campi("quando primo_incontro.")).toContain("esito");
    expect(campi("quando parte.")).toContain("requisiti_patrocinio_stato");
    expect(campi("quando richiedenti.")).toEqual(["parti", "numero", "tutte"]);
    expect(campi("quando parametri.")).toEqual(["soglia"]);
    expect(campi("quando conteggio.")).toContain("incontro");
    expect(proposte(testo, "quando parte.", [BASE]).every((p) => p.genere === "campo")).toBe(true);
  });

  it("qualifies a baseline's rule with its source where a reference is expected", () => {
    const p = proposte(TESTO, "eccezione x a ", [BASE]).find((x) => x.etichetta === "tentativo_fallito" && x.genere === "regola");
    expect(p?.inserisci).toBe("tentativo_fallito di dlgs-28-2010");
  });
});
