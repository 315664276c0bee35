// Issue 12, item 5: a party key reads and acts only on the procedures it is bound to. Two disputes
// of one organismo whose parties both use the label "A": before the fix, the key issued to dispute
// 1's "A" read, listed the events of, and acted on dispute 2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaServerReale, nomeDatabase, type ServerReale } from "./server-reale.ts";

let s: ServerReale;
let segreteria: string;
let uno: string;
let due: string;
const idChiave = (k: string) => k.split(".").slice(0, 2).join(".");

beforeAll(async () => {
  s = await avviaServerReale();
  segreteria = await s.chiave({ organismo: "alfa", ruolo: "segreteria" });
  const apri = async () => {
    const r = await s.chiama("POST", "/v1/organismi/alfa/procedimenti", { chiave: segreteria, corpo: procedimentoDiProva() });
    expect(r.status, r.testo).toBe(201);
    return r.json.id as string;
  };
  uno = await apri();
  due = await apri();
});
afterAll(async () => {
  await s?.ferma();
});

describe(`chiavi di parte legate ai procedimenti (${nomeDatabase})`, () => {
  it("la chiave della parte A del procedimento 1 non legge né agisce sul procedimento 2, dove un'altra parte si chiama A", async () => {
    const a1 = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "A", procedimento: uno });
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${uno}`, { chiave: a1 })).status).toBe(200);
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${uno}/eventi`, { chiave: a1 })).status).toBe(200);
    const mia = await s.chiama("POST", `/v1/organismi/alfa/procedimenti/${uno}/azioni`, {
      chiave: a1, corpo: { azione: "deposito_documento", data: "2026-03-04", documento: "d1", tipo: "sessione_comune" },
    });
    expect(mia.status, mia.testo).toBe(201);

    const lettura = await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${due}`, { chiave: a1 });
    expect(lettura.status).toBe(404);
    expect(lettura.json.errore.code).toBe("not_found");
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${due}/eventi`, { chiave: a1 })).status).toBe(404);
    const azione = await s.chiama("POST", `/v1/organismi/alfa/procedimenti/${due}/azioni`, {
      chiave: a1, corpo: { azione: "deposito_documento", data: "2026-03-04", documento: "intruso", tipo: "sessione_comune" },
    });
    expect(azione.status).toBe(404);
    const storia = await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${due}/eventi`, { chiave: segreteria });
    expect(storia.json).toHaveLength(1);
  });

  it("una chiave di parte senza procedimento non vede nulla; apre un procedimento come istante e vede solo quello", async () => {
    const libera = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "A" });
    for (const pid of [uno, due]) expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${pid}`, { chiave: libera })).status).toBe(404);
    const mio = await s.chiama("POST", "/v1/organismi/alfa/procedimenti", { chiave: libera, corpo: procedimentoDiProva() });
    expect(mio.status, mio.testo).toBe(201);
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${mio.json.id}`, { chiave: libera })).status).toBe(200);
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${uno}`, { chiave: libera })).status).toBe(404);
  });

  it("la segreteria lega una chiave di parte a un altro procedimento; solo se la parte vi figura", async () => {
    const b = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "B", procedimento: uno });
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${due}`, { chiave: b })).status).toBe(404);
    // A party key cannot bind itself; the segreteria can.
    expect((await s.chiama("POST", `/v1/organismi/alfa/procedimenti/${due}/chiavi`, { chiave: b, corpo: { chiave: idChiave(b) } })).status).toBe(403);
    const g = await s.chiama("POST", `/v1/organismi/alfa/procedimenti/${due}/chiavi`, { chiave: segreteria, corpo: { chiave: idChiave(b) } });
    expect(g.status, g.testo).toBe(201);
    expect(g.json).toEqual({ chiave: idChiave(b), procedimento: due, parte: "B" });
    expect((await s.chiama("POST", `/v1/organismi/alfa/procedimenti/${due}/chiavi`, { chiave: segreteria, corpo: { chiave: idChiave(b) } })).status).toBe(200);
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${due}`, { chiave: b })).status).toBe(200);

    const c = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "C" });
    const estranea = await s.chiama("POST", `/v1/organismi/alfa/procedimenti/${due}/chiavi`, { chiave: segreteria, corpo: { chiave: idChiave(c) } });
    expect(estranea.status).toBe(422);
    expect(estranea.json.errore.code).toBe("party_not_in_procedure");
    expect((await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${due}`, { chiave: c })).status).toBe(404);
  });

  it("emettere una chiave per un procedimento: il procedimento esiste e la parte vi figura", async () => {
    const nessuno = await s.chiama("POST", "/v1/chiavi", { chiave: s.env.REGOLAMENTO_ADMIN_KEY, corpo: { organismo: "alfa", ruolo: "parte", parte: "A", procedimento: "inesistente" } });
    expect(nessuno.status).toBe(404);
    const estranea = await s.chiama("POST", "/v1/chiavi", { chiave: s.env.REGOLAMENTO_ADMIN_KEY, corpo: { organismo: "alfa", ruolo: "parte", parte: "Z", procedimento: uno } });
    expect(estranea.status).toBe(422);
    expect(estranea.json.errore.messaggio).toMatch(/non è tra le parti/);
  });
});
