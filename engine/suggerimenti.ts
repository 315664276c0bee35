// "forse intendevi …?": the nearest known name by edit distance (Levenshtein, iterative, two rows).
// Used by the DSL's checks (dsl/checks/suggerimenti.ts re-exports it) and by the engine's check of
// the names a question uses (nomi.ts).

export function distanza(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prec = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const costo = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prec[j]! + 1, cur[j - 1]! + 1, prec[j - 1]! + costo);
    }
    prec = cur;
  }
  return prec[b.length]!;
}

/** The closest candidate within a tolerance that grows with the word's length, or undefined. */
export function piuVicino(parola: string, candidati: Iterable<string>): string | undefined {
  const soglia = Math.max(2, Math.floor(parola.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidati) {
    const d = distanza(parola, c);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= soglia ? best : undefined;
}

export function forseIntendevi(parola: string, candidati: Iterable<string>): string {
  const s = piuVicino(parola, candidati);
  return s ? `: forse intendevi '${s}'?` : "";
}
