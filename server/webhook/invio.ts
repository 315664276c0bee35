// One HTTP delivery: POST the body, signed, with a timeout; the outcome (status or error) and its
// duration. Any 2xx is a success; anything else, or no answer in time, is a failure to retry.
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { indirizzoNonPubblico, lookupSicuro, retiPrivateConsentite } from "./destinazione.ts";
import { firma, INTESTAZIONE_CONSEGNA, INTESTAZIONE_EVENTO, INTESTAZIONE_FIRMA, INTESTAZIONE_TIMESTAMP } from "./firma.ts";

export interface Esito {
  ok: boolean;
  status: number | null;
  errore: string | null;
  durataMs: number;
}

export function invia(o: { url: string; segreto: string; corpo: string; consegna: string; tipo: string; timeoutMs: number }): Promise<Esito> {
  const t0 = performance.now();
  const fine = (status: number | null, errore: string | null): Esito => ({
    ok: status !== null && status >= 200 && status < 300,
    status,
    errore,
    durataMs: Math.round(performance.now() - t0),
  });
  return new Promise((risolvi) => {
    let u: URL;
    try {
      u = new URL(o.url);
    } catch {
      return risolvi(fine(null, "URL non valido"));
    }
    const consentite = retiPrivateConsentite();
    const host = u.hostname.replace(/^\[|\]$/g, "");
    // An IP literal is not looked up: checked here.
    if (!consentite && isIP(host) && indirizzoNonPubblico(host)) return risolvi(fine(null, `destinazione non pubblica (${host}) rifiutata`));
    const timestamp = Math.floor(Date.now() / 1000);
    const modulo = u.protocol === "https:" ? https : http;
    const req = modulo.request(
      u,
      {
        method: "POST",
        lookup: lookupSicuro(consentite) as never,
        timeout: o.timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(o.corpo),
          "user-agent": "regolamenti-webhook/1",
          [INTESTAZIONE_TIMESTAMP]: String(timestamp),
          [INTESTAZIONE_FIRMA]: firma(o.segreto, timestamp, o.corpo),
          [INTESTAZIONE_CONSEGNA]: o.consegna,
          [INTESTAZIONE_EVENTO]: o.tipo,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => risolvi(fine(res.statusCode ?? null, null)));
        res.on("error", (e) => risolvi(fine(res.statusCode ?? null, e.message)));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`nessuna risposta in ${o.timeoutMs} ms`)));
    req.on("error", (e) => risolvi(fine(null, e.message)));
    req.end(o.corpo);
  });
}
