// Generated organismi for the register bench (issue 15 § 1): variants of the four full seeds under
// other ids, each with its own terms, fees and parametri (numbers outside quoted text shifted by a
// per-variant amount), so that no two are byte copies. Pure: text in, text out.

/** The seeds the variants are made from (sondrio is too small to stand for a full regolamento). */
export const SEMI = ["645", "maremma", "napoli", "velletri"] as const;

/** A small deterministic generator (mulberry32): the same variants in every run. */
function casuale(seme: number): () => number {
  let a = seme >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Applies `f` to the parts of a line outside double quotes (and before a `#` comment). */
function fuoriDalleVirgolette(riga: string, f: (s: string) => string): string {
  const pezzi = riga.split('"');
  for (let i = 0; i < pezzi.length; i += 2) {
    const c = pezzi[i]!.indexOf("#");
    if (c >= 0) { pezzi[i] = f(pezzi[i]!.slice(0, c)) + pezzi[i]!.slice(c); break; }
    pezzi[i] = f(pezzi[i]!);
  }
  return pezzi.join('"');
}

/**
 * Variant `n` of `sorgente` (one of SEMI), known as `id`: the header's id and registro number are
 * its own, a boolean parametro may be flipped; a term's days (`entro 10 giorni` → 10..12) and every amount in euro rises by the variant's
 * own 1–5% (or none), so that most rules of a variant are still those of its seed, as in the real register.
 */
export function variante(sorgente: string, id: string, n: number): string {
  const r = casuale(n * 7919 + 17);
  const righe = sorgente.split("\n");
  let intestazione = true;
  // A quarter of the variants keep the seed's fees; the others raise them all by 1–5%.
  const aumento = r() < 0.25 ? 0 : 0.01 + Math.floor(r() * 5) / 100;
  return righe.map((riga) => {
    if (intestazione && /^regolamento\s+\S+/.test(riga)) return riga.replace(/^regolamento\s+\S+/, `regolamento ${id}`);
    if (intestazione && /^\s+registro\s+\d+/.test(riga)) return riga.replace(/registro\s+\d+/, `registro ${100000 + n}`);
    if (intestazione && /^\s+parametro\s+\S+\s*=\s*(vero|falso)\s*$/.test(riga) && r() < 0.3) return riga.replace(/(vero|falso)\s*$/, (v) => (v.trim() === "vero" ? "falso" : "vero"));
    if (/^(articolo|sezione|allegato)\b/.test(riga)) intestazione = false;
    if (/^\s*#/.test(riga)) return riga;
    return fuoriDalleVirgolette(riga, (s) => s
      .replace(/\b(entro|oltre) (\d+) giorni\b/g, (m, k: string, g: string) => (g === "0" || r() < 0.5 ? m : `${k} ${Number(g) + 1 + Math.floor(r() * 2)} giorni`))
      .replace(/\b(\d{1,3}(?:\.\d{3})*|\d+)(,\d{2})? €/g, (m, intero: string, dec: string | undefined) => {
        const v = Number(intero.replace(/\./g, ""));
        if (aumento === 0 || !Number.isFinite(v) || v === 0) return m;
        // One factor for every amount of the variant: brackets stay increasing.
        return `${Math.round(v * (1 + aumento)).toLocaleString("it-IT")}${dec ?? ""} €`;
      }));
  }).join("\n");
  // Header (id, registro) is always changed: a variant is never a byte copy of its seed.
}

/** The id of variant `i` (here, not in registro.ts: the server's process imports it without the compiler). */
export const idVariante = (i: number) => `reg${String(i).padStart(4, "0")}`;
