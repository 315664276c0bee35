// Issue 12, item 11: Idempotency-Key scoped per credential (before: per organismo, so two keys of one
// organismo collided); the administrator key at least 32 characters (before: any); failed
// authentications from one address slowed (before: unlimited guessing); security headers on the
// editor's pages and the API (before: none).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avviaProcesso } from "../../server/test-support/processo.ts";
import { procedimentoDiProva } from "../../server/test-support/client.ts";
import { avviaServerReale, nomeDatabase, type ServerReale } from "./server-reale.ts";

let s: ServerReale;
beforeAll(async () => {
  s = await avviaServerReale();
});
afterAll(async () => {
  await s?.ferma();
});

describe(`credenziali e intestazioni (${nomeDatabase})`, () => {
  it("la stessa Idempotency-Key usata da due chiavi dello stesso organismo: due richieste distinte, nessun 409, nessuna risposta dell'altra", async () => {
    const [k1, k2] = [await s.chiave({ organismo: "alfa", ruolo: "segreteria" }), await s.chiave({ organismo: "alfa", ruolo: "segreteria" })];
    const crea = (chiave: string, valore: number) =>
      fetch(`${s.url}/v1/organismi/alfa/procedimenti`, {
        method: "POST",
        headers: { authorization: `Bearer ${chiave}`, "content-type": "application/json", "idempotency-key": "ordine-42" },
        body: JSON.stringify(procedimentoDiProva({ valore })),
      });
    const a = await crea(k1, 1000);
    const b = await crea(k2, 2000);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    const [ja, jb] = [(await a.json()) as { id: string }, (await b.json()) as { id: string }];
    expect(ja.id).not.toBe(jb.id);
    // The same key again with the same request: the first answer, replayed, per credential.
    const ancora = await crea(k1, 1000);
    expect(ancora.headers.get("idempotent-replayed")).toBe("true");
    expect(((await ancora.json()) as { id: string }).id).toBe(ja.id);
  });

  it("intestazioni di sicurezza sull'editor, sull'API e su /docs: CSP che Monaco accetta, nosniff, frame-ancestors 'none'", async () => {
    for (const percorso of ["/", "/v1/organismi", "/docs"]) {
      const r = await fetch(s.url + percorso);
      expect(r.status, percorso).toBe(200);
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp, percorso).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/worker-src 'self' blob:/);
      expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
    }
    // Swagger UI's inline start-up script is allowed by its hash only.
    expect((await fetch(`${s.url}/docs`)).headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it("una chiave di amministratore più corta di 32 caratteri: il server non parte, e dice perché", async () => {
    const errore = await avviaProcesso({ ...s.env, REGOLAMENTO_ADMIN_KEY: "corta-di-31-caratteri-012345678", PORT: "0" }, 60_000).then(
      async (p) => {
        await p.uccidi();
        return "partito";
      },
      (e: Error) => e.message,
    );
    expect(errore).toMatch(/uscito \(1\)/);
    expect(errore).toMatch(/REGOLAMENTO_ADMIN_KEY è lunga 31 caratteri: ne servono almeno 32/);
    expect(errore).not.toMatch(/\n\s+at /);
  });

  it("dopo 10 autenticazioni fallite in un minuto dallo stesso indirizzo: 429 con Retry-After, anche con una chiave valida; le chiamate anonime no", async () => {
    const valida = await s.chiave({ organismo: "alfa", ruolo: "segreteria" });
    const falsa = `alfa.0123456789ab.${"x".repeat(43)}`;
    const stati: number[] = [];
    for (let i = 0; i < 12; i++) stati.push((await s.chiama("GET", "/v1/organismi/alfa/procedimenti/p", { chiave: falsa })).status);
    expect(stati.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(stati.slice(10)).toEqual([429, 429]);
    const r = await fetch(`${s.url}/v1/organismi/alfa/procedimenti/p`, { headers: { authorization: `Bearer ${valida}` } });
    expect(r.status).toBe(429);
    const attesa = Number(r.headers.get("retry-after"));
    expect(attesa).toBeGreaterThan(0);
    expect(attesa).toBeLessThanOrEqual(60);
    expect(((await r.json()) as { errore: { code: string } }).errore.code).toBe("too_many_failed_authentications");
    expect((await fetch(`${s.url}/v1/organismi`)).status).toBe(200);
  });
});
