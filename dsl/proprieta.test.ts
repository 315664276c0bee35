// Property tests: parse/check/compile/format never throw and finish in bounded time on random text and on
// mutations of real regolamento text; on inputs that still parse, the formatter round-trips.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { check, compile, format, parse } from "./index.ts";
import { lexer } from "./lexer.ts";
import { senzaRighe } from "./test-utils.ts";
import { testiReali } from "./test/testi-reali.ts";

const TESTI = testiReali();
const LIMITE_MS = 2_000;

/** Runs every entry point and fails if one throws or is slow. */
function robusto(src: string): void {
  const t0 = performance.now();
  const p = parse(src);
  const ds = check(src);
  const c = compile(src);
  const f = format(src);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(LIMITE_MS);
  for (const d of [...p.diagnostics, ...ds, ...c.diagnostics, ...f.diagnostics]) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
  }
  // compile gives a regolamento iff there is no error
  expect(c.regolamento === undefined).toBe(c.diagnostics.some((d) => d.severity === "error"));
}

/** When a text formats, formatting again changes nothing and the IR is the same. */
function siRiformatta(src: string): void {
  const f = format(src);
  if (f.text === undefined) return;
  expect(format(f.text).text).toBe(f.text);
  expect(senzaRighe(compile(f.text).regolamento)).toEqual(senzaRighe(compile(src).regolamento));
}

const parole = [...new Set(TESTI.flatMap((t) => lexer.tokenize(t.source).tokens.map((k) => k.image)))];
const testo = fc.constantFrom(...TESTI.map((t) => t.source));

type Mutazione = { tipo: "cancella" | "inserisci" | "scambia" | "duplica"; pos: number; len: number; parola: string };
const mutazione = fc.record({
  tipo: fc.constantFrom("cancella", "inserisci", "scambia", "duplica") as fc.Arbitrary<Mutazione["tipo"]>,
  pos: fc.nat(),
  len: fc.integer({ min: 1, max: 40 }),
  parola: fc.oneof(fc.constantFrom(...parole), fc.string({ maxLength: 3 })),
});

function muta(src: string, ms: Mutazione[]): string {
  let s = src;
  for (const m of ms) {
    const p = s.length ? m.pos % s.length : 0;
    if (m.tipo === "cancella") s = s.slice(0, p) + s.slice(p + m.len);
    else if (m.tipo === "inserisci") s = `${s.slice(0, p)} ${m.parola} ${s.slice(p)}`;
    else if (m.tipo === "duplica") s = s.slice(0, p) + s.slice(p, p + m.len) + s.slice(p);
    else {
      const q = (p + m.len * 7) % Math.max(1, s.length);
      const [a, b] = p < q ? [p, q] : [q, p];
      s = s.slice(0, a) + s.slice(b, b + m.len) + s.slice(a + m.len, b) + s.slice(a, a + m.len) + s.slice(b + m.len);
    }
  }
  return s;
}

/** Token-level mutations: delete, insert or swap whole tokens of a real text. */
function mutaToken(src: string, ms: Mutazione[]): string {
  const toks = lexer.tokenize(src).tokens.map((t) => t.image);
  for (const m of ms) {
    const p = toks.length ? m.pos % toks.length : 0;
    if (m.tipo === "cancella") toks.splice(p, Math.min(3, m.len));
    else if (m.tipo === "inserisci") toks.splice(p, 0, m.parola);
    else if (m.tipo === "duplica") toks.splice(p, 0, ...toks.slice(p, p + 3));
    else {
      const q = (p + m.len) % Math.max(1, toks.length);
      [toks[p], toks[q]] = [toks[q]!, toks[p]!];
    }
  }
  return toks.join(" ");
}

describe("properties", () => {
  it("random strings never crash any entry point", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), robusto), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), robusto), { numRuns: 100 });
  });
  it("random sequences of the language's own words never crash", () => {
    const frase = fc.array(fc.constantFrom(...parole, "\n", ":", "(", ")", "[", "]", "\"", "#"), { maxLength: 120 }).map((xs) => xs.join(" "));
    fc.assert(fc.property(frase, (s) => { robusto(s); robusto(`regolamento p "P" versione 1 in vigore dal 2026-01-01\n${s}`); }), { numRuns: 300 });
  });
  it("character mutations of real regolamenti never crash, and what still parses round-trips", () => {
    fc.assert(
      fc.property(testo, fc.array(mutazione, { minLength: 1, maxLength: 4 }), (src, ms) => {
        const s = muta(src, ms);
        robusto(s);
        siRiformatta(s);
      }),
      { numRuns: 60 },
    );
  });
  it("token mutations of real regolamenti never crash, and what still parses round-trips", () => {
    fc.assert(
      fc.property(testo, fc.array(mutazione, { minLength: 1, maxLength: 3 }), (src, ms) => {
        const s = mutaToken(src, ms);
        robusto(s);
        siRiformatta(s);
      }),
      { numRuns: 60 },
    );
  });
  it("non-string input gives a diagnostic, not an exception", () => {
    for (const x of [undefined, null, 42, {}]) {
      expect(() => check(x as unknown as string)).not.toThrow();
      expect(compile(x as unknown as string).regolamento).toBeUndefined();
    }
  });
});
