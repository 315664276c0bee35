// The editor's only door to the server: one method per endpoint of the HTTP API, errors turned into
// `ErroreApi` with the server's message. The key, when present, goes in `Authorization: Bearer`.
import type { Domanda } from "../../engine/contract.ts";
import type { Diagnostic } from "../../dsl/index.ts";
import { leggiChiave } from "./chiave.ts";
import { normalizzaVersione, normalizzaVersioni } from "./normalizza.ts";
import type { FormaCompilata } from "../../sdk/motore.ts";
import type { EsitoDiff, EsitoDiffCasi, Matrix, OrganismoInfo, RispostaConfronto, VersioneDettaglio, VersioneInfo } from "./tipi.ts";

export class ErroreApi extends Error {
  constructor(
    readonly stato: number,
    message: string,
    readonly corpo: unknown,
  ) {
    super(message);
  }
}

function messaggioErrore(stato: number, corpo: unknown): string {
  if (corpo && typeof corpo === "object") {
    // The server's one error shape: { errore: { code, messaggio, dettagli? } }.
    const o = { ...(corpo as Record<string, unknown>), ...((corpo as { errore?: object }).errore ?? {}) } as Record<string, unknown>;
    for (const k of ["messaggio", "message", "errore", "error", "detail", "title"]) if (typeof o[k] === "string") return o[k] as string;
  }
  if (typeof corpo === "string" && corpo) return corpo;
  return `errore HTTP ${stato}`;
}

export class Api {
  constructor(
    private readonly base = "",
    private readonly chiave: () => string | undefined = leggiChiave,
  ) {}

  private async richiesta<T>(metodo: string, percorso: string, corpo?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (corpo !== undefined) headers["content-type"] = "application/json";
    const k = this.chiave();
    if (k) headers.authorization = `Bearer ${k}`;
    const r = await fetch(`${this.base}/v1${percorso}`, { method: metodo, headers, body: corpo === undefined ? undefined : JSON.stringify(corpo) });
    const testo = await r.text();
    let json: unknown = testo;
    try {
      json = testo ? JSON.parse(testo) : undefined;
    } catch {
      /* plain text answer */
    }
    if (!r.ok) throw new ErroreApi(r.status, messaggioErrore(r.status, json), json);
    return json as T;
  }

  organismi(): Promise<OrganismoInfo[]> {
    return this.richiesta<OrganismoInfo[]>("GET", "/organismi");
  }

  async versioni(id: string): Promise<VersioneInfo[]> {
    return normalizzaVersioni(await this.richiesta<unknown>("GET", `/organismi/${enc(id)}/regolamenti`));
  }

  async versione(id: string, versione: string): Promise<VersioneDettaglio> {
    return normalizzaVersione(await this.richiesta<unknown>("GET", `/organismi/${enc(id)}/regolamenti/${enc(versione)}`));
  }

  /** A new draft: the version and date come from the text's header. */
  async salvaBozza(id: string, sorgente: string): Promise<VersioneDettaglio> {
    return normalizzaVersione(await this.richiesta<unknown>("POST", `/organismi/${enc(id)}/regolamenti`, { sorgente }), sorgente);
  }

  async aggiornaBozza(id: string, versione: string, sorgente: string): Promise<VersioneDettaglio> {
    return normalizzaVersione(await this.richiesta<unknown>("PUT", `/organismi/${enc(id)}/regolamenti/${enc(versione)}`, { sorgente }), sorgente);
  }

  /** `retroattiva`: the version is in force from a past date, and the responsabile confirmed it. */
  async pubblica(id: string, versione: string, retroattiva = false): Promise<VersioneDettaglio> {
    return normalizzaVersione(await this.richiesta<unknown>("POST", `/organismi/${enc(id)}/regolamenti/${enc(versione)}/pubblica`, retroattiva ? { retroattiva } : {}));
  }

  /** Two versions of one organismo, or (with `altro` = "organismo@versione") two organismi. */
  diff(id: string, a: string, b: string, altro?: string): Promise<EsitoDiff> {
    const q = altro ? `?altro=${encodeURIComponent(altro)}` : "";
    return this.richiesta<EsitoDiff>("GET", `/organismi/${enc(id)}/regolamenti/${enc(a)}/diff/${enc(b)}${q}`);
  }

  /** The organismo's latest procedures under versions `a` and `b` (the responsabile's key: drafts, procedures). */
  diffCasi(id: string, a: string, b: string): Promise<EsitoDiffCasi> {
    return this.richiesta<EsitoDiffCasi>("GET", `/organismi/${enc(id)}/regolamenti/${enc(a)}/diff/${enc(b)}/casi`);
  }

  matrice(organismi?: string[]): Promise<Matrix> {
    const q = organismi?.length ? `?organismi=${organismi.map(encodeURIComponent).join(",")}` : "";
    return this.richiesta<Matrix>("GET", `/matrice${q}`);
  }

  async compare(organismi: string[], domanda: Domanda): Promise<RispostaConfronto[]> {
    const r = await this.richiesta<RispostaConfronto[] | { risposte: RispostaConfronto[] }>("POST", "/compare", { organismi, domanda });
    return Array.isArray(r) ? r : r.risposte;
  }

  /** A published version's compiled form with its baselines, for the engine in the browser. */
  compilato(id: string, versione: string): Promise<FormaCompilata> {
    return this.richiesta<FormaCompilata>("GET", `/organismi/${enc(id)}/regolamenti/${enc(versione)}/compilato`);
  }

  format(sorgente: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
    return this.richiesta("POST", "/format", { sorgente });
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
