// The thresholds a rule's conditions compare against, read from its json-logic: `valore <= 25000`,
// `numero_parti > 2`, `materia in [...]`, `azione.mediatore.categoria = praticante_abilitato`.
// Pure, over the IR: the boundary generator (genera.ts) and the conformity check build their
// questions from them.
import type { JsonLogic } from "../ir.ts";

export interface SogliaNumerica {
  path: string;
  valore: number;
  op: "<" | "<=" | ">" | ">=" | "==" | "!=";
}

export interface Uguaglianza {
  path: string;
  valori: string[];
  /** `!=` or `!in`: the condition holds for the values it does NOT name. */
  negata: boolean;
}

const CONFRONTI = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);
const ROVESCIA: Record<string, SogliaNumerica["op"]> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };

const varDi = (x: JsonLogic): string | undefined => {
  if (!x || typeof x !== "object" || Array.isArray(x) || !("var" in x)) return undefined;
  const v = (x as { var: JsonLogic }).var;
  const p = Array.isArray(v) ? v[0] : v;
  return typeof p === "string" && p !== "" ? p : undefined;
};

const norm = (op: string) => (op === "===" ? "==" : op === "!==" ? "!=" : op) as SogliaNumerica["op"];

/** Every comparison of a fact with a literal, anywhere in the condition (under and/or/not alike). */
export function soglieDi(cond: JsonLogic | undefined): { numeriche: SogliaNumerica[]; uguaglianze: Uguaglianza[] } {
  const numeriche: SogliaNumerica[] = [];
  const uguaglianze: Uguaglianza[] = [];
  const visita = (x: JsonLogic, negata: boolean) => {
    if (Array.isArray(x)) { for (const y of x) visita(y, negata); return; }
    if (!x || typeof x !== "object") return;
    for (const [op, arg] of Object.entries(x)) {
      const args = Array.isArray(arg) ? arg : [arg];
      if (op === "!") { visita(args[0] ?? null, !negata); continue; }
      // Inside a quantifier the paths are an element's, not facts: not thresholds of the procedure.
      if (op === "all" || op === "some" || op === "none" || op === "filter" || op === "map") { visita(args[0] ?? null, negata); continue; }
      if (CONFRONTI.has(op) && args.length === 2) {
        const [a, b] = args as [JsonLogic, JsonLogic];
        const pa = varDi(a), pb = varDi(b);
        const path = pa ?? pb;
        const lit = pa ? b : a;
        if (path && typeof lit === "number") numeriche.push({ path, valore: lit, op: pa ? norm(op) : ROVESCIA[norm(op)]! });
        else if (path && typeof lit === "string" && (op === "==" || op === "===" || op === "!=" || op === "!==")) {
          uguaglianze.push({ path, valori: [lit], negata: negata !== (op === "!=" || op === "!==") });
        }
        continue;
      }
      if (op === "in" && args.length === 2) {
        const path = varDi(args[0] as JsonLogic);
        const lista = args[1];
        if (path && Array.isArray(lista) && lista.every((v) => typeof v === "string")) uguaglianze.push({ path, valori: lista as string[], negata });
        continue;
      }
      visita(args as JsonLogic, negata);
    }
  };
  if (cond !== undefined) visita(cond, false);
  return { numeriche, uguaglianze };
}

/**
 * The facts a condition reads as true (`azione.esigenze_organizzative` in `quando
 * azione.esigenze_organizzative e …`): bare paths and `!!` paths under and/or, not negated.
 */
export function veriDi(cond: JsonLogic | undefined): string[] {
  const out: string[] = [];
  const visita = (x: JsonLogic) => {
    const v = varDi(x);
    if (v) { out.push(v); return; }
    if (!x || typeof x !== "object" || Array.isArray(x)) return;
    for (const [op, arg] of Object.entries(x)) {
      const args = Array.isArray(arg) ? arg : [arg];
      if (op === "and" || op === "or") for (const y of args) visita(y as JsonLogic);
      else if (op === "!!") visita(args[0] as JsonLogic);
    }
  };
  if (cond !== undefined) visita(cond);
  return out;
}
