// The scale bench's rows are rows the server would have written: 20 procedures from
// bench/scala/generatore.ts, loaded by COPY (as the bench loads a million), read back through the
// list, the agenda and the procedure routes, and their summary, persons and agenda rows equal to
// those the server derives itself from the events (the start-up rebuild, agenda/ricostruzione.ts).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLONNE, COLONNE_ORGANISMO, Generatore, righeOrganismo, TABELLE, vuote, type RegolamentoOrganismo } from "../bench/scala/generatore.ts";
import { ricostruisciAgenda } from "../server/agenda/ricostruzione.ts";
import { avvia, type Avviato } from "../server/avvia.ts";
import { oggi } from "../server/catalogo/registro.ts";
import { inTenant } from "../server/db/tenant.ts";
import { CHIAVE_ADMIN, databaseDiProva, type DatabaseDiProva } from "../server/test-support/ambiente.ts";
import { client } from "../server/test-support/client.ts";

let db: DatabaseDiProva;
let s: Avviato;
let api: ReturnType<typeof client>;
let g: Generatore;
const regs: RegolamentoOrganismo[] = [];
const QUANTI: Record<string, number> = { s0000: 15, s0001: 5 };

/** COPY text into a table: PGlite reads it from a blob, Postgres from STDIN. */
async function copia(tabella: string, colonne: readonly string[], righe: string[]) {
  const testo = righe.join("");
  const istruzione = `copy ${tabella} (${colonne.join(", ")}) from`;
  if (s.dipendenze.database.driver === "pglite") {
    const pg = (s.dipendenze.database.db as unknown as { $client: { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> } }).$client;
    await pg.query(`${istruzione} '/dev/blob'`, [], { blob: new Blob([testo]) });
    return;
  }
  const { default: postgres } = await import("postgres");
  const c = postgres(db.url!, { max: 1, onnotice: () => {} });
  const w = await c.unsafe(`${istruzione} stdin`).writable();
  await new Promise<void>((ok, ko) => w.end(testo, () => ok()).on("error", ko));
  await c.end({ timeout: 5 });
}

/** What the list and the agenda say, in full, for the segreteria of each organismo. */
async function letture() {
  const out: Record<string, unknown> = {};
  for (const o of Object.keys(QUANTI)) {
    const k = await api.chiave(o, "segreteria");
    const lista = await api.req("GET", `/v1/organismi/${o}/procedimenti?limite=100`, { chiave: k });
    // The agenda answers at most a year at a time.
    const anni = await Promise.all(["2024", "2025", "2026"].map((a) => api.req("GET", `/v1/organismi/${o}/scadenze?dal=${a}-01-01&al=${a}-12-31`, { chiave: k })));
    expect(lista.status).toBe(200);
    expect(anni.map((r) => r.status)).toEqual([200, 200, 200]);
    // aggiornato_il is the load's time, not the rebuild's question.
    out[o] = { lista: lista.json.procedimenti.map(({ aggiornato_il: _, ...p }: Record<string, unknown>) => p), agenda: anni.flatMap((r) => r.json.scadenze) };
  }
  return out;
}

beforeAll(async () => {
  db = await databaseDiProva();
  s = await avvia({ dove: db.dove, chiaveAdmin: CHIAVE_ADMIN, semi: null, webhook: false });
  api = client(s.app);
  g = await Generatore.crea(oggi());
  for (const o of Object.keys(QUANTI)) regs.push(g.regolamento(o));
  const o = regs.map(righeOrganismo);
  await copia("organismi", COLONNE_ORGANISMO.organismi, o.map((r) => r.organismo));
  await copia("regolamento_versioni", COLONNE_ORGANISMO.regolamento_versioni, o.map((r) => r.versione));
  await s.dipendenze.registro.riconcilia();
  const righe = vuote();
  for (const reg of regs) g.righe(reg, Array.from({ length: QUANTI[reg.id]! }, (_, i) => i), righe);
  for (const t of TABELLE) await copia(t, COLONNE[t], righe[t]);
});

afterAll(async () => {
  await s?.chiudi();
  await db?.elimina();
});

describe(`le righe del bench di scala, lette dal server (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  it("sintesi, persone e agenda generate sono quelle che il server ricava dagli eventi", async () => {
    const generate = await letture();
    // Both organismi list all their procedures; some have open deadlines.
    expect((generate.s0000 as { lista: unknown[] }).lista).toHaveLength(15);
    expect((generate.s0001 as { lista: unknown[] }).lista).toHaveLength(5);
    expect(Object.values(generate).flatMap((x) => (x as { agenda: unknown[] }).agenda).length).toBeGreaterThan(0);
    const { database } = s.dipendenze;
    for (const o of Object.keys(QUANTI))
      await inTenant(database, o, async (tx) => {
        for (const t of ["procedimenti_sintesi", "procedimenti_persone", "scadenze_agenda"]) await tx.execute(sql.raw(`delete from ${t} where organismo_id = '${o}'`));
      });
    expect(await ricostruisciAgenda(s.dipendenze)).toBe(20);
    expect(await letture()).toEqual(generate);
  });

  it("ogni procedimento si legge (fase, eventi, revisione) e accetta un'azione come uno registrato dal server", async () => {
    const k = await api.chiave("s0000", "segreteria");
    const lista = (await api.req("GET", "/v1/organismi/s0000/procedimenti?limite=100", { chiave: k })).json.procedimenti as { id: string; fase: string; revisione: number }[];
    for (const p of lista) {
      const letto = await api.req("GET", `/v1/organismi/s0000/procedimenti/${p.id}`, { chiave: k });
      expect(letto.status).toBe(200);
      expect(letto.json.fase).toBe(p.fase);
      expect(letto.json.revisione).toBe(10);
      const eventi = await api.req("GET", `/v1/organismi/s0000/procedimenti/${p.id}/eventi`, { chiave: k });
      expect(eventi.json.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    const i = Array.from({ length: 15 }, (_, i) => i).find((i) => g.stato("s0000", i).forma !== "conclusa")!;
    const x = g.stato("s0000", i);
    const r = await api.req("POST", `/v1/organismi/s0000/procedimenti/${x.id}/azioni`, {
      chiave: k, corpo: { azione: "deposito_documento", data: x.ultimoGiorno, parte: "A", documento: "prova", tipo: "sessione_comune" },
    });
    expect(r.status, r.testo).toBe(201);
    expect(r.json.revisione).toBe(11);
  });
});
