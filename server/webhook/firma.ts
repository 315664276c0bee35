// The signature of a delivery: HMAC-SHA256, with the webhook's secret, over `<timestamp>.<body>`
// (the timestamp in Unix seconds, the body as sent). A receiver recomputes it and rejects a stale
// timestamp, so a captured delivery cannot be replayed later.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const INTESTAZIONE_TIMESTAMP = "regolamenti-timestamp";
export const INTESTAZIONE_FIRMA = "regolamenti-firma";
export const INTESTAZIONE_CONSEGNA = "regolamenti-consegna";
export const INTESTAZIONE_EVENTO = "regolamenti-evento";

export const nuovoSegreto = () => `whsec_${randomBytes(24).toString("base64url")}`;

export function firma(segreto: string, timestamp: number, corpo: string): string {
  return `v1=${createHmac("sha256", segreto).update(`${timestamp}.${corpo}`).digest("hex")}`;
}

/** What a receiver does (and the tests): the signature matches and the timestamp is recent. */
export function verificaFirma(segreto: string, timestamp: string, corpo: string, ricevuta: string, tolleranzaS = 300, adesso = Date.now()): boolean {
  const t = Number(timestamp);
  if (!Number.isInteger(t) || Math.abs(adesso / 1000 - t) > tolleranzaS) return false;
  const attesa = Buffer.from(firma(segreto, t, corpo));
  const data = Buffer.from(ricevuta);
  return attesa.length === data.length && timingSafeEqual(attesa, data);
}
