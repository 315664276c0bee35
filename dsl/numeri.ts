// Italian number notation: `.` groups thousands, `,` is the decimal comma ("25.000,01" → 25000.01).

/** The value of a NUMERO token as written. */
export function numeroItaliano(raw: string): number {
  const n = Number(raw.replace(/\./g, "").replace(",", "."));
  return Number.isFinite(n) ? n : NaN;
}

/** Euro → integer cents, rounded half-up (no float ever touches money after this). */
export function centesimi(euro: number): number {
  return Math.round(euro * 100 + Number.EPSILON * Math.sign(euro));
}

/** A calendar-valid ISO date (`2026-02-30` is not). */
export function dataValida(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= giorniDelMese(y, mo);
}

/** A valid `MM-DD` of any year (29 February allowed). */
export function giornoMeseValido(md: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(md);
  if (!m) return false;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= giorniDelMese(2024, mo);
}

function giorniDelMese(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
