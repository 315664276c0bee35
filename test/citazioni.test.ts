// Citations are the product: every denial cites, every rule cites, every rule is exercised by
// at least one scenario. The last check fails until the regolamenti's scenario suites cover
// every rule — intended: it lists what is not yet exercised.
import { describe, expect, it } from "vitest";
import { suite } from "./scenari/suite.ts";
import type { Regola } from "../engine/ir.ts";

const s = await suite();
const catalog = s.catalog;
const regole: Regola[] = catalog ? catalog.ids().flatMap((id) => catalog.versions(id).flatMap((r) => r.regole)) : [];
const key = (fonte: string, nome: string) => `${fonte}:${nome}`;

describe("citazioni", () => {
  it("the suite loaded", () => {
    expect(s.errore ?? "").toBe("");
    expect(s.casi.length).toBeGreaterThan(0);
  });

  it("every denial has at least one motivo with cita and fonte", () => {
    const bad = s.casi.filter(({ esito }) => esito.risposta?.esito === "negato" && !esito.risposta.motivi.some((m) => m.cita && m.fonte));
    expect(bad.map(({ file, caso }) => `${file} › ${caso.nome}`)).toEqual([]);
  });

  it("every rule of every compiled regolamento has a citation", () => {
    const senza = regole.filter((r) => !r.cita || !r.cita.trim()).map((r) => key(r.fonte, r.nome));
    expect(senza).toEqual([]);
  });

  it("every rule is exercised by at least one scenario", () => {
    const seen = new Set<string>();
    for (const { esito } of s.casi) {
      const r = esito.risposta;
      if (!r) continue;
      for (const m of r.motivi) seen.add(key(m.fonte, m.regola));
      for (const t of r.traccia) seen.add(key(t.fonte, t.regola));
      for (const sc of r.scadenze) for (const x of regole) if (x.tipo === "termine" && x.fonte === sc.fonte && x.scadenza === sc.nome) seen.add(key(x.fonte, x.nome));
      for (const pp of r.indennita.per_parte) for (const v of pp.voci) for (const x of regole) {
        if ((x.tipo === "tariffa" || x.tipo === "variazione") && x.fonte === v.fonte && x.voce === v.voce) seen.add(key(x.fonte, x.nome));
      }
      for (const e of r.effetti) for (const x of regole) if ((x.tipo === "effetto" && x.effetto === e.effetto || x.tipo === "termine" && x.inMancanza === e.effetto) && x.fonte === e.fonte) seen.add(key(x.fonte, x.nome));
    }
    const mai = [...new Set(regole.map((r) => key(r.fonte, r.nome)))].filter((k) => !seen.has(k)).sort();
    expect(mai, `regole mai esercitate da uno scenario (${mai.length}):\n${mai.join("\n")}`).toEqual([]);
  });
});
