// The failed-authentication limit counts failures, not requests in flight: a client app's backend
// sends many authenticated requests at once from one address (the scale bench sends 16), and none
// of them failed.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { limitaAutenticazioniFallite } from "./tentativi.ts";

function app() {
  const a = new Hono();
  let rilascia: () => void = () => {};
  const attesa = new Promise<void>((ok) => (rilascia = ok));
  a.use("*", limitaAutenticazioniFallite(10, 60_000));
  a.get("/ok", async (c) => {
    await attesa;
    return c.json({ ok: true });
  });
  a.get("/no", (c) => c.json({ errore: "no" }, 401));
  // What @hono/node-server's getConnInfo reads.
  const env = { incoming: { socket: { remoteAddress: "10.0.0.7", remotePort: 5000, remoteFamily: "IPv4" } } };
  const chiama = (p: string) => a.request(p, { headers: { authorization: "Bearer x" } }, env);
  return { chiama, rilascia };
}

describe("autenticazioni fallite per indirizzo", () => {
  it("16 richieste autenticate contemporanee e riuscite dallo stesso indirizzo: nessun 429", async () => {
    const { chiama, rilascia } = app();
    const risposte = Array.from({ length: 16 }, () => chiama("/ok"));
    await new Promise((ok) => setTimeout(ok, 20));
    rilascia();
    expect((await Promise.all(risposte)).map((r) => r.status)).toEqual(Array(16).fill(200));
  });

  it("dopo 10 fallimenti: 429 con Retry-After, anche su una richiesta che riuscirebbe", async () => {
    const { chiama, rilascia } = app();
    rilascia();
    for (let i = 0; i < 10; i++) expect((await chiama("/no")).status).toBe(401);
    const r = await chiama("/ok");
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
