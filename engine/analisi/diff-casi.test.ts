// diffCasi with `ripercorri` (issue 13 § 5): a recorded procedure's events replayed under two
// versions; the first one they judge differently is its outcome change, with the denying rule.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../dsl/index.ts";
import { loadAll } from "../../regolamenti/load.ts";
import type { Caso } from "../scenari.ts";
import { evaluate } from "../evaluate.ts";
import { dataDiRiferimento, pendenzaDi } from "../catalog.ts";
import type { Domanda } from "../contract.ts";
import { diffCasi, preparatoreDi } from "./diff-casi.ts";
import { LAVORO } from "../storia.ts";

const { catalog } = await loadAll();
const pubblicata = catalog.inForce("velletri", "2026-03-02")!;
const src = readFileSync(new URL("../../regolamenti/velletri.regolamento", import.meta.url), "utf8")
  .replace(/versione "[^"]+" in vigore dal \d{4}-\d{2}-\d{2}/, 'versione "bozza" in vigore dal 2027-01-01')
  .replace("richiede esiste valore e valore <= 25.000 €", "richiede esiste valore e valore <= 15.000 €");
const bozza = compile(src, { bases: catalog.bases(pubblicata, "2027-01-01") }).regolamento!;
const prepara = { a: preparatoreDi(pubblicata, catalog), b: preparatoreDi(bozza, catalog) };

const caso = (valore: number): Caso => ({
  nome: `v${valore}`, organismo: "velletri", data: "2026-03-10", atteso: {},
  procedimento: {
    materia: "condominio", valore, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
    eventi: [
      { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
      { azione: "designazione_mediatore", data: "2026-03-03", ruolo: "segreteria", mediatore: { id: "p1", categoria: "praticante_abilitato" } },
      { azione: "adesione", data: "2026-03-05", parte: "B" },
    ],
  },
});

describe("diffCasi, ripercorri", () => {
  it("the first recorded event the draft would deny, with the rule; nothing for a value both allow", () => {
    const d = diffCasi(prepara, [caso(20000), caso(10000)], { ripercorri: true });
    expect([d.casi, d.invariati]).toEqual([2, 1]);
    expect(d.cambiati).toHaveLength(1);
    expect(d.cambiati[0]!.esito).toEqual({
      prima: "consentito", dopo: "negato", motivi_prima: expect.any(Array),
      motivi_dopo: ["praticanti_fino_a_25000 (art. 5 c. 4)"],
      evento: { indice: 1, azione: "designazione_mediatore", data: "2026-03-03" },
    });
  });

  it("replays a history in work linear in its events (each folded once per version, not the prefix re-read per event)", () => {
    // A long procedure both versions allow all along: its events are documents filed after the adesione.
    const lungo = (n: number): Caso => {
      const c = caso(10000);
      const documenti = Array.from({ length: n }, (_, i) => ({ azione: "deposito_documento", data: "2026-03-06", parte: "A", documento: `d${i}`, tipo: "sessione_comune" }));
      return { ...c, procedimento: { ...c.procedimento, eventi: [...c.procedimento.eventi!, ...documenti] } };
    };
    const visite = (n: number) => {
      const prima = LAVORO.eventi;
      const d = diffCasi(prepara, [lungo(n)], { ripercorri: true });
      expect(d.cambiati).toEqual([]);
      return LAVORO.eventi - prima;
    };
    const [v100, v400] = [visite(100), visite(400)];
    // Re-reading each prefix would make four times the events cost sixteen times the work.
    expect(v400).toBeLessThanOrEqual(4.4 * v100);
  });

  it("without it (scenario cases) a question without an action has no outcome to compare", () => {
    expect(diffCasi(prepara, [caso(20000)]).cambiati).toEqual([]);
  });
});

describe("preparatoreDi", () => {
  it("chooses the baselines as the catalogue does: the 2025 law for a 2024 procedure still pending (durata sei mesi)", () => {
    const sondrio = catalog.inForce("sondrio", "2024-11-05")!;
    const q: Domanda = {
      data: "2025-02-10",
      procedimento: {
        materia: "altro", valore: 10000, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
        eventi: [{ azione: "deposito_domanda", data: "2024-11-05", parte: "A" }, { azione: "primo_incontro", data: "2024-12-10", esito: "prosecuzione" }],
      },
    };
    const durata = (p: ReturnType<ReturnType<typeof preparatoreDi>>) => evaluate(p, q).scadenze.find((s) => s.nome === "durata_procedimento")?.entro;
    const prepara = preparatoreDi(sondrio, catalog);
    // regolamenti/normativa/scenari/durata.yaml, and what the catalogue itself answers.
    expect(durata(prepara(dataDiRiferimento(q), pendenzaDi(q)))).toBe("2025-05-05");
    expect(durata(catalog.perDomanda("sondrio", q))).toBe("2025-05-05");
    // Concluded before 25.1.2025: the 2023 text, three months.
    const conclusa: Domanda = { ...q, procedimento: { ...q.procedimento, eventi: [...q.procedimento.eventi!, { azione: "verbale", data: "2025-01-20", tipo: "mancato_accordo" }] } };
    expect(evaluate(prepara(dataDiRiferimento(conclusa), pendenzaDi(conclusa)), conclusa).scadenze.find((s) => s.nome === "durata_procedimento")?.entro).toBe("2025-02-05");
  });
});
