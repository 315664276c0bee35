// A draft against an organismo's past procedures (issue 13 § 5; GET …/diff/{b}/casi): 500 procedures
// of Velletri (the route's bound), 7 events each, under the published version and a draft with other
// spese di avvio; every event replayed under both. `diff_casi_ms_500`: the median of 3 runs after one
// warm-up; `diff_casi_valutazioni`: the engine evaluations of one run (the work, for the reader).
import { readFileSync } from "node:fs";
import { compile } from "../dsl/index.ts";
import { loadAll } from "../regolamenti/load.ts";
import { diffCasi, preparatoreDi } from "../engine/analisi/diff-casi.ts";
import type { Caso } from "../engine/scenari.ts";

export async function bench(): Promise<Record<string, number | string>> {
  const { catalog } = await loadAll();
  const a = catalog.inForce("velletri", "2026-01-01")!;
  const src = readFileSync(new URL("../regolamenti/velletri.regolamento", import.meta.url), "utf8")
    .replace(/versione "[^"]+" in vigore dal \d{4}-\d{2}-\d{2}/, 'versione "bench" in vigore dal 2027-01-01')
    .replace("      fino a 250.000 €: 40 €\n", "      fino a 250.000 €: 60 €\n");
  const b = compile(src, { bases: catalog.bases(a, "2027-01-01") }).regolamento!;
  const casi: Caso[] = Array.from({ length: 500 }, (_, i) => {
    const g = (n: number) => `2026-${String(1 + (i % 9)).padStart(2, "0")}-${String(n).padStart(2, "0")}`;
    return {
      nome: `p${i}`, organismo: "velletri", data: g(28), atteso: {},
      procedimento: {
        materia: i % 2 ? "condominio" : "locazione", valore: 1000 + 997 * i,
        parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
        eventi: [
          { azione: "deposito_domanda", data: g(2), parte: "A" },
          { azione: "adesione", data: g(5), parte: "B" },
          { azione: "designazione_mediatore", data: g(6), ruolo: "segreteria", mediatore: { id: "m1", categoria: "avvocato" } },
          { azione: "accettazione_incarico", data: g(7), ruolo: "mediatore" },
          { azione: "primo_incontro", data: g(20), esito: "prosecuzione", presenti: ["A", "B"] },
          { azione: "incontro", data: g(25) },
          { azione: "verbale", data: g(27), tipo: i % 3 ? "mancato_accordo" : "accordo" },
        ],
      },
    };
  });
  const prepara = { a: preparatoreDi(a, catalog), b: preparatoreDi(b, catalog) };
  const corsa = () => diffCasi(prepara, casi, { ripercorri: true });
  const d = corsa();
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    corsa();
    t.push(performance.now() - t0);
  }
  t.sort((x, y) => x - y);
  // Per case: its state under both versions, then each event under both until one differs — here
  // none does (only fees change: checked), so all 7.
  if (d.cambiati.some((c) => c.esito)) throw new Error("bench diffcasi: un esito cambia, il conto delle valutazioni non vale");
  const valutazioni = casi.length * 2 * (1 + 7);
  return { diff_casi_ms_500: Math.round(t[1]!), diff_casi_valutazioni: valutazioni, diff_casi_cambiati: d.cambiati.length };
}
