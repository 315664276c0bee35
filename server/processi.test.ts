// Real server processes: a SIGKILL in the middle of a load loses no acknowledged action, and two
// servers on one Postgres agree on a publish through LISTEN/NOTIFY.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { CHIAVE_ADMIN, FIXTURE, SEMI_DI_PROVA, databaseDiProva, type DatabaseDiProva } from "./test-support/ambiente.ts";
import { procedimentoDiProva } from "./test-support/client.ts";
import { avviaProcesso, chiama, type Processo } from "./test-support/processo.ts";

const avviati: Processo[] = [];
const pulizie: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const p of avviati) await p.uccidi("SIGKILL");
  for (const f of pulizie) await f();
});

async function ambiente(): Promise<{ env: Record<string, string>; db: DatabaseDiProva }> {
  const env: Record<string, string> = { REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN, REGOLAMENTO_SEMI: SEMI_DI_PROVA };
  if (process.env.DATABASE_URL) {
    const db = await databaseDiProva();
    pulizie.push(() => db.elimina());
    return { env: { ...env, DATABASE_URL: db.url! }, db };
  }
  const dir = await mkdtemp(join(tmpdir(), "regolamenti-kill-"));
  pulizie.push(() => rm(dir, { recursive: true, force: true }));
  const db = await databaseDiProva({ dataDir: dir });
  // The child must not inherit a DATABASE_URL: it uses the data dir.
  return { env: { ...env, DATABASE_URL: "", REGOLAMENTO_DATA: dir }, db };
}

async function parti(env: Record<string, string>) {
  const p = await avviaProcesso(env);
  avviati.push(p);
  return p;
}

describe(`processi del server (${process.env.DATABASE_URL ? "Postgres" : "PGlite su disco"})`, () => {
  it("SIGKILL durante il carico: al riavvio ogni azione confermata c'è, una volta sola", async () => {
    const { env } = await ambiente();
    const a = await parti(env);
    const k = await chiama(a.url, "POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo: "alfa", ruolo: "segreteria" } });
    expect(k.status).toBe(201);
    const chiave = k.json.chiave as string;
    const p = await chiama(a.url, "POST", "/v1/organismi/alfa/procedimenti", { chiave, corpo: procedimentoDiProva() });
    expect(p.status).toBe(201);
    const pid = p.json.id as string;

    const confermate = new Set<string>();
    let inviate = 0;
    let fermo = false;
    const lavoratore = async (w: number) => {
      for (let i = 0; !fermo; i++) {
        const documento = `w${w}-${i}`;
        inviate++;
        try {
          const r = await chiama(a.url, "POST", `/v1/organismi/alfa/procedimenti/${pid}/azioni`, {
            chiave,
            corpo: { azione: "deposito_documento", data: "2026-03-04", parte: "A", documento, tipo: "sessione_comune" },
          });
          if (r.status === 201) confermate.add(documento);
          else if (r.status < 500) throw new Error(`risposta inattesa ${r.status} ${r.testo}`);
        } catch (e) {
          if (!fermo && !String(e).includes("fetch failed") && !String((e as { cause?: unknown }).cause).includes("ECONNRE")) throw e;
          return; // the connection died with the server: not acknowledged
        }
      }
    };
    let finiti = 0;
    const lavori = Array.from({ length: 8 }, (_, w) => lavoratore(w).catch((e: unknown) => e).finally(() => finiti++));
    const limite = Date.now() + 60_000;
    while (confermate.size < 80 && finiti === 0 && Date.now() < limite) await new Promise((r) => setTimeout(r, 20));
    expect(finiti, "un lavoratore si è fermato prima dell'uccisione").toBe(0);
    await a.uccidi("SIGKILL"); // requests are in flight right now
    fermo = true;
    const errori = (await Promise.all(lavori)).filter((x) => x !== undefined);
    expect(errori).toEqual([]);
    expect(inviate).toBeGreaterThan(confermate.size); // some were cut off mid-flight

    const b = await parti(env);
    const ev = await chiama(b.url, "GET", `/v1/organismi/alfa/procedimenti/${pid}/eventi`, { chiave });
    expect(ev.status).toBe(200);
    const documenti = (ev.json as { azione: { documento?: string } }[]).map((e) => e.azione.documento).filter((d): d is string => !!d);
    const mancanti = [...confermate].filter((d) => !documenti.includes(d));
    expect(mancanti).toEqual([]);
    expect(new Set(documenti).size).toBe(documenti.length);
    expect((ev.json as { seq: number }[]).map((e) => e.seq)).toEqual(Array.from({ length: ev.json.length }, (_, i) => i + 1));
    const stato = await chiama(b.url, "GET", `/v1/organismi/alfa/procedimenti/${pid}`, { chiave });
    expect(stato.json.revisione).toBe(ev.json.length);
    // Over a real socket, a declared Content-Length over the limit is refused before reading it.
    const grande = await chiama(b.url, "POST", `/v1/organismi/alfa/procedimenti/${pid}/azioni`, {
      chiave, corpo: { azione: "deposito_documento", data: "2026-03-05", documento: "g", tipo: "sessione_comune", testo: "x".repeat(3 * 1024 * 1024) },
    });
    expect(grande.status).toBe(413);
    expect((await chiama(b.url, "GET", `/v1/organismi/alfa/procedimenti/${pid}`, { chiave })).json.revisione).toBe(ev.json.length);
    await b.uccidi("SIGTERM");
    expect(await b.uscita).toBe(0);
  }, 240_000);

  it.skipIf(!process.env.DATABASE_URL)(
    "due server su un Postgres: una pubblicazione su uno cambia le risposte dell'altro (LISTEN/NOTIFY) [solo con DATABASE_URL: PGlite è un solo processo]",
    async () => {
      const { env } = await ambiente();
      const [a, b] = [await parti(env), await parti(env)];
      const r = await chiama(a.url, "POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo: "alfa", ruolo: "responsabile" } });
      const chiave = r.json.chiave as string;
      const domanda = {
        data: "2026-07-02",
        procedimento: procedimentoDiProva({ valore: 20000, deposito: "2026-07-01" }),
        azione: { azione: "designazione_mediatore", data: "2026-07-02", mediatore: { categoria: "praticante_abilitato" } },
      };
      const prima = await chiama(b.url, "POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
      expect(prima.json).toMatchObject({ esito: "consentito", regolamento: { versione: "1" } });
      expect((await chiama(a.url, "POST", "/v1/organismi/alfa/regolamenti", { chiave, testo: readFileSync(FIXTURE("alfa-2.regolamento"), "utf8") })).status).toBe(201);
      // alfa 2 is in force from 2026-06-01, already past: a retroactive publication, said so.
      expect((await chiama(a.url, "POST", "/v1/organismi/alfa/regolamenti/2/pubblica?retroattiva=true", { chiave })).status).toBe(200);
      let dopo = prima;
      for (let i = 0; i < 100 && dopo.json.esito !== "negato"; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        dopo = await chiama(b.url, "POST", "/v1/organismi/alfa/evaluate", { corpo: domanda });
      }
      expect(dopo.json).toMatchObject({ esito: "negato", regolamento: { versione: "2" } });
      expect(dopo.json.motivi[0]).toMatchObject({ regola: "praticanti_fino_a_10000" });
    },
    240_000,
  );
});
