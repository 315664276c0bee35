// Issue 12, item 3: one embedded database, one process. Two `npm start` on one REGOLAMENTO_DATA:
// the second refuses; after a kill -9 the stale lock is taken over and every acknowledged write is
// there. And a busy port is one sentence that says how to change it, not a stack trace.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHIAVE_ADMIN, SEMI_DI_PROVA } from "../../server/test-support/ambiente.ts";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaProcesso, chiama, type Processo } from "../../server/test-support/processo.ts";

const avviati: Processo[] = [];
const cartelle: string[] = [];
afterAll(async () => {
  for (const p of avviati) await p.uccidi("SIGKILL");
  for (const c of cartelle) await rm(c, { recursive: true, force: true });
});

async function parti(env: Record<string, string>) {
  const p = await avviaProcesso(env);
  avviati.push(p);
  return p;
}
const rifiuto = (env: Record<string, string>) =>
  avviaProcesso(env).then(
    (p) => {
      avviati.push(p);
      throw new Error(`il secondo server è partito (${p.url}): doveva rifiutarsi`);
    },
    (e: Error) => e.message,
  );

// PGlite only: Postgres is a server of its own (the Postgres run of the suite skips this file).
describe.skipIf(!!process.env.DATABASE_URL)("un database incorporato, un processo (PGlite su disco)", () => {
  it("il secondo server sulla stessa cartella si rifiuta; dopo kill -9 il blocco è ripreso e le scritture confermate ci sono", async () => {
    const dir = await mkdtemp(join(tmpdir(), "regolamenti-blocco-"));
    cartelle.push(dir);
    const env = { REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN, REGOLAMENTO_SEMI: SEMI_DI_PROVA, DATABASE_URL: "", REGOLAMENTO_DATA: dir };
    const a = await parti(env);
    const k = await chiama(a.url, "POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo: "alfa", ruolo: "segreteria" } });
    expect(k.status).toBe(201);
    const chiave = k.json.chiave as string;
    const p = await chiama(a.url, "POST", "/v1/organismi/alfa/procedimenti", { chiave, corpo: procedimentoDiProva() });
    expect(p.status).toBe(201); // acknowledged

    const messaggio = await rifiuto(env);
    expect(messaggio).toMatch(/uscito \(1\)/);
    expect(messaggio).toContain(`già usata da un altro server (pid ${a.pid})`);
    expect(messaggio).not.toMatch(/\n\s+at /); // no stack trace
    // The first one is untouched by the attempt.
    expect((await chiama(a.url, "GET", `/v1/organismi/alfa/procedimenti/${p.json.id}`, { chiave })).status).toBe(200);

    await a.uccidi("SIGKILL");
    const b = await parti(env);
    expect(b.output()).toContain(`era del processo ${a.pid}, non più attivo: lo riprendo`);
    const letto = await chiama(b.url, "GET", `/v1/organismi/alfa/procedimenti/${p.json.id}`, { chiave });
    expect(letto.status).toBe(200);
    expect(letto.json.revisione).toBe(1);

    // A busy port: a copy of the folder (its lock's process is dead) on b's port.
    await b.uccidi("SIGKILL");
    const copia = `${dir}-copia`;
    cartelle.push(copia);
    await cp(dir, copia, { recursive: true });
    const c = await parti(env);
    const porta = new URL(c.url).port;
    const occupata = await rifiuto({ ...env, REGOLAMENTO_DATA: copia, PORT: porta });
    expect(occupata).toContain(`la porta ${porta} su 127.0.0.1 è già in uso`);
    expect(occupata).toMatch(/PORT=\d+ npm start/);
    expect(occupata).not.toMatch(/\n\s+at /);
  }, 240_000);
});
