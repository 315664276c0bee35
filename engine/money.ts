// Money in integer cents; rounding half-up happens once per voce (and once for its IVA).

/** round(a / b) half-up, for a ≥ 0 and b > 0 integers. */
export function divHalfUp(a: number, b: number): number {
  if (Number.isSafeInteger(2 * a + b)) return Math.floor((2 * a + b) / (2 * b));
  const A = BigInt(a), B = BigInt(b);
  return Number((2n * A + B) / (2n * B));
}

/** A decimal as an exact fraction: 0.2 → [2, 10], 22 → [22, 1]. */
export function asFraction(x: number): [number, number] {
  let den = 1;
  while (!Number.isInteger(x * den) && den < 1e9) den *= 10;
  return [Math.round(x * den), den];
}

/** cents × percent / 100, half-up, sign preserved (magnitude rounded). */
export function percentOf(cents: number, percent: number): number {
  // A whole percent (IVA 22%, the usual case) needs no fraction.
  let n = percent, d = 1;
  if (!Number.isInteger(percent)) [n, d] = asFraction(percent);
  const mag = divHalfUp(Math.abs(cents) * n, d * 100);
  return cents < 0 ? -mag : mag;
}

/** cents × num / den, half-up. */
export function fractionOf(cents: number, num: number, den: number): number {
  const mag = divHalfUp(Math.abs(cents) * num, den);
  return cents < 0 ? -mag : mag;
}

export const euro = (cents: number) => cents / 100;

// Amounts repeat (the same tables for every question): each is formatted once, up to a bound.
function unaVolta(formatta: (cents: number) => string): (cents: number) => string {
  const fatti = new Map<number, string>();
  return (cents) => {
    let s = fatti.get(cents);
    if (s === undefined) {
      s = formatta(cents);
      if (fatti.size >= 10_000) fatti.clear();
      fatti.set(cents, s);
    }
    return s;
  };
}

/** "€ 1.234,50" for messages and diffs. */
export const formatEuro = unaVolta((cents) => {
  const neg = cents < 0, c = Math.abs(cents);
  const dec = c % 100;
  return `${neg ? "−" : ""}€ ${migliaia(Math.floor(c / 100))},${dec < 10 ? "0" : ""}${dec}`;
});

/** "1234.50": cents with two decimals and a point, as `toFixed(2)` of the euro (for integer cents ≥ 0). */
export const decimali = unaVolta((cents) => {
  const dec = cents % 100;
  return `${Math.floor(cents / 100)}.${dec < 10 ? "0" : ""}${dec}`;
});

/** 1234567 → "1.234.567" without a regular expression (it runs in every answer's trace). */
function migliaia(n: number): string {
  let s = String(n);
  if (s.length <= 3) return s;
  let out = "";
  while (s.length > 3) { out = `.${s.slice(-3)}${out}`; s = s.slice(0, -3); }
  return s + out;
}

/** "25.000" / "25.000,01" for bracket bounds. */
export function formatValore(cents: number): string {
  const int = migliaia(Math.floor(cents / 100));
  return cents % 100 === 0 ? int : `${int},${(cents % 100).toString().padStart(2, "0")}`;
}
