// Hash-consing of IR (issue 15 § 1): a register of hundreds of organismi is mostly the same law and
// the same few templates with other numbers. Every piece of a version that is structurally equal to
// one already seen (a condition, a table of brackets, a text, a whole national rule) becomes that
// same object, so equal pieces are held once and the engine's work on them (compiled conditions,
// keyed by the canonical object) is done once and stays in the CPU's caches across organismi.
// Canonical objects are shared: nobody may mutate them (prepare copies a rule before touching it).
import { intern } from "./conditions/compile.ts";

/** A structural key per canonical node: its kind and its children's ids. */
const idDi = new Map<string, number>();
/** Canonical node by id (weakly held: a node no version uses any more can be collected). */
const perId = new Map<number, WeakRef<object>>();
const idDiNodo = new WeakMap<object, number>();
const idStringa = new Map<string, number>();
let prossimo = 0;
/** Nodes made canonical so far (for tests and the bench: how much was shared). */
export const statistiche = { nodi: 0, condivisi: 0 };

const pulizia = new FinalizationRegistry<string>((chiave) => {
  const id = idDi.get(chiave);
  if (id !== undefined && perId.get(id)?.deref() === undefined) { idDi.delete(chiave); perId.delete(id); }
});

function idDiValore(v: unknown): string {
  switch (typeof v) {
    case "string": {
      let i = idStringa.get(v);
      if (i === undefined) { i = idStringa.size; idStringa.set(v, i); }
      return `s${i}`;
    }
    case "number": return `n${v}`;
    case "boolean": return v ? "t" : "f";
    case "undefined": return "u";
    default: return v === null ? "z" : `o${idDiNodo.get(v as object)!}`;
  }
}

/**
 * The canonical copy of a JSON value: strings interned, and each object or array the one already
 * held with the same content (same keys in the same order, same children), or this one made
 * canonical. Idempotent: a canonical value comes back as it is.
 */
export function condividi<T>(x: T): T {
  if (typeof x === "string") return intern(x);
  if (typeof x !== "object" || x === null) return x;
  if (idDiNodo.has(x)) return x;
  let chiave: string;
  let nodo: object;
  if (Array.isArray(x)) {
    const figli = x.map(condividi);
    chiave = `[${figli.map(idDiValore).join(",")}]`;
    nodo = figli;
  } else {
    const o: Record<string, unknown> = {};
    const parti: string[] = [];
    for (const k of Object.keys(x)) {
      const v = condividi((x as Record<string, unknown>)[k]);
      o[intern(k)] = v;
      parti.push(`${idDiValore(k)}:${idDiValore(v)}`);
    }
    chiave = `{${parti.join(",")}}`;
    nodo = o;
  }
  statistiche.nodi++;
  const id = idDi.get(chiave);
  const gia = id === undefined ? undefined : perId.get(id)?.deref();
  if (gia) { statistiche.condivisi++; return gia as T; }
  const nuovo = prossimo++;
  idDi.set(chiave, nuovo);
  perId.set(nuovo, new WeakRef(nodo));
  idDiNodo.set(nodo, nuovo);
  pulizia.register(nodo, chiave);
  return nodo as T;
}

/** Whether a value is canonical (made by `condividi`), so equal content means the same object. */
export function canonico(x: unknown): boolean {
  return typeof x !== "object" || x === null || idDiNodo.has(x);
}
