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
/**
 * Every string seen, once: its canonical copy (short ones interned by V8, as names are compared all
 * the time; long ones, texts and notes, only deduplicated) and its id. Held for the process's life:
 * distinct strings of the versions published, a few MB for the 1,000 organismi of the bench.
 */
const stringhe = new Map<string, { s: string; id: number }>();
function stringa(v: string): { s: string; id: number } {
  let e = stringhe.get(v);
  if (e === undefined) { e = { s: v.length <= 64 ? intern(v) : v, id: stringhe.size }; stringhe.set(v, e); }
  return e;
}
let prossimo = 0;
/** Nodes made canonical so far (for tests and the bench: how much was shared). */
export const statistiche = { nodi: 0, condivisi: 0 };

const pulizia = new FinalizationRegistry<string>((chiave) => {
  const id = idDi.get(chiave);
  if (id !== undefined && perId.get(id)?.deref() === undefined) { idDi.delete(chiave); perId.delete(id); }
});

function idDiValore(v: unknown): string {
  switch (typeof v) {
    case "string": return `s${stringa(v).id}`;
    case "number": return `n${v}`;
    case "boolean": return v ? "t" : "f";
    case "undefined": return "u";
    default: return v === null ? "z" : `o${idDiNodo.get(v as object)!}`;
  }
}

let attiva = true;
/**
 * Turns sharing off (or back on) for what is canonicalised from now on: off, `condividi` makes a
 * private copy with interned strings (the engine before issue 15). For tests: answers must not
 * depend on it.
 */
export function impostaCondivisione(si: boolean): void {
  attiva = si;
}

/** Whether `condividi` shares (tests turn it off). */
export const condivisioneAttiva = (): boolean => attiva;

function copia<T>(x: T): T {
  if (typeof x === "string") return intern(x);
  if (typeof x !== "object" || x === null) return x;
  if (Array.isArray(x)) return x.map(copia) as T;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(x)) o[intern(k)] = copia((x as Record<string, unknown>)[k]);
  return o as T;
}

/**
 * The canonical copy of a JSON value: strings interned, and each object or array the one already
 * held with the same content (same keys in the same order, same children), or this one made
 * canonical. Idempotent: a canonical value comes back as it is.
 */
export function condividi<T>(x: T): T {
  if (typeof x === "string") return stringa(x).s as T;
  if (typeof x !== "object" || x === null) return x;
  if (!attiva) return copia(x);
  if (idDiNodo.has(x)) return x;
  // The key first, from the children made canonical; a new node is built only when none is held
  // (most of a version's nodes are: nothing allocated for them but the key).
  let chiave: string;
  let crea: () => object;
  // The key is joined, not built by `+=`: the table keeps it, and a concatenated string is a tree
  // of pieces plus, once hashed, a flat copy (≈ 9 MB of the bench's 1,000 organismi).
  if (Array.isArray(x)) {
    const figli = x.map(condividi);
    chiave = `[${figli.map(idDiValore).join(",")}`;
    crea = () => figli;
  } else {
    const chiavi = Object.keys(x);
    const valori: unknown[] = new Array(chiavi.length);
    const parti: string[] = new Array(chiavi.length);
    for (let i = 0; i < chiavi.length; i++) {
      const v = condividi((x as Record<string, unknown>)[chiavi[i]!]);
      valori[i] = v;
      parti[i] = `${stringa(chiavi[i]!).id}:${idDiValore(v)}`;
    }
    chiave = `{${parti.join(",")}`;
    crea = () => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < chiavi.length; i++) o[stringa(chiavi[i]!).s] = valori[i];
      return o;
    };
  }
  statistiche.nodi++;
  const id = idDi.get(chiave);
  const gia = id === undefined ? undefined : perId.get(id)?.deref();
  if (gia) { statistiche.condivisi++; return gia as T; }
  // Frozen: a canonical node is shared by every version that has it, so a change made for one
  // organismo would reach the others; frozen, such a change throws (ESM code is strict).
  const nodo = Object.freeze(crea());
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
