// Issue 12, item 4: a party filed a document dated 9999-12-31 and froze the procedure (every later
// action was "before the last event"). Now an action may be dated at most tomorrow (Europe/Rome,
// one day of tolerance) and never before the filing; a mistaken event is voided by a correcting
// event of the segreteria or the responsabile: kept in the history, marked, no longer counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oggi } from "../../server/catalogo/registro.ts";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaServerReale, nomeDatabase, type ServerReale } from "./server-reale.ts";

let s: ServerReale;
const K: Record<string, string> = {};
const giorniDaOggi = (n: number) => {
  const d = new Date(`${oggi()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  s = await avviaServerReale();
  K.segreteria = await s.chiave({ organismo: "alfa", ruolo: "segreteria" });
  K.responsabile = await s.chiave({ organismo: "alfa", ruolo: "responsabile" });
  K.mediatore = await s.chiave({ organismo: "alfa", ruolo: "mediatore", parte: "m1" });
});
afterAll(async () => {
  await s?.ferma();
});

async function procedimento() {
  const r = await s.chiama("POST", "/v1/organismi/alfa/procedimenti", { chiave: K.segreteria, corpo: procedimentoDiProva({ deposito: giorniDaOggi(-10) }) });
  expect(r.status, r.testo).toBe(201);
  const pid = r.json.id as string;
  const a = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "A", procedimento: pid });
  const b = await s.chiave({ organismo: "alfa", ruolo: "parte", parte: "B", procedimento: pid });
  return { pid, a, b };
}
const azione = (pid: string, chiave: string, corpo: unknown) => s.chiama("POST", `/v1/organismi/alfa/procedimenti/${pid}/azioni`, { chiave, corpo });
const eventi = async (pid: string) => (await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${pid}/eventi`, { chiave: K.segreteria })).json as Record<string, unknown>[];
const documento = (data: string, documento = "d") => ({ azione: "deposito_documento", data, documento, tipo: "sessione_comune" });

describe(`date dal futuro e annullamento di un evento (${nomeDatabase})`, () => {
  it("un documento datato 9999-12-31 è rifiutato (422) e nulla è registrato; domani è ammesso, dopodomani no", async () => {
    const { pid, a } = await procedimento();
    const futuro = await azione(pid, a, documento("9999-12-31"));
    expect(futuro.status).toBe(422);
    expect(futuro.json.errore.code).toBe("action_in_future");
    expect(futuro.json.errore.messaggio).toMatch(/nel futuro.*domani/);
    expect(await eventi(pid)).toHaveLength(1);
    expect((await azione(pid, a, documento(giorniDaOggi(2)))).status).toBe(422);
    expect((await azione(pid, a, documento(giorniDaOggi(1)))).status).toBe(201);
  });

  it("un procedimento non si apre con eventi futuri; un'azione non precede il deposito", async () => {
    const futuro = await s.chiama("POST", "/v1/organismi/alfa/procedimenti", { chiave: K.segreteria, corpo: procedimentoDiProva({ deposito: "9999-12-31" }) });
    expect(futuro.status).toBe(422);
    expect(futuro.json.errore.code).toBe("action_in_future");
    const { pid, a } = await procedimento();
    const prima = await azione(pid, a, documento(giorniDaOggi(-11)));
    expect(prima.status).toBe(422);
    expect(prima.json.errore.code).toBe("action_before_last_event");
  });

  it("la segreteria annulla un evento sbagliato: resta nella storia, marcato, e non conta più per il motore", async () => {
    const { pid, a, b } = await procedimento();
    const adesione = await azione(pid, K.segreteria!, { azione: "adesione", data: giorniDaOggi(-8), parte: "B" });
    expect(adesione.status, adesione.testo).toBe(201);
    expect(adesione.json.stato.fase).toBe("mediazione_in_corso");
    // A document dated tomorrow (within the tolerance) blocks every action dated today…
    expect((await azione(pid, a, documento(giorniDaOggi(1), "sbagliato"))).status).toBe(201);
    expect((await azione(pid, a, documento(oggi(), "oggi"))).json.errore?.code).toBe("action_before_last_event");

    // Only the segreteria and the responsabile void; a reason is required; the filing stays.
    const annulla = (seq: number, motivazione?: string, chiave = K.segreteria!) =>
      azione(pid, chiave, { azione: "annullamento_evento", evento: seq, ...(motivazione === undefined ? {} : { motivazione }) });
    expect((await annulla(3, "data sbagliata", a)).status).toBe(403);
    expect((await annulla(3, "data sbagliata", K.mediatore!)).status).toBe(403);
    expect((await annulla(3)).json.errore.code).toBe("void_needs_reason");
    expect((await annulla(1, "no")).json.errore.code).toBe("cannot_void_filing");
    expect((await annulla(99, "no")).json.errore.code).toBe("invalid_void_target");
    expect(await eventi(pid)).toHaveLength(3);

    const via = await annulla(3, "documento datato per errore a domani");
    expect(via.status, via.testo).toBe(201);
    expect(via.json.evento).toMatchObject({ seq: 4, azione: "annullamento_evento", evento: 3, attore: { ruolo: "segreteria" } });
    expect((await annulla(3, "di nuovo")).status).toBe(409);
    // …and now an action dated today is accepted.
    expect((await azione(pid, a, documento(oggi(), "oggi"))).status).toBe(201);

    // The responsabile voids the adesione recorded by mistake: the engine no longer sees it.
    const viaAdesione = await annulla(2, "adesione registrata per la parte sbagliata", K.responsabile!);
    expect(viaAdesione.status, viaAdesione.testo).toBe(201);
    expect(viaAdesione.json.stato.fase).toBe("domanda_depositata");
    const stato = await s.chiama("GET", `/v1/organismi/alfa/procedimenti/${pid}`, { chiave: b });
    expect(stato.json.fase).toBe("domanda_depositata");
    expect((await azione(pid, b, { azione: "adesione", data: oggi() })).status).toBe(201);

    // The history is append-only: every event is there, the voided ones marked.
    const storia = await eventi(pid);
    expect(storia.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(storia[1]).toMatchObject({ seq: 2, azione: { azione: "adesione" }, annullato: { da: 6, motivazione: "adesione registrata per la parte sbagliata" } });
    expect(storia[2]).toMatchObject({ seq: 3, azione: { documento: "sbagliato" }, annullato: { da: 4 } });
    expect(storia[4]).not.toHaveProperty("annullato");
    // The responsabile does nothing else on a procedure.
    expect((await azione(pid, K.responsabile!, documento(oggi()))).status).toBe(403);
  });
});
