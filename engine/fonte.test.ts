// Issue 15 § 1: two organismi whose rules are equal but for the organismo share their prepared rules
// (fonte.ts: the rules hold PROPRIA, the answer puts the organismo's id back), and each answer still
// cites its own organismo: had sharing leaked one organismo's id into the other's rules, the second
// answer would cite the first.
import { describe, expect, it } from "vitest";
import { Catalog } from "./catalog.ts";
import { evaluate } from "./evaluate.ts";
import { PROPRIA } from "./fonte.ts";
import { domandaDelCaso } from "./scenari.ts";
import { casiDegliScenari, conCondivisione } from "./test-support/condivisione.ts";
import { loadAll } from "../regolamenti/load.ts";
import type { Regolamento } from "./ir.ts";

/** A copy of a loaded version under another id (its rules' `fonte` too, as the compiler writes it). */
function sotto(r: Regolamento, id: string): Regolamento {
  return JSON.parse(JSON.stringify(r).replaceAll(`"fonte":"${r.id}"`, `"fonte":"${id}"`).replace(`"id":"${r.id}"`, `"id":"${id}"`)) as Regolamento;
}

describe("regole proprie condivise tra organismi uguali ma per l'id", () => {
  it("sono lo stesso oggetto, e ogni risposta cita il proprio organismo", async () => {
    const casi = await casiDegliScenari();
    const { catalog: semi } = await loadAll();
    const semiConCasi = [...new Set(casi.map((c) => String(c.organismo)))].filter((id) => semi.ids().includes(id) && semi.versions(id).every((v) => !v.id.includes("-")));
    const cat = new Catalog();
    for (const id of semi.ids()) for (const v of semi.versions(id)) cat.add(v);
    const uno = (id: string) => `uno-${id}`, due = (id: string) => `due-${id}`;
    for (const id of semiConCasi) for (const v of semi.versions(id)) { cat.add(sotto(v, uno(id))); cat.add(sotto(v, due(id))); }
    expect(semiConCasi.length).toBeGreaterThanOrEqual(4);

    let confrontate = 0, conFontePropria = 0, frasi = 0;
    for (const c of casi) {
      const id = String(c.organismo);
      if (!semiConCasi.includes(id)) continue;
      const q = domandaDelCaso(c);
      // Each copy's answer is the seed's, citing the copy instead of the seed (in fields and sentences).
      const seme = JSON.stringify(evaluate(cat.perDomanda(id, q), q));
      const comeSeme = (altro: string) => seme.replaceAll(`"${id}"`, `"${altro}"`).replaceAll(`, ${id})`, `, ${altro})`);
      const r1 = JSON.stringify(evaluate(cat.perDomanda(uno(id), q), q));
      const r2 = JSON.stringify(evaluate(cat.perDomanda(due(id), q), q));
      expect(r1).not.toContain(PROPRIA);
      expect(r1, c.nome).toBe(comeSeme(uno(id)));
      expect(r2, c.nome).toBe(comeSeme(due(id)));
      if (r1.includes(`"fonte":"${uno(id)}"`)) conFontePropria++;
      if (r1.includes(`, ${uno(id)})`)) frasi++; // a sentence quoting an own rule (a narrowed window, a conflict)
      confrontate++;
    }
    expect(confrontate).toBeGreaterThan(100);
    expect(conFontePropria).toBeGreaterThan(50);
    expect(frasi).toBeGreaterThan(0);

    let condivise = 0, conEccezioni = 0;
    for (const id of semiConCasi) {
      const p1 = cat.prepared(uno(id), {}), p2 = cat.prepared(due(id), {});
      const proprie2 = new Set(p2.regole);
      for (const pr of p1.regole) if (pr.r.fonte === PROPRIA && proprie2.has(pr)) condivise++;
      for (const pr of p1.regole) if (pr.eccezioni.length > 0 && proprie2.has(pr)) conEccezioni++;
      // And the indexes by action the engine reads on every question, with the candidates made from them.
      for (const k of ["definizioni", "vincoliPer", "terminiPer", "visibilita", "candidatePerFase"] as const) expect(p2[k], k).toBe(p1[k]);
      expect(p1.nomi.campiNoti).toBe(p2.nomi.campiNoti);
    }
    // The organismi's own rules are shared (not only the law's).
    expect(condivise).toBeGreaterThan(50);
    // Rules with exceptions too (the same exceptions, so the same variants).
    expect(conEccezioni).toBeGreaterThan(0);
  }, 120_000);

  it("senza condivisione le regole proprie tengono l'id, e le risposte sono le stesse", async () => {
    const casi = await casiDegliScenari();
    const risposte = (si: boolean) => conCondivisione(si, (catalog) => {
      const velletri = catalog.prepared("velletri", {});
      expect(velletri.regole.some((pr) => pr.r.fonte === PROPRIA)).toBe(si);
      return casi.filter((c) => c.organismo === "velletri").map((c) => JSON.stringify(evaluate(catalog.perDomanda("velletri", domandaDelCaso(c)), domandaDelCaso(c))));
    });
    const senza = await risposte(false), con = await risposte(true);
    expect(con.length).toBeGreaterThan(20);
    expect(con).toEqual(senza);
  }, 120_000);
});
