// API keys: `<organismo>.<id>.<segreto>`. The organismo prefix lets the server look the key up inside
// its tenant (RLS still applies); the id is public (revocation); the secret is 32 random bytes.
// Only the sha-256 of the whole key is stored: it cannot be shown again (Sondrio, credentials).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const RUOLI_CHIAVE = ["amministratore", "responsabile", "segreteria", "mediatore", "parte"] as const;
export type RuoloChiave = (typeof RUOLI_CHIAVE)[number];

/** The tenant the administrator's key lives in: not a valid organismo id (ids cannot start with `_`). */
export const TENANT_AMMINISTRAZIONE = "_amministrazione";

export interface NuovaChiave {
  id: string;
  chiave: string;
  hash: string;
}

export function impronta(chiave: string): string {
  return createHash("sha256").update(chiave, "utf8").digest("hex");
}

export function generaChiave(organismo: string): NuovaChiave {
  const id = randomBytes(6).toString("hex");
  const chiave = `${organismo}.${id}.${randomBytes(32).toString("base64url")}`;
  return { id, chiave, hash: impronta(chiave) };
}

/** `<organismo>.<id>.<segreto>` → its parts, or undefined when it cannot be one of ours. */
export function leggiChiave(chiave: string): { organismo: string; id: string } | undefined {
  const m = /^([a-z0-9_][a-z0-9_-]{0,63})\.([0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/.exec(chiave);
  return m ? { organismo: m[1]!, id: m[2]! } : undefined;
}

export function stessaImpronta(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
