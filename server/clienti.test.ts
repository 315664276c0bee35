// Issue 14 §3–4 over HTTP (PGlite, or Postgres with DATABASE_URL): the procedures' list with its
// filters, orderings and pages, seen per role; the deadline agenda and its iCalendar feed, parsed
// by an independent parser (ical.js). Organismo `gamma` (server/test-fixtures/clienti) has two terms.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ricostruisciAgenda } from "./agenda/ricostruzione.ts";
import { avvia, type Avviato } from "./avvia.ts";
import { CHIAVE_ADMIN, FIXTURE, databaseDiProva, type DatabaseDiProva } from "./test-support/ambiente.ts";
import { client } from "./test-support/client.ts";

let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
const K: Record<string, string> = {};

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: FIXTURE("clienti") });
  api = client(s.app);
  K.segreteria = await api.chiave("gamma", "segreteria");
  K.responsabile = await api.chiave("gamma", "responsabile");
  K.m1 = await api.chiave("gamma", "mediatore", "m1");
  K.m2 = await api.chiave("gamma", "mediatore", "m2");
  K.A = await api.chiave("gamma", "parte", "A");
  K.B = await api.chiave("gamma", "parte", "B");
  K.Z = await api.chiave("gamma", "parte", "Z");
});
afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
});

const G = "/v1/organismi/gamma";
async function crea(deposito: string, o: { istante?: string; invitata?: string; mediatore?: string } = {}) {
  const r = await api.req("POST", `${G}/procedimenti`, {
    chiave: K.segreteria,
    corpo: {
      parti: [{ id: o.istante ?? "A", ruolo: "istante" }, { id: o.invitata ?? "B", ruolo: "invitata" }],
      mediatore: { id: o.mediatore ?? "m1" },
      eventi: [{ azione: "deposito_domanda", data: deposito, parte: o.istante ?? "A" }],
    },
  });
  expect(r.status, r.testo).toBe(201);
  return r.json.id as string;
}
const elenco = async (q: string, chiave = K.segreteria) => {
  const r = await api.req("GET", `${G}/procedimenti${q}`, { chiave });
  expect(r.status, r.testo).toBe(200);
  return r.json as { procedimenti: { id: string; fase: string; depositato_il: string; prossima_scadenza: string | null; mediatori: string[] }[]; cursore: string | null };
};

describe(`elenco e agenda (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.p1 = await crea("2026-11-02");
    ids.p2 = await crea("2026-11-10", { mediatore: "m2" });
    ids.p3 = await crea("2026-11-20", { istante: "C", invitata: "Z", mediatore: "m2" });
    ids.p4 = await crea("2026-12-01");
    // p1: the invited party adheres → mediazione_in_corso, its adesione deadline is no longer open.
    const r = await api.req("POST", `${G}/procedimenti/${ids.p1}/azioni`, { chiave: K.segreteria, corpo: { azione: "adesione", parte: "B", data: "2026-11-05" } });
    expect(r.status, r.testo).toBe(201);
    // p4: a mediator designated by an event sees it too.
    const d = await api.req("POST", `${G}/procedimenti/${ids.p4}/azioni`, { chiave: K.segreteria, corpo: { azione: "designazione_mediatore", mediatore: { id: "m3" }, data: "2026-12-02" } });
    expect(d.status, d.testo).toBe(201);
  });

  it("elenca per ruolo: la segreteria tutti, il mediatore e la parte i propri, il responsabile no", async () => {
    expect((await elenco("")).procedimenti.map((p) => p.id)).toEqual([ids.p4, ids.p3, ids.p2, ids.p1]);
    expect((await elenco("", K.m2)).procedimenti.map((p) => p.id)).toEqual([ids.p3, ids.p2]);
    expect((await elenco("", K.Z)).procedimenti.map((p) => p.id)).toEqual([ids.p3]);
    expect((await elenco("", K.A)).procedimenti.map((p) => p.id)).toEqual([ids.p4, ids.p2, ids.p1]);
    const m3 = await api.chiave("gamma", "mediatore", "m3");
    expect((await elenco("", m3)).procedimenti.map((p) => p.id)).toEqual([ids.p4]);
    // A key bound to one procedure lists that one only.
    const legata = await api.chiave("gamma", "parte", "A", ids.p2);
    expect((await elenco("", legata)).procedimenti.map((p) => p.id)).toEqual([ids.p2]);
    expect((await api.req("GET", `${G}/procedimenti`, { chiave: K.responsabile })).status).toBe(403);
    expect((await api.req("GET", `${G}/procedimenti`)).status).toBe(401);
    const altro = await api.chiave("alfa-non-esiste", "segreteria").catch(() => undefined);
    expect(altro).toBeUndefined();
  });

  it("filtra per fase, parte, mediatore, deposito e scadenza; la fase è quella dopo l'ultima azione", async () => {
    expect((await elenco("?fase=mediazione_in_corso")).procedimenti.map((p) => p.id)).toEqual([ids.p1]);
    expect((await elenco("?parte=Z")).procedimenti.map((p) => p.id)).toEqual([ids.p3]);
    expect((await elenco("?mediatore=m1")).procedimenti.map((p) => p.id)).toEqual([ids.p4, ids.p1]);
    expect((await elenco("?depositato_dal=2026-11-10&depositato_al=2026-11-20")).procedimenti.map((p) => p.id)).toEqual([ids.p3, ids.p2]);
    // p2: adesione entro 2026-11-25 (15 giorni); p1 has only primo_incontro (2026-12-02) left.
    expect((await elenco("?scadenza_entro=2026-11-30&ordine=prossima_scadenza")).procedimenti.map((p) => [p.id, p.prossima_scadenza])).toEqual([
      [ids.p2, "2026-11-25"],
    ]);
    expect((await elenco("?parte=A&mediatore=m1&fase=domanda_depositata")).procedimenti.map((p) => p.id)).toEqual([ids.p4]);
    // A party filtering for another party's procedures still sees only its own.
    expect((await elenco("?parte=Z", K.A)).procedimenti).toEqual([]);
  });

  it("pagina con un cursore opaco e stabile; un cursore falso o di un altro ordine è un 400", async () => {
    for (const ordine of ["depositato_il", "-depositato_il", "prossima_scadenza", "-prossima_scadenza"]) {
      const tutti = (await elenco(`?ordine=${ordine}`)).procedimenti.map((p) => p.id);
      const visti: string[] = [];
      let cursore: string | null = null;
      do {
        const pagina = await elenco(`?ordine=${ordine}&limite=1${cursore ? `&cursore=${cursore}` : ""}`);
        visti.push(...pagina.procedimenti.map((p) => p.id));
        cursore = pagina.cursore;
      } while (cursore);
      expect(visti, ordine).toEqual(tutti);
      expect(new Set(visti).size).toBe(4);
    }
    const prima = await elenco("?limite=2");
    expect(prima.cursore).toBeTypeOf("string");
    const r = await api.req("GET", `${G}/procedimenti?ordine=depositato_il&cursore=${prima.cursore}`, { chiave: K.segreteria });
    expect(r.status).toBe(400);
    expect(r.json.errore.code).toBe("invalid_cursor");
    expect((await api.req("GET", `${G}/procedimenti?cursore=%%%`, { chiave: K.segreteria })).status).toBe(400);
    expect((await api.req("GET", `${G}/procedimenti?limite=0`, { chiave: K.segreteria })).status).toBe(400);
    expect((await api.req("GET", `${G}/procedimenti?depositato_dal=2026-02-30`, { chiave: K.segreteria })).status).toBe(400);
  });

  it("agenda: le scadenze aperte nell'intervallo, con citazione, fonte e finestra; un'azione le riscrive", async () => {
    const r = await api.req("GET", `${G}/scadenze?dal=2026-11-01&al=2026-11-30`, { chiave: K.segreteria });
    expect(r.status, r.testo).toBe(200);
    expect(r.json.troncata).toBe(false);
    expect(r.json.scadenze).toEqual([
      { procedimento: ids.p2, nome: "adesione", entro: "2026-11-25", cita: "art. 1 c. 1", fonte: "gamma", scaduta: true },
    ]);
    const dic = (await api.req("GET", `${G}/scadenze?dal=2026-12-01&al=2026-12-31`, { chiave: K.segreteria })).json.scadenze as { procedimento: string; nome: string; entro: string }[];
    expect(dic.map((x) => [x.procedimento, x.nome, x.entro])).toEqual([
      [ids.p1, "primo_incontro", "2026-12-02"],
      [ids.p3, "adesione", "2026-12-05"],
      [ids.p2, "primo_incontro", "2026-12-10"],
      [ids.p4, "adesione", "2026-12-16"],
      [ids.p3, "primo_incontro", "2026-12-20"],
      [ids.p4, "primo_incontro", "2026-12-31"],
    ]);
    // Per role: m2 sees p2 and p3 only; ?mediatore= narrows the segreteria's.
    const m2 = (await api.req("GET", `${G}/scadenze?dal=2026-12-01&al=2026-12-31`, { chiave: K.m2 })).json.scadenze as { procedimento: string }[];
    expect(new Set(m2.map((x) => x.procedimento))).toEqual(new Set([ids.p2, ids.p3]));
    const perM1 = (await api.req("GET", `${G}/scadenze?dal=2026-12-01&al=2026-12-31&mediatore=m1`, { chiave: K.segreteria })).json.scadenze as { procedimento: string }[];
    expect(new Set(perM1.map((x) => x.procedimento))).toEqual(new Set([ids.p1, ids.p4]));
    // The first meeting of p4 happens: its deadline leaves the agenda in the action's transaction.
    const a = await api.req("POST", `${G}/procedimenti/${ids.p4}/azioni`, { chiave: K.segreteria, corpo: { azione: "primo_incontro", data: "2026-12-03" } });
    expect(a.status, a.testo).toBe(201);
    const dopo = (await api.req("GET", `${G}/scadenze?dal=2026-12-01&al=2026-12-31`, { chiave: K.segreteria })).json.scadenze as { procedimento: string; nome: string }[];
    expect(dopo.filter((x) => x.procedimento === ids.p4).map((x) => x.nome)).toEqual(["adesione"]);
    expect((await api.req("GET", `${G}/scadenze?dal=2026-12-31&al=2026-12-01`, { chiave: K.segreteria })).status).toBe(400);
    expect((await api.req("GET", `${G}/scadenze`, { chiave: K.responsabile })).status).toBe(403);
  });

  it("all'avvio i procedimenti senza sintesi (registrati prima dell'agenda) la ricevono dalla loro storia", async () => {
    const pid = await crea("2026-12-07");
    const prima = (await elenco("?depositato_dal=2026-12-07")).procedimenti;
    expect(prima.map((p) => p.id)).toEqual([pid]);
    // As before migration 0005: the rows are not there (removed by the owner, as the runtime cannot:
    // on Postgres the server's pool is the login role that owns nothing, issue 12 §10).
    const tabelle = ["scadenze_agenda", "procedimenti_persone", "procedimenti_sintesi"];
    if (db.url) {
      const { default: postgres } = await import("postgres");
      const proprietario = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        for (const t of tabelle) await proprietario.unsafe(`delete from ${t} where procedimento_id = $1`, [pid]);
      } finally {
        await proprietario.end();
      }
    } else {
      await s.dipendenze.database.db.transaction(async (tx) => {
        for (const t of tabelle) await tx.execute(sql`delete from ${sql.identifier(t)} where procedimento_id = ${pid}`);
      });
    }
    expect((await elenco("?depositato_dal=2026-12-07")).procedimenti).toEqual([]);
    expect(await ricostruisciAgenda(s.dipendenze)).toBe(1);
    expect((await elenco("?depositato_dal=2026-12-07")).procedimenti).toEqual(prima.map((p) => ({ ...p, aggiornato_il: expect.any(String) })));
    expect((await elenco("?depositato_dal=2026-12-07", K.A)).procedimenti.map((p) => p.id)).toEqual([pid]);
    const agenda = (await api.req("GET", `${G}/scadenze?dal=2026-12-22&al=2026-12-22`, { chiave: K.segreteria })).json.scadenze as { procedimento: string; nome: string }[];
    expect(agenda).toEqual([expect.objectContaining({ procedimento: pid, nome: "adesione" })]);
    expect(await ricostruisciAgenda(s.dipendenze)).toBe(0);
  });

  it("calendario iCalendar: un evento di un giorno per scadenza, citazione nella descrizione, UID stabili", async () => {
    const leggi = async (q: string, chiave = K.segreteria) => {
      const r = await api.req("GET", `${G}/scadenze.ics${q}`, { chiave });
      expect(r.status, r.testo).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^text\/calendar/);
      const cal = new ICAL.Component(ICAL.parse(r.testo));
      return cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    };
    const eventi = await leggi("?dal=2026-12-01&al=2026-12-31");
    const p3 = eventi.filter((e) => e.uid.startsWith(`${ids.p3}.`));
    expect(p3.map((e) => [e.startDate.toString(), e.startDate.isDate])).toEqual([["2026-12-05", true], ["2026-12-20", true]]);
    expect(p3[0]!.description).toContain("art. 1 c. 1");
    expect(p3[0]!.description).toContain("gamma");
    expect(p3[0]!.summary).toContain("adesione");
    // Same UIDs on a second read: a subscribed calendar updates, it does not duplicate.
    const ancora = await leggi("?dal=2026-12-01&al=2026-12-31");
    expect(ancora.map((e) => e.uid)).toEqual(eventi.map((e) => e.uid));
    expect(new Set(eventi.map((e) => e.uid)).size).toBe(eventi.length);
    // A party's key: its own procedures only; ?mediatore= for one mediator.
    expect(new Set((await leggi("", K.Z)).map((e) => e.uid.split(".")[0]))).toEqual(new Set([ids.p3]));
    expect(new Set((await leggi("?mediatore=m2")).map((e) => e.uid.split(".")[0]))).toEqual(new Set([ids.p2, ids.p3]));
  });

  it("indirizzo di abbonamento: un calendario senza `Authorization` legge con il token ciò che la chiave vede, finché non è revocata", async () => {
    const uid = (testo: string) => new ICAL.Component(ICAL.parse(testo)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid).sort();
    const Z = await api.chiave("gamma", "parte", "Z");
    const r = await api.req("POST", `${G}/scadenze.ics/indirizzo`, { chiave: Z });
    expect(r.status, r.testo).toBe(200);
    const { indirizzo, token } = r.json as { indirizzo: string; token: string };
    expect(indirizzo).toBe(`${G}/scadenze.ics?token=${encodeURIComponent(token)}`);
    expect(token).not.toContain(Z.split(".")[2]); // the key's secret is not in the address
    const feed = await api.req("GET", indirizzo);
    expect(feed.status, feed.testo).toBe(200);
    const propria = await api.req("GET", `${G}/scadenze.ics`, { chiave: Z });
    expect(uid(feed.testo)).toEqual(uid(propria.testo));
    expect(new Set(uid(feed.testo).map((u) => u.split(".")[0]))).toEqual(new Set([ids.p3]));
    // Tampered, another organismo's, not a token at all: 401, and nothing is served.
    const ultimo = token.at(-1) === "A" ? "B" : "A";
    for (const [percorso, stato] of [
      [`${G}/scadenze.ics?token=${token.slice(0, -1)}${ultimo}`, 401],
      [`/v1/organismi/alfa/scadenze.ics?token=${token}`, 401],
      [`${G}/scadenze.ics?token=x`, 401],
      [`${G}/scadenze.json?token=${token}`, 404],
    ] as const) expect((await api.req("GET", percorso)).status, percorso).toBe(stato);
    // The address answers for the agenda only: the token is no key anywhere else.
    expect((await api.req("GET", `${G}/scadenze?token=${token}`)).status).toBe(401);
    // Without a key, no address; the responsabile sees no agenda, so gets none.
    expect((await api.req("POST", `${G}/scadenze.ics/indirizzo`)).status).toBe(401);
    expect((await api.req("POST", `${G}/scadenze.ics/indirizzo`, { chiave: K.responsabile })).status).toBe(403);
    // Revoking the key revokes its address.
    const [organismo, id] = Z.split(".");
    expect((await api.req("DELETE", `/v1/chiavi/${organismo}.${id}`, { chiave: CHIAVE_ADMIN })).status).toBe(200);
    expect((await api.req("GET", indirizzo)).status).toBe(401);
  });
});
