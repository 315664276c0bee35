// Issue 12, item 7: a draft (an unpublished version) is the responsabile's work in progress; only
// the organismo's responsabile and the administrator read it. Before the fix, segreteria, mediator
// and party keys of the organismo read drafts (list, version, diff).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaServerReale, nomeDatabase, type ServerReale } from "./server-reale.ts";

let s: ServerReale;
const K: Record<string, string> = {};
const BOZZA = 'regolamento alfa "Organismo Alfa (prova)"\n  versione "segreta" in vigore dal 2040-01-01\n';

beforeAll(async () => {
  s = await avviaServerReale();
  K.responsabile = await s.chiave({ organismo: "alfa", ruolo: "responsabile" });
  K.segreteria = await s.chiave({ organismo: "alfa", ruolo: "segreteria" });
  K.mediatore = await s.chiave({ organismo: "alfa", ruolo: "mediatore", parte: "m1" });
  const p = await s.chiama("POST", "/v1/organismi/alfa/procedimenti", { chiave: K.segreteria, corpo: procedimentoDiProva() });
  K.parte = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "A", procedimento: p.json.id });
  K.altroResponsabile = await s.chiave({ organismo: "beta", ruolo: "responsabile" });
  const b = await s.chiama("POST", "/v1/organismi/alfa/regolamenti", { chiave: K.responsabile, testo: BOZZA });
  expect(b.status, b.testo).toBe(201);
});
afterAll(async () => {
  await s?.ferma();
});

const versioni = async (chiave?: string) =>
  ((await s.chiama("GET", "/v1/organismi/alfa/regolamenti", chiave ? { chiave } : {})).json as { versione: string }[]).map((v) => v.versione);

describe(`bozze leggibili solo dal responsabile e dall'amministratore (${nomeDatabase})`, () => {
  it("segreteria, mediatore, parte, altro organismo e anonimo non vedono la bozza: né nell'elenco, né da sola, né in un diff", async () => {
    for (const [chi, chiave] of [["segreteria", K.segreteria], ["mediatore", K.mediatore], ["parte", K.parte], ["altro organismo", K.altroResponsabile], ["anonimo", undefined]] as const) {
      expect(await versioni(chiave), chi).toEqual(["1"]);
      const una = await s.chiama("GET", "/v1/organismi/alfa/regolamenti/segreta", chiave ? { chiave } : {});
      expect(una.status, chi).toBe(404);
      expect(JSON.stringify(una.json)).not.toContain("2040-01-01");
      expect((await s.chiama("GET", "/v1/organismi/alfa/regolamenti/1/diff/segreta", chiave ? { chiave } : {})).status, chi).toBe(404);
    }
  });

  it("il responsabile dell'organismo e l'amministratore la leggono", async () => {
    for (const chiave of [K.responsabile!, s.env.REGOLAMENTO_ADMIN_KEY!]) {
      expect(await versioni(chiave)).toEqual(["1", "segreta"]);
      const una = await s.chiama("GET", "/v1/organismi/alfa/regolamenti/segreta", { chiave });
      expect(una.status).toBe(200);
      expect(una.json).toMatchObject({ stato: "bozza", in_vigore_dal: "2040-01-01" });
      expect((await s.chiama("GET", "/v1/organismi/alfa/regolamenti/1/diff/segreta", { chiave })).status).toBe(200);
    }
  });
});
