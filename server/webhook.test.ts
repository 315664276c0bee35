// Issue 14 §5 over HTTP (PGlite, or Postgres with DATABASE_URL): webhooks delivered to a receiver on
// loopback, signed, through the outbox written with the event; a receiver that fails and recovers;
// deadline events from the agenda, idempotent; several workers never deliver a row twice; the SSRF
// guard; the live stream of a procedure's events.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avvia, type Avviato } from "./avvia.ts";
import { CHIAVE_ADMIN, FIXTURE, databaseDiProva, type DatabaseDiProva } from "./test-support/ambiente.ts";
import { client } from "./test-support/client.ts";
import { creaInGamma, G } from "./test-support/gamma.ts";
import { Consegnatore, OPZIONI_PREDEFINITE } from "./webhook/consegnatore.ts";
import { verificaFirma } from "./webhook/firma.ts";

interface Ricevuta {
  percorso: string;
  intestazioni: http.IncomingHttpHeaders;
  corpo: string;
  json: Record<string, unknown>;
}

let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
let ricevitore: http.Server;
let base: string;
const ricevute: Ricevuta[] = [];
/** Per path, the statuses to answer before 200 (a receiver that fails, then recovers). */
const fallimenti: Record<string, number[]> = {};
const K: Record<string, string> = {};
const OPZIONI = { ...OPZIONI_PREDEFINITE, intervalloMs: 30, scansioneMs: 3_600_000, baseRitentativoMs: 40, timeoutMs: 2000 };

beforeAll(async () => {
  process.env.REGOLAMENTI_WEBHOOK_RETI_PRIVATE = "1";
  ricevitore = http.createServer((req, res) => {
    let corpo = "";
    req.on("data", (c) => (corpo += c));
    req.on("end", () => {
      const status = fallimenti[req.url ?? ""]?.shift() ?? 200;
      if (status === 200) ricevute.push({ percorso: req.url ?? "", intestazioni: req.headers, corpo, json: JSON.parse(corpo) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => ricevitore.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(ricevitore.address() as AddressInfo).port}`;
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: FIXTURE("clienti"), webhook: OPZIONI });
  api = client(s.app);
  K.responsabile = await api.chiave("gamma", "responsabile");
  K.segreteria = await api.chiave("gamma", "segreteria");
  K.A = await api.chiave("gamma", "parte", "A");
  K.Z = await api.chiave("gamma", "parte", "Z");
});
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
  await new Promise((r) => ricevitore?.close(r));
  delete process.env.REGOLAMENTI_WEBHOOK_RETI_PRIVATE;
});

async function attendi<T>(cosa: () => T | Promise<T>, ok: (x: T) => boolean, ms = 10_000): Promise<T> {
  const fine = Date.now() + ms;
  for (;;) {
    const x = await cosa();
    if (ok(x)) return x;
    if (Date.now() > fine) throw new Error(`attesa scaduta: ${JSON.stringify(x).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
async function registra(percorso: string, eventi: string[], giorni?: number[]) {
  const r = await api.req("POST", `${G}/webhook`, { chiave: K.responsabile, corpo: { url: `${base}${percorso}`, eventi, ...(giorni ? { giorni } : {}) } });
  expect(r.status, r.testo).toBe(201);
  return r.json as { id: string; segreto: string };
}
const crea = (deposito: string) => creaInGamma(api, K.segreteria!, deposito, [K.A, K.B]);
const di = (percorso: string) => ricevute.filter((r) => r.percorso === percorso);

describe(`webhook e flusso (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("consegna ogni azione registrata, firmata, una volta; un'azione negata non esce", async () => {
    const w = await registra("/azioni", ["azione_registrata"]);
    expect(w.segreto).toMatch(/^whsec_/);
    // The list never shows the secret again.
    const elenco = await api.req("GET", `${G}/webhook`, { chiave: K.responsabile });
    expect(elenco.json).toEqual([expect.objectContaining({ id: w.id, eventi: ["azione_registrata"], attivo: true })]);
    expect(elenco.testo).not.toContain(w.segreto);

    const pid = await crea("2026-10-27");
    const negata = await api.req("POST", `${G}/procedimenti/${pid}/azioni`, { chiave: K.segreteria, corpo: { azione: "adesione", parte: "B", data: "2026-11-25" } });
    expect(negata.status).toBe(422);
    const ok = await api.req("POST", `${G}/procedimenti/${pid}/azioni`, { chiave: K.segreteria, corpo: { azione: "adesione", parte: "B", data: "2026-10-29" } });
    expect(ok.status, ok.testo).toBe(201);

    const arrivate = await attendi(() => di("/azioni"), (x) => x.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(di("/azioni").length).toBe(2);
    expect(arrivate.map((r) => [r.json.tipo, r.json.procedimento, (r.json.evento as { seq: number; azione: string }).seq, (r.json.evento as { azione: string }).azione]).sort()).toEqual([
      ["azione_registrata", pid, 1, "deposito_domanda"],
      ["azione_registrata", pid, 2, "adesione"],
    ]);
    for (const r of arrivate) {
      expect(verificaFirma(w.segreto, String(r.intestazioni["regolamenti-timestamp"]), r.corpo, String(r.intestazioni["regolamenti-firma"]))).toBe(true);
      expect(verificaFirma("whsec_altro", String(r.intestazioni["regolamenti-timestamp"]), r.corpo, String(r.intestazioni["regolamenti-firma"]))).toBe(false);
      expect(verificaFirma(w.segreto, String(r.intestazioni["regolamenti-timestamp"]), `${r.corpo} `, String(r.intestazioni["regolamenti-firma"]))).toBe(false);
      expect(r.intestazioni["regolamenti-evento"]).toBe("azione_registrata");
      expect(r.intestazioni["regolamenti-consegna"]).toBeTypeOf("string");
    }
    await api.req("DELETE", `${G}/webhook/${w.id}`, { chiave: K.responsabile });
  });

  it("un ricevitore che fallisce e poi si riprende: ritentativi con backoff, registro delle consegne", async () => {
    fallimenti["/instabile"] = [500, 503];
    const w = await registra("/instabile", ["azione_registrata"]);
    const pid = await crea("2026-10-28");
    await attendi(() => di("/instabile"), (x) => x.length === 1);
    const log = await attendi(
      async () => (await api.req("GET", `${G}/webhook/consegne?webhook=${w.id}`, { chiave: K.responsabile })).json as { tentativo: number; status: number; stato: string; evento: string }[],
      (x) => x.length === 3,
    );
    expect(log.map((c) => [c.tentativo, c.status, c.stato])).toEqual([
      [3, 200, "consegnata"],
      [2, 503, "consegnata"],
      [1, 500, "consegnata"],
    ]);
    expect(log[0]!.evento).toBe(`${pid}/1`);
    expect((await api.req("GET", `${G}/webhook/consegne`, { chiave: K.segreteria })).status).toBe(403);
    await api.req("DELETE", `${G}/webhook/${w.id}`, { chiave: K.responsabile });
  });

  it("un webhook disattivato non consegna più nulla, nemmeno le righe in attesa di un nuovo tentativo", async () => {
    fallimenti["/spenta"] = Array.from({ length: 1000 }, () => 500);
    const w = await registra("/spenta", ["azione_registrata"]);
    await crea("2026-10-29");
    const tentativi = async () => ((await api.req("GET", `${G}/webhook/consegne?webhook=${w.id}`, { chiave: K.responsabile })).json as unknown[]).length;
    await attendi(tentativi, (n) => n >= 2);
    expect((await api.req("DELETE", `${G}/webhook/${w.id}`, { chiave: K.responsabile })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 300)); // an attempt in flight at the deactivation may still end
    const fermi = await tentativi();
    await new Promise((r) => setTimeout(r, 600)); // backoff 40 ms · 2^n: several attempts would fit here
    expect(await tentativi()).toBe(fermi);
    expect((await api.req("GET", `${G}/webhook`, { chiave: K.responsabile })).json).toContainEqual(expect.objectContaining({ id: w.id, attivo: false }));
  });

  it("scadenze a N giorni e scadute dall'agenda, una volta sola per scadenza e tipo anche scandendo più volte", async () => {
    const w = await registra("/scadenze", ["scadenza_a_giorni", "scadenza_scaduta"], [7]);
    // The agenda keeps the deadlines open when the procedure is recorded: file it a few days ago (an
    // action is never dated after tomorrow), then scan on days relative to the filing.
    const giorno = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const deposito = giorno(-5);
    const dopo = (n: number) => new Date(Date.parse(deposito) + n * 86_400_000).toISOString().slice(0, 10);
    const pid = await crea(deposito); // adesione entro deposito + 15, primo_incontro entro deposito + 30
    const il = (oggi: string) => new Consegnatore(s.dipendenze.database, { ...OPZIONI, oggi: () => oggi });
    await il(dopo(9)).scandisciScadenze("gamma");
    await il(dopo(9)).scandisciScadenze("gamma");
    await il(dopo(10)).scandisciScadenze("gamma");
    await il(dopo(40)).scandisciScadenze("gamma");
    await il(dopo(40)).scandisciScadenze("gamma");
    await attendi(() => di("/scadenze").filter((r) => r.json.procedimento === pid), (x) => x.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    const mie = di("/scadenze").filter((r) => r.json.procedimento === pid);
    expect(mie.map((r) => [r.json.tipo, (r.json.scadenza as { nome: string }).nome, r.json.giorni ?? null]).sort()).toEqual([
      ["scadenza_a_giorni", "adesione", 7],
      ["scadenza_scaduta", "adesione", null],
      ["scadenza_scaduta", "primo_incontro", null],
    ]);
    expect(mie[0]!.json.scadenza).toMatchObject({ cita: "art. 1 c. 1", fonte: "gamma" });
    await api.req("DELETE", `${G}/webhook/${w.id}`, { chiave: K.responsabile });
  });

  it("più consegnatori insieme non consegnano mai due volte la stessa riga", async () => {
    const w = await registra("/concorrenza", ["azione_registrata"]);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => crea(`2026-10-${String(i + 10).padStart(2, "0")}`)));
    const altri = [1, 2, 3].map(() => new Consegnatore(s.dipendenze.database, OPZIONI));
    await Promise.all([...altri, ...altri].map((c) => c.giro()));
    const arrivate = await attendi(() => di("/concorrenza"), (x) => x.length >= 12);
    await new Promise((r) => setTimeout(r, 300));
    const perConsegna = new Map<string, number>();
    for (const r of di("/concorrenza")) perConsegna.set(String(r.intestazioni["regolamenti-consegna"]), (perConsegna.get(String(r.intestazioni["regolamenti-consegna"])) ?? 0) + 1);
    expect([...perConsegna.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(arrivate.map((r) => r.json.procedimento))).toEqual(new Set(ids));
    expect(di("/concorrenza").length).toBe(12);
    await api.req("DELETE", `${G}/webhook/${w.id}`, { chiave: K.responsabile });
  });

  it("SSRF: senza REGOLAMENTI_WEBHOOK_RETI_PRIVATE niente loopback né reti private; solo http(s); solo il responsabile", async () => {
    const corpo = (url: string) => ({ url, eventi: ["azione_registrata"] });
    expect((await api.req("POST", `${G}/webhook`, { chiave: K.responsabile, corpo: corpo("ftp://example.org/x") })).status).toBe(422);
    expect((await api.req("POST", `${G}/webhook`, { chiave: K.segreteria, corpo: corpo(`${base}/x`) })).status).toBe(403);
    expect((await api.req("POST", `${G}/webhook`, { chiave: K.responsabile, corpo: { url: `${base}/x`, eventi: ["scadenza_a_giorni"] } })).status).toBe(422);
    delete process.env.REGOLAMENTI_WEBHOOK_RETI_PRIVATE;
    try {
      for (const url of [`${base}/x`, "http://localhost:9/x", "http://10.1.2.3/x", "http://192.168.0.1/x", "http://169.254.169.254/latest", "http://[::1]:9/x"]) {
        const r = await api.req("POST", `${G}/webhook`, { chiave: K.responsabile, corpo: corpo(url) });
        expect(r.status, url).toBe(422);
        expect(r.json.errore.code).toBe("webhook_url_refused");
      }
    } finally {
      process.env.REGOLAMENTI_WEBHOOK_RETI_PRIVATE = "1";
    }
  });

  it("flusso: gli eventi nuovi del procedimento come Server-Sent Events, con la visibilità di …/eventi", async () => {
    const pid = await crea("2026-10-30");
    expect((await api.req("GET", `${G}/procedimenti/${pid}/flusso`, { chiave: K.Z })).status).toBe(404);
    const r = await s.app.request(`${G}/procedimenti/${pid}/flusso`, { headers: { authorization: `Bearer ${K.A}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const lettore = r.body!.getReader();
    const ok = await api.req("POST", `${G}/procedimenti/${pid}/azioni`, { chiave: K.segreteria, corpo: { azione: "adesione", parte: "B", data: "2026-10-31" } });
    expect(ok.status).toBe(201);
    let testo = "";
    const dec = new TextDecoder();
    while (!testo.includes("\n\n")) {
      const { value, done } = await lettore.read();
      if (done) break;
      testo += dec.decode(value);
    }
    await lettore.cancel();
    expect(testo).toContain("event: evento");
    expect(testo).toContain("id: 2");
    const data = JSON.parse(testo.split("\n").find((l) => l.startsWith("data: "))!.slice(6));
    expect(data).toMatchObject({ seq: 2, azione: { azione: "adesione", parte: "B" } });
    // Reconnecting with Last-Event-ID 0 replays what was missed.
    const r2 = await s.app.request(`${G}/procedimenti/${pid}/flusso`, { headers: { authorization: `Bearer ${K.A}`, "last-event-id": "0" } });
    const l2 = r2.body!.getReader();
    let t2 = "";
    while ((t2.match(/event: evento/g) ?? []).length < 2) t2 += dec.decode((await l2.read()).value);
    await l2.cancel();
    expect(t2).toContain("id: 1");
    expect(t2).toContain("id: 2");
  });
});
