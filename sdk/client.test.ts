// The typed client (sdk/client.ts) over real HTTP against a running server: PGlite in memory, or
// Postgres with DATABASE_URL (a database of its own). Answers as values, Idempotency-Key sent by the
// client itself, retries only where they cannot record twice, the bundle without server code, and the
// example that opens docs/api.md run as written.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { avvia, type Avviato } from "../server/avvia.ts";
import { CHIAVE_ADMIN, SEMI_DI_PROVA, databaseDiProva, type DatabaseDiProva } from "../server/test-support/ambiente.ts";
import { costruisciClient } from "./build.ts";
import { clientApi, ROTTE_IDEMPOTENTI, type ClientApi } from "./client.ts";

let db: DatabaseDiProva;
let s: Avviato;
let http: ServerType;
let base = "";
let dir = "";
let admin: ClientApi;
let segreteria: ClientApi;
let chiaveSegreteria = "";

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: SEMI_DI_PROVA, webhook: false });
  http = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((ok) => http.once("listening", ok));
  base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  admin = clientApi(base, { chiave: CHIAVE_ADMIN });
  const k = await admin.v1.chiavi.$post({ json: { organismo: "alfa", ruolo: "segreteria" } });
  if (!k.ok) throw new Error(k.errore.messaggio);
  chiaveSegreteria = String(k.dati.chiave);
  segreteria = clientApi(base, { chiave: chiaveSegreteria });
  dir = await mkdtemp(join(tmpdir(), "sdk-client-"));
});
afterAll(async () => {
  if (http) await new Promise((ok) => http.close(ok));
  await s?.chiudi();
  await db?.elimina();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** server/test-support/client.ts procedimentoDiProva, with the literal types the schema asks for. */
const procedimentoDiProva = () => ({
  materia: "condominio",
  valore: 30000,
  parti: [{ id: "A", ruolo: "istante" as const }, { id: "B", ruolo: "invitata" as const }],
  mediatore: { id: "m1" },
  eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }],
});

/** A procedure of alfa opened by the segreteria, with a key of party B bound to it. */
async function procedimentoConParteB(): Promise<{ pid: string; chiaveB: string }> {
  const p = await segreteria.v1.organismi[":id"].procedimenti.$post({ param: { id: "alfa" }, json: procedimentoDiProva() });
  if (!p.ok) throw new Error(`${p.stato} ${p.errore.messaggio}`);
  const pid = String(p.dati.id);
  const k = await admin.v1.chiavi.$post({ json: { organismo: "alfa", ruolo: "parte", parte: "B", procedimento: pid } });
  if (!k.ok) throw new Error(`${k.stato} ${k.errore.messaggio}`);
  return { pid, chiaveB: String(k.dati.chiave) };
}

/** A transport that records each request and can lose answers (the request reached the server) or answer 503 in its place. */
function trasporto(o: { perdi?: number; occupato?: number } = {}) {
  const richieste: { metodo: string; url: string; chiave: string | null }[] = [];
  let perdi = o.perdi ?? 0;
  let occupato = o.occupato ?? 0;
  const f: typeof fetch = async (input, init) => {
    const h = new Headers(init?.headers);
    richieste.push({ metodo: init?.method ?? "GET", url: String(input), chiave: h.get("idempotency-key") });
    if (occupato > 0) {
      occupato--;
      return new Response(JSON.stringify({ errore: { code: "overloaded", messaggio: "occupato" } }), { status: 503, headers: { "retry-after": "0", "content-type": "application/json" } });
    }
    const r = await fetch(input, init);
    if (perdi > 0) {
      perdi--;
      await r.body?.cancel();
      throw new TypeError("fetch failed: risposta persa");
    }
    return r;
  };
  return { f, richieste };
}

describe("il client tipato, via HTTP", () => {
  it("elenca gli organismi (pubblico) e valuta una domanda", async () => {
    const pubblico = clientApi(base);
    const o = await pubblico.v1.organismi.$get();
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expectTypeOf(o.stato).toEqualTypeOf<200>();
    expect(o.dati.map((x) => x.id)).toEqual(expect.arrayContaining(["alfa", "beta"]));

    const v = await pubblico.v1.organismi[":id"].evaluate.$post({
      param: { id: "alfa" },
      json: { procedimento: procedimentoDiProva(), azione: { azione: "adesione", data: "2026-03-05", parte: "B" } },
    });
    expect(v.ok && v.dati.esito).toBe("consentito");
  });

  it("crea un procedimento e registra un'azione; una risposta persa e il nuovo tentativo non registrano due volte", async () => {
    const { pid, chiaveB } = await procedimentoConParteB();
    const t = trasporto({ perdi: 1 });
    const b = clientApi(base, { chiave: chiaveB, fetch: t.f, attesaMs: 1 });
    const a = await b.v1.organismi[":id"].procedimenti[":pid"].azioni.$post({ param: { id: "alfa", pid }, json: { azione: "adesione", data: "2026-03-05" } });
    expect(a.ok, JSON.stringify(a.ok ? a.dati : a.errore)).toBe(true);
    if (!a.ok) return;
    expect(a.stato).toBe(201);
    // Two requests, one key (made by the client); the second got the first's stored answer.
    expect(t.richieste).toHaveLength(2);
    expect(t.richieste[0]!.chiave).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.richieste[1]!.chiave).toBe(t.richieste[0]!.chiave);
    expect(a.risposta.headers.get("idempotent-replayed")).toBe("true");
    const ev = await segreteria.v1.organismi[":id"].procedimenti[":pid"].eventi.$get({ param: { id: "alfa", pid } });
    expect(ev.ok && ev.dati.map((e) => (e.azione as { azione: string }).azione)).toEqual(["deposito_domanda", "adesione"]);
  });

  it("la chiave di idempotenza data dal chiamante è quella inviata", async () => {
    const { pid, chiaveB } = await procedimentoConParteB();
    const t = trasporto();
    const b = clientApi(base, { chiave: chiaveB, fetch: t.f });
    const a = await b.v1.organismi[":id"].procedimenti[":pid"].azioni.$post({ param: { id: "alfa", pid }, json: { azione: "adesione", data: "2026-03-05" }, header: { "idempotency-key": "mia-chiave-1" } });
    expect(a.ok).toBe(true);
    expect(t.richieste.map((r) => r.chiave)).toEqual(["mia-chiave-1"]);
  });

  it("senza crypto.randomUUID (un browser su http semplice) la chiave è comunque un UUID v4 casuale", async () => {
    const { pid, chiaveB } = await procedimentoConParteB();
    const t = trasporto();
    const b = clientApi(base, { chiave: chiaveB, fetch: t.f });
    const originale = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), "randomUUID")!;
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      expect(crypto.randomUUID).toBeUndefined();
      const a = await b.v1.organismi[":id"].procedimenti[":pid"].azioni.$post({ param: { id: "alfa", pid }, json: { azione: "adesione", data: "2026-03-05" } });
      expect(a.ok).toBe(true);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe(typeof originale.value);
    expect(t.richieste[0]!.chiave).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("una POST senza Idempotency-Key non è ripetuta: la risposta persa è un errore come valore (stato 0)", async () => {
    const t = trasporto({ perdi: 1 });
    const a = clientApi(base, { chiave: CHIAVE_ADMIN, fetch: t.f, attesaMs: 1 });
    const k = await a.v1.chiavi.$post({ json: { organismo: "alfa", ruolo: "segreteria" } });
    expect(k).toMatchObject({ ok: false, stato: 0, errore: { code: "network_error" } });
    expect(t.richieste).toHaveLength(1);
    expect(t.richieste[0]!.chiave).toBeNull();
  });

  it("503 con Retry-After: ripetuta su GET, non su una POST che non si può ripetere", async () => {
    const t = trasporto({ occupato: 2 });
    const o = await clientApi(base, { fetch: t.f }).v1.organismi.$get();
    expect(o.ok).toBe(true);
    expect(t.richieste).toHaveLength(3);

    const t2 = trasporto({ occupato: 1 });
    const v = await clientApi(base, { fetch: t2.f }).v1.organismi[":id"].evaluate.$post({ param: { id: "alfa" }, json: { procedimento: procedimentoDiProva() } });
    expect(v).toMatchObject({ ok: false, stato: 503, errore: { code: "overloaded" } });
    expect(t2.richieste).toHaveLength(1);
  });

  it("un 4xx è un valore con l'errore del server, e nulla è registrato", async () => {
    const { pid, chiaveB } = await procedimentoConParteB();
    const b = clientApi(base, { chiave: chiaveB });
    const a = await b.v1.organismi[":id"].procedimenti[":pid"].azioni.$post({ param: { id: "alfa", pid }, json: { azione: "adesione", data: "2026-02-30" } });
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.stato).toBe(400);
    expect(a.errore.code).toBe("invalid_request");
    expect(a.errore.messaggio).toMatch(/data inesistente/);
    const negata = await b.v1.organismi[":id"].procedimenti[":pid"].azioni.$post({ param: { id: "alfa", pid }, json: { azione: "adesione", data: "2026-03-01" } });
    expect(negata).toMatchObject({ ok: false, stato: 422 });
    const ev = await segreteria.v1.organismi[":id"].procedimenti[":pid"].eventi.$get({ param: { id: "alfa", pid } });
    expect(ev.ok && ev.dati).toHaveLength(1);
    const manca = await segreteria.v1.organismi[":id"].procedimenti[":pid"].$get({ param: { id: "alfa", pid: "inesistente" }, query: {} });
    expect(manca).toMatchObject({ ok: false, stato: 404, errore: { code: "not_found" } });
  });

  it("401: chiave sbagliata", async () => {
    const r = await clientApi(base, { chiave: "alfa.000000000000.sbagliata" }).v1.organismi[":id"].procedimenti.$get({ param: { id: "alfa" }, query: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.stato).toBe(401);
    expect(typeof r.errore.code).toBe("string");
  });

  it("le risposte tipate dagli schemi: l'elenco dei procedimenti", async () => {
    await procedimentoConParteB();
    const l = await segreteria.v1.organismi[":id"].procedimenti.$get({ param: { id: "alfa" }, query: { limite: "5", ordine: "-depositato_il" } });
    expect(l.ok).toBe(true);
    if (!l.ok) return;
    expectTypeOf(l.dati.procedimenti[0]!.revisione).toEqualTypeOf<number>();
    expectTypeOf(l.dati.cursore).toEqualTypeOf<string | null>();
    expect(l.dati.procedimenti.length).toBeGreaterThan(0);
    expect(l.dati.procedimenti.length).toBeLessThanOrEqual(5);
  });

  it("una risposta che non è JSON (il calendario iCalendar) arriva come testo", async () => {
    await procedimentoConParteB();
    const ics = await segreteria.v1.organismi[":id"]["scadenze.ics"].$get({ param: { id: "alfa" }, query: { dal: "2026-01-01", al: "2026-12-31" } });
    expect(ics.ok).toBe(true);
    if (!ics.ok) return;
    expect(ics.dati).toMatch(/^BEGIN:VCALENDAR/);
  });

  it("ROTTE_IDEMPOTENTI sono esattamente le POST che dichiarano Idempotency-Key in /openapi.json", async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const dichiarate = Object.entries(doc.paths)
      .filter(([, m]) => m.post?.parameters?.some((p) => p.in === "header" && p.name.toLowerCase() === "idempotency-key"))
      .map(([p]) => p.replace(/\{[^}]+\}/g, "x"));
    expect(dichiarate.length).toBe(ROTTE_IDEMPOTENTI.length);
    for (const p of dichiarate) expect(ROTTE_IDEMPOTENTI.filter((r) => r.test(p)), p).toHaveLength(1);
    // Only POSTs declare it; no GET or other method would be matched.
    const altri = Object.entries(doc.paths).filter(([, m]) => Object.entries(m).some(([v, o]) => v !== "post" && o.parameters?.some((p) => p.name.toLowerCase() === "idempotency-key")));
    expect(altri).toEqual([]);
  });
});

describe("sdk/dist/client.js", () => {
  it("non contiene codice del server e funziona", async () => {
    const file = join(dir, "client.js");
    await costruisciClient(file);
    const testo = await readFile(file, "utf8");
    for (const x of ["drizzle", "pglite", "postgres", "chevrotain", "json-logic", "ServizioProcedimenti", "zod"]) expect(testo, x).not.toContain(x);
    const m = (await import(pathToFileURL(file).href)) as typeof import("./client.ts");
    const o = await m.clientApi(base).v1.organismi.$get();
    expect(o.ok && o.dati.length).toBeGreaterThan(0);
  });
});

describe("l'esempio di docs/api.md", () => {
  const esempio = fileURLToPath(new URL("../examples/sdk-client.ts", import.meta.url));

  it("è examples/sdk-client.ts, parola per parola, e gira contro il server", async () => {
    const doc = await readFile(fileURLToPath(new URL("../docs/api.md", import.meta.url)), "utf8");
    const blocco = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(blocco).toBe(await readFile(esempio, "utf8"));
    expect(doc.indexOf("```ts")).toBeLessThan(doc.indexOf("## "));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", esempio], {
      env: { ...process.env, SERVER: base, CHIAVE: chiaveSegreteria, ORGANISMO: "alfa" },
    });
    expect(stdout).toMatch(/^procedimento \S+ aperto/m);
    expect(stdout).toMatch(/\bdomanda_depositata\b|\bfase\b/);
  });
});

// Types only (checked by `npx tsc --noEmit`, never run): wrong inputs do not compile.
export function nonCompila(api: ClientApi) {
  // @ts-expect-error: the path parameter is `id`
  void api.v1.organismi[":id"].procedimenti.$post({ param: { organismo: "alfa" }, json: procedimentoDiProva() });
  // @ts-expect-error: parti and eventi are required in a new procedure
  void api.v1.organismi[":id"].procedimenti.$post({ param: { id: "alfa" }, json: { materia: "condominio" } });
  // @ts-expect-error: a route that does not exist
  void api.v1.organismi[":id"].procedure.$get({ param: { id: "alfa" } });
  // @ts-expect-error: path parameters are strings
  void api.v1.organismi[":id"].procedimenti[":pid"].eventi.$get({ param: { id: "alfa", pid: 1 } });
  // @ts-expect-error: ruolo is one of the server's roles
  void api.v1.chiavi.$post({ json: { organismo: "alfa", ruolo: "portiere" } });
  // @ts-expect-error: `ordine` is one of the server's orderings
  void api.v1.organismi[":id"].procedimenti.$get({ param: { id: "alfa" }, query: { ordine: "a caso" } });
}
