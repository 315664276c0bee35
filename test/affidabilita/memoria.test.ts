// Issue 12, item 1: memory. Creations of ~2 MB each with one party key drove the server out of
// memory (the per-server state cache was bounded in count, not bytes). Now: fields bounded, the
// cache bounded in bytes, and a server near its heap limit refuses (503) instead of dying. The
// server runs here with a small heap (--max-old-space-size=160).
import { afterAll, describe, expect, it } from "vitest";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { chiama } from "../../server/test-support/processo.ts";
import { chiaveDi, pulisci, serverDiProva, suPostgres } from "./aiuti/server.ts";

afterAll(pulisci);

/** A creation of about `mb` MB that passes every field cap: many events, each near its own cap. */
function creazioneGrande(mb: number, n: number) {
  const b = procedimentoDiProva() as ReturnType<typeof procedimentoDiProva> & { eventi: Record<string, unknown>[] };
  const eventi = Math.floor((mb * 1024 * 1024) / (15 * 1024));
  for (let i = 1; i < eventi; i++)
    b.eventi.push({ azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: `d${n}-${i}`, tipo: "sessione_comune", motivazione: "m".repeat(15 * 1024) });
  return b;
}

async function posta(base: string, chiave: string, corpo: unknown) {
  const r = await fetch(`${base}/v1/organismi/alfa/procedimenti`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${chiave}` },
    body: typeof corpo === "string" ? corpo : JSON.stringify(corpo),
  });
  const testo = await r.text();
  return { status: r.status, testo, retry: r.headers.get("retry-after") };
}

describe(`memoria: un'ondata di corpi grandi non abbatte il server (${suPostgres ? "Postgres" : "PGlite"})`, () => {
  it("100 creazioni da ~2 MB con una chiave di parte, una su dieci con un campo da 1,5 MB: il processo resta vivo, risponde 201/400/503, la salute risponde", async () => {
    // Without the defences (REGOLAMENTO_MEMORIA_PROCEDIMENTI_MB=100000 REGOLAMENTO_SOGLIA_HEAP=2 here)
    // this process dies of "JavaScript heap out of memory" during the flood.
    const p = await serverDiProva({}, ["--max-old-space-size=160"]);
    let morto = false;
    void p.uscita.then(() => (morto = true));
    const chiave = await chiaveDi(p, "alfa", "parte", "A");

    // Fields over their caps are refused before anything is kept.
    const campo = procedimentoDiProva() as Record<string, unknown>;
    campo.note = "n".repeat(1_900_000);
    const rCampo = await posta(p.url, chiave, campo);
    expect(rCampo.status, rCampo.testo.slice(0, 200)).toBe(400);
    expect(JSON.parse(rCampo.testo).errore.messaggio).toMatch(/note: campo troppo grande/);
    const troppi = procedimentoDiProva() as ReturnType<typeof procedimentoDiProva> & { eventi: unknown[] };
    for (let i = 0; i < 600; i++) troppi.eventi.push({ azione: "deposito_documento", data: "2026-03-04", parte: "A", documento: `x${i}` });
    const rTroppi = await posta(p.url, chiave, troppi);
    expect(rTroppi.status).toBe(400);
    expect(JSON.parse(rTroppi.testo).errore.messaggio).toMatch(/al più 500 eventi iniziali/);

    const stati = new Map<number, number>();
    const conta = (s: number) => stati.set(s, (stati.get(s) ?? 0) + 1);
    const errori: string[] = [];
    let prossima = 0;
    const lavoratore = async () => {
      while (prossima < 100 && !morto) {
        const n = prossima++;
        // One in ten carries a 1.5 MB field of its own: read, then refused (400).
        const corpo = n % 10 === 9 ? { ...creazioneGrande(0.4, n), note: "o".repeat(1_500_000) } : creazioneGrande(1.9, n);
        const r = await posta(p.url, chiave, corpo).catch((e: unknown) => ({ status: -1, testo: `${String(e)} ${String((e as { cause?: unknown }).cause)}`, retry: null }));
        conta(r.status);
        if (r.status === -1) errori.push(r.testo);
        if (r.status === 503) expect(r.retry).toMatch(/^\d+$/);
      }
    };
    await Promise.all(Array.from({ length: 4 }, lavoratore));
    expect(morto, p.output().slice(-2000)).toBe(false);
    for (const s of stati.keys()) expect([201, 400, 413, 503], `stati: ${JSON.stringify([...stati])} ${errori.join("\n")}`).toContain(s);
    expect(stati.get(400)).toBe(10);
    expect(stati.get(201) ?? 0).toBeGreaterThan(10); // the flood was mostly accepted: it is the cache that is bounded
    const salute = await chiama(p.url, "GET", "/v1/salute");
    expect(salute.status).toBe(200);
    // A body over the limit is refused before it is read.
    const rGrande = await posta(p.url, chiave, "x".repeat(3 * 1024 * 1024));
    expect(rGrande.status).toBe(413);
    expect(morto).toBe(false);
  }, 300_000);
});
