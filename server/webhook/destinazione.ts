// Where a webhook may point (SSRF guard): http(s) only, and, unless REGOLAMENTI_WEBHOOK_RETI_PRIVATE=1,
// never to loopback, private, link-local or otherwise non-public addresses. Checked when the URL is
// registered and again at every delivery, on the address the connection actually uses (the lookup
// of the request itself), so a name that later resolves to an internal address is refused too.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";

export const retiPrivateConsentite = (env: NodeJS.ProcessEnv = process.env) => env.REGOLAMENTI_WEBHOOK_RETI_PRIVATE === "1";

export function indirizzoNonPubblico(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) {
    const [a, b] = ip.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
  }
  if (v === 6) {
    const x = ip.toLowerCase();
    if (x.startsWith("::ffff:")) return indirizzoNonPubblico(x.slice(7));
    return x === "::" || x === "::1" || x.startsWith("fc") || x.startsWith("fd") || x.startsWith("fe8") || x.startsWith("fe9") ||
      x.startsWith("fea") || x.startsWith("feb") || x.startsWith("ff");
  }
  return true;
}

/** Why a URL cannot be a webhook's target (syntax only: the address is checked at delivery), or null. */
export function urlNonAmmesso(testo: string, consentiPrivate = retiPrivateConsentite()): string | null {
  let u: URL;
  try {
    u = new URL(testo);
  } catch {
    return "non è un URL";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return "solo URL http o https";
  if (u.username || u.password) return "niente credenziali nell'URL";
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (!consentiPrivate && (host === "localhost" || host.endsWith(".localhost") || (isIP(host) && indirizzoNonPubblico(host))))
    return "destinazioni di rete locale o privata non ammesse (REGOLAMENTI_WEBHOOK_RETI_PRIVATE=1 per consentirle)";
  return null;
}

type Callback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses non-public addresses (unless allowed). */
export function lookupSicuro(consentiPrivate = retiPrivateConsentite()) {
  return (hostname: string, options: LookupOptions, callback: Callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, indirizzi) => {
      if (err) return callback(err, "", 4);
      const lista = indirizzi as LookupAddress[];
      const vietato = !consentiPrivate && lista.find((a) => indirizzoNonPubblico(a.address));
      if (vietato) {
        const e = new Error(`destinazione non pubblica (${vietato.address}) rifiutata`) as NodeJS.ErrnoException;
        e.code = "EWEBHOOKPRIVATA";
        return callback(e, "", 4);
      }
      if (options.all) return callback(null, lista);
      const primo = lista[0]!;
      callback(null, primo.address, primo.family);
    });
  };
}
