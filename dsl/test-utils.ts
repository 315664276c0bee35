// Test helpers: a minimal header so snippets of dsl/SPEC.md compile on their own, and the real texts.
export const TESTA = `regolamento prova "Organismo di prova"\n  versione 1 in vigore dal 2026-01-01\n`;
export const TESTA_BASI = `regolamento prova "Organismo di prova"\n  versione 1 in vigore dal 2026-01-01\n  applica dlgs-28-2010\n`;
export const conTesta = (corpo: string, testa = TESTA): string => testa + corpo;

/** Drops `riga` (source lines) everywhere: the meaning of a rule does not depend on it. */
export function senzaRighe<T>(x: T): T {
  if (x === undefined) return x;
  return JSON.parse(JSON.stringify(x, (k, v) => (k === "riga" ? undefined : v))) as T;
}
