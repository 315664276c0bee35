// The organismo `gamma` of server/test-fixtures/clienti, shared by the client-app route tests.
import type { client } from "./client.ts";

export const G = "/v1/organismi/gamma";

/**
 * A procedure of gamma filed by the segreteria on `deposito` (A istante, B invitata, mediator m1), with
 * the given party keys bound to it (a party key acts only where it is bound, issue 12 §5).
 */
export async function creaInGamma(api: ReturnType<typeof client>, segreteria: string, deposito: string, legate: (string | undefined)[] = []): Promise<string> {
  const r = await api.req("POST", `${G}/procedimenti`, {
    chiave: segreteria,
    corpo: { parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }], mediatore: { id: "m1" }, eventi: [{ azione: "deposito_domanda", data: deposito, parte: "A" }] },
  });
  if (r.status !== 201) throw new Error(`procedimento non creato: ${r.status} ${r.testo}`);
  await api.lega("gamma", r.json.id, segreteria, legate.filter((k): k is string => k !== undefined));
  return r.json.id as string;
}
