// What a prepared version holds of its own (issue 15 § 1): a register of organismi on the same law
// and the same templates shares its prepared rules, conditions and indexes; each version adds only
// what differs. Counted in objects reachable from one variant's prepared version and not from
// another's, so a per-version structure that grows with the rules shows here, not only in the bench's RSS.
import { describe, expect, it } from "vitest";
import { prepare } from "./prepare.ts";
import { loadAll } from "../regolamenti/load.ts";
import type { Regolamento } from "./ir.ts";
import { raggiungibili } from "./test-support/raggiungibili.ts";

const { catalog } = await loadAll();

/** The version under another id, as a register's variant: same text, another organismo. */
function variante(r: Regolamento, id: string): Regolamento {
  const json = JSON.stringify(r).replaceAll(`"${r.id}"`, `"${id}"`);
  return JSON.parse(json) as Regolamento;
}

describe("una versione preparata tiene di suo solo ciò che la distingue", () => {
  for (const id of ["645", "napoli", "velletri"]) {
    it(`${id}: una variante con un altro id aggiunge poche decine di oggetti, non una struttura per regola`, () => {
      const data = "2026-03-02";
      const ir = catalog.inForce(id, data)!;
      const basi = catalog.bases(ir, data);
      const a = prepare(variante(ir, `${id}-a`), basi);
      const b = prepare(variante(ir, `${id}-b`), basi);
      const diA = raggiungibili(a);
      const propri = [...raggiungibili(b)].filter((x) => !diA.has(x));
      const regole = b.regole.length;
      // The prepared object, its identity, its own lists (of shared rules) and maps: 58–72 objects on
      // the seeds, whatever the number of rules. The index by rule name it held (`perNome`, ≈ 24 kB a
      // version at 1,000 organismi) added a map and an array per name: 150–170 objects here.
      expect(regole).toBeGreaterThan(80);
      expect(propri.length, `${propri.length} oggetti propri su ${regole} regole`).toBeLessThan(100);
    });
  }
});
