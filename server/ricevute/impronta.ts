// The content hash of a compiled version: sha-256 (hex) of its IR's canonical JSON (object keys
// sorted at every level, no whitespace, undefined members dropped as JSON.stringify drops them).
// Anyone holding the IR (`GET …/regolamenti/{v}/compilato` → `regolamento`) recomputes it.
import { createHash } from "node:crypto";

export function jsonCanonico(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? "null" : jsonCanonico(x))).join(",")}]`;
  const o = v as Record<string, unknown>;
  const chiavi = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${chiavi.map((k) => `${JSON.stringify(k)}:${jsonCanonico(o[k])}`).join(",")}}`;
}

const memo = new WeakMap<object, string>();

/** Memoised per IR object: a published version is immutable and the catalogue keeps one object per version. */
export function improntaIr(ir: object): string {
  let h = memo.get(ir);
  if (h === undefined) {
    h = createHash("sha256").update(jsonCanonico(ir)).digest("hex");
    memo.set(ir, h);
  }
  return h;
}

/** The hash stored with a published version (regolamento_versioni.impronta_ir), for its IR object: not computed again. */
export function ricordaImpronta(ir: object, impronta: string): void {
  memo.set(ir, impronta);
}
