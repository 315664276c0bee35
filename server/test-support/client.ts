// A tiny client over `app.request` (no sockets): status, headers and parsed JSON of each answer.
import { CHIAVE_ADMIN } from "./ambiente.ts";

export interface Risposta {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  testo: string;
}

type Fetcher = { request(path: string, init?: RequestInit): Response | Promise<Response> };

export function client(app: Fetcher) {
  async function req(metodo: string, percorso: string, o: { corpo?: unknown; chiave?: string; grezzo?: string; tipo?: string; intestazioni?: Record<string, string> } = {}): Promise<Risposta> {
    const headers: Record<string, string> = { ...(o.intestazioni ?? {}) };
    if (o.chiave) headers.authorization = `Bearer ${o.chiave}`;
    let body: string | undefined;
    if (o.grezzo !== undefined) {
      body = o.grezzo;
      headers["content-type"] = o.tipo ?? "application/json";
    } else if (o.corpo !== undefined) {
      body = JSON.stringify(o.corpo);
      headers["content-type"] = "application/json";
    }
    const r = await app.request(percorso, { method: metodo, headers, ...(body !== undefined ? { body } : {}) });
    const testo = await r.text();
    let json: unknown;
    try {
      json = JSON.parse(testo);
    } catch {
      json = undefined;
    }
    return { status: r.status, headers: r.headers, json, testo };
  }
  async function chiave(organismo: string, ruolo: string, parte?: string, procedimento?: string): Promise<string> {
    const r = await req("POST", "/v1/chiavi", { chiave: CHIAVE_ADMIN, corpo: { organismo, ruolo, ...(parte ? { parte } : {}), ...(procedimento ? { procedimento } : {}) } });
    if (r.status !== 201) throw new Error(`chiave non emessa: ${r.status} ${r.testo}`);
    return r.json.chiave as string;
  }
  /** The segreteria binds existing party keys to a procedure (a party key acts only where it is bound, issue 12 §5). */
  async function lega(organismo: string, pid: string, segreteria: string, chiaviDiParte: string[]): Promise<void> {
    for (const k of chiaviDiParte) {
      const r = await req("POST", `/v1/organismi/${organismo}/procedimenti/${pid}/chiavi`, { chiave: segreteria, corpo: { chiave: k.split(".").slice(0, 2).join(".") } });
      if (r.status !== 201 && r.status !== 200) throw new Error(`chiave non legata: ${r.status} ${r.testo}`);
    }
  }
  return { req, chiave, lega };
}

export const procedimentoDiProva = (o: { valore?: number; deposito?: string } = {}) => ({
  materia: "condominio",
  valore: o.valore ?? 30000,
  parti: [
    { id: "A", ruolo: "istante" },
    { id: "B", ruolo: "invitata" },
  ],
  mediatore: { id: "m1", categoria: "avvocato" },
  eventi: [{ azione: "deposito_domanda", data: o.deposito ?? "2026-03-02", parte: "A" }],
});
