// A prepared version holds its IR's identity, not the IR (issue 15 § 1: ≈ 88 kB of heap per version
// at 1,000 organismi); what needs the rules reads them from the catalogue.
import { describe, expect, it } from "vitest";
import { prepare } from "./prepare.ts";
import { loadAll } from "../regolamenti/load.ts";
import type { Regolamento } from "./ir.ts";
import { raggiungibili } from "./test-support/raggiungibili.ts";

const { catalog } = await loadAll();

describe("a prepared version holds its IR's identity only", () => {
  for (const id of ["645", "velletri"]) {
    it(`${id}: neither the IR nor its list of rules is reachable from the prepared version`, () => {
      const data = "2026-03-02";
      // As the server reads it: an IR of its own, not the catalogue's object.
      const ir = JSON.parse(JSON.stringify(catalog.inForce(id, data))) as Regolamento;
      const p = prepare(ir, catalog.bases(ir, data));
      expect(p.regolamento).toEqual({ id: ir.id, versione: ir.versione, inVigoreDal: ir.inVigoreDal });
      const visti = raggiungibili(p);
      expect(visti.has(ir)).toBe(false);
      expect(visti.has(ir.regole)).toBe(false);
      expect(visti.has(ir.parametri)).toBe(false);
    });
  }
});
