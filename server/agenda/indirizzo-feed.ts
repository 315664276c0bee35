// The address a calendar app subscribes to. Calendar apps (Google, Apple, Outlook) fetch a feed by
// URL and cannot send `Authorization`, so a key's holder gets an address with a token in it:
// `<id della chiave>.<HMAC-SHA256>` keyed by the key's stored hash. No new secret and no table: the
// token gives exactly the key's view of the agenda, read only, and dies with the key (revoked,
// the row's hash no longer verifies anything). It reveals nothing of the key (HMAC is one-way).
import { createHmac, timingSafeEqual } from "node:crypto";

/** The token of a key (`id`, its stored `hash`) for the feed of one organismo. */
export function tokenFeed(organismo: string, id: string, hash: string): string {
  return `${id}.${mac(organismo, id, hash)}`;
}

/** `<id>.<mac>` → its parts, or undefined when it cannot be one of ours. */
export function leggiTokenFeed(token: string): { id: string; mac: string } | undefined {
  const m = /^([0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1]!, mac: m[2]! } : undefined;
}

export function tokenFeedValido(organismo: string, id: string, hash: string, dato: string): boolean {
  const atteso = Buffer.from(mac(organismo, id, hash));
  const b = Buffer.from(dato);
  return atteso.length === b.length && timingSafeEqual(atteso, b);
}

function mac(organismo: string, id: string, hash: string): string {
  return createHmac("sha256", Buffer.from(hash, "hex")).update(`scadenze.ics\u0000${organismo}\u0000${id}`).digest("base64url");
}
