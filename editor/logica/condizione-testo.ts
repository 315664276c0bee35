// A json-logic condition (as the DSL compiles it) read back as a short Italian phrase, for hovers and
// for the diff list. Unknown operators fall back to their JSON so nothing is hidden.
import type { JsonLogic } from "../../engine/ir.ts";
import { formatNumero } from "./formato.ts";
import { printCondition } from "../../engine/conditions/print.ts";

const CONFRONTI: Record<string, string> = { "==": "=", "===": "=", "!=": "≠", "!==": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

function argomenti(v: JsonLogic): JsonLogic[] {
  return Array.isArray(v) ? v : [v];
}

function valore(v: JsonLogic): string {
  if (v === null) return "nullo";
  if (typeof v === "boolean") return v ? "vero" : "falso";
  if (typeof v === "number") return formatNumero(v);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return `[${v.map(valore).join(", ")}]`;
  return condizioneTesto(v);
}

export function condizioneTesto(c: JsonLogic | undefined): string {
  if (c === undefined) return "sempre";
  if (c === true) return "sempre";
  if (c === false) return "mai";
  if (c === null || typeof c !== "object" || Array.isArray(c)) return valore(c ?? null);
  const [op] = Object.keys(c);
  if (op === undefined) return "sempre";
  const args = argomenti(c[op] as JsonLogic);
  switch (op) {
    case "var":
      return String(args[0]);
    case "and":
      return args.map((a) => racchiudi(a, "or")).join(" e ");
    case "or":
      return args.map((a) => racchiudi(a, "and")).join(" o ");
    case "!": {
      const [a] = args;
      if (a && typeof a === "object" && !Array.isArray(a) && "var" in a) return `non esiste ${valore(a)}`;
      if (a && typeof a === "object" && !Array.isArray(a) && "in" in a) {
        const [x, lista] = argomenti(a.in as JsonLogic);
        return `${valore(x ?? null)} non in ${valore(lista ?? null)}`;
      }
      return `non (${condizioneTesto(a)})`;
    }
    case "!!":
      return `esiste ${valore(args[0] ?? null)}`;
    case "in":
      return `${valore(args[0] ?? null)} in ${valore(args[1] ?? null)}`;
    case "all":
    case "some":
    case "none":
      // `ogni p in parti (p.avvocato)`: the DSL's name for the element is not in the IR; the engine's
      // printer names it (`elemento`, `elemento2` when nested) and puts back what the body reads beside it
      return args.length === 2 ? printCondition(c) : JSON.stringify(c);
    default: {
      const simbolo = CONFRONTI[op];
      if (simbolo && args.length === 2) return `${valore(args[0] ?? null)} ${simbolo} ${valore(args[1] ?? null)}`;
      return JSON.stringify(c);
    }
  }
}

function racchiudi(a: JsonLogic, opAltro: string): string {
  const testo = condizioneTesto(a);
  return a && typeof a === "object" && !Array.isArray(a) && opAltro in a ? `(${testo})` : testo;
}
