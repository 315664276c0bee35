// Which roots of the facts a condition may read (conditions/compile.ts `Fatti`), for the
// incremental path (engine/storia.ts): a pass over the history is kept between questions only while
// the facts it reads are the same. Undefined: it may read any root (a computed `var` path, the
// whole data, `missing_some`).
import type { JsonLogic } from "../ir.ts";
import { radiceDi } from "./compile.ts";

export function radiciLette(logic: JsonLogic | undefined): Set<string> | undefined {
  const out = new Set<string>();
  return walk(logic, out) ? out : undefined;
}

/** False when the node may read any root. */
function walk(l: JsonLogic | undefined, out: Set<string>): boolean {
  if (Array.isArray(l)) { for (const x of l) if (!walk(x, out)) return false; return true; }
  if (l === null || typeof l !== "object") return true;
  for (const [op, raw] of Object.entries(l)) {
    const args = (Array.isArray(raw) ? raw : [raw]) as JsonLogic[];
    if (op === "var") {
      const p = args[0];
      if (typeof p === "number") out.add(String(p));
      else if (typeof p === "string" && p !== "") out.add(radiceDi(p.split(".")));
      else return false;
      if (!walk(args[1], out)) return false;
    } else if (op === "missing") {
      for (const a of args) if (typeof a === "string" && a !== "") out.add(radiceDi(a.split("."))); else return false;
    } else if (op === "missing_some") return false;
    // The body of a quantifier reads each element, not the facts; the list and reduce's initial value read the facts.
    else if (op === "all" || op === "some" || op === "none" || op === "filter" || op === "map" || op === "reduce") {
      if (!walk(args[0], out) || !walk(args.slice(2), out)) return false;
    } else if (!walk(args, out)) return false;
  }
  return true;
}
