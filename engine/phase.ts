// The phase after the events: from the initial phase, each event moves it along the first
// transition of its action's definition whose `quando` holds (engine/SEMANTICS.md §3).
//
// The same left fold also records each event in the facts (`applyEvent`). It is kept in the
// question's history (storia.ts) and continued from where it stopped by the next question on the
// same history: each event is folded once. What the fold read is the question's facts, and a
// transition's `quando` may read facts of the whole history or of the question (a set, the value
// fixed later, the date): so it is continued only while the facts its transitions read are the same
// (`chiave`), else folded again from the first event. That is exact, and rare: transitions read the
// action being applied.
import { truthy, slotSeNoto } from "./conditions/compile.ts";
import { radiciLette } from "./conditions/radici.ts";
import { applyEvent, attoreDi, slotEventi, S_ATTORE, S_AZIONE, S_CONTEGGIO, S_FASE, type State } from "./facts.ts";
import { LAVORO } from "./storia.ts";
import type { PDefinizione, Prepared } from "./prepared.ts";
import type { Azione, Parte, Traccia } from "./contract.ts";

/** The fold so far: its inputs (what it read) and its state after `letti` events. */
interface Piega {
  p: Prepared;
  parti: Parte[];
  lunghezza: number;
  chiave: unknown[];
  letti: number;
  fase: string;
  tracce: Traccia[];
  conteggio: unknown;
  eventi: unknown;
  /** The last event of each action, by slot (what `applyEvent` wrote); kept only for a history kept. */
  ultimi: Map<number, Azione> | undefined;
}

export function derivePhase(p: Prepared, st: State, traccia: Traccia[]): string {
  const s = st.f.s;
  const storia = st.n.storia;
  const S_EVENTI = slotEventi();
  // A history used by one question only (evaluate's) keeps nothing: the fold writes its trace into the answer's.
  const tenuta = storia.tenuta;
  const chiave = tenuta ? chiaveDi(p, s) : undefined;
  let f = storia.fase as Piega | undefined;
  storia.fase = undefined; // kept again only if the fold completes
  if (f && chiave && f.p === p && f.parti === st.n.parti && f.lunghezza === s.length && uguali(f.chiave, chiave)) {
    s[S_CONTEGGIO] = f.conteggio;
    if (S_EVENTI !== undefined && S_EVENTI < s.length) s[S_EVENTI] = f.eventi;
    for (const [i, a] of f.ultimi!) s[i] = a;
  } else {
    f = { p, parti: st.n.parti, lunghezza: s.length, chiave: chiave ?? [], letti: 0, fase: p.faseIniziale, tracce: tenuta ? [] : traccia, conteggio: s[S_CONTEGGIO],
      eventi: S_EVENTI !== undefined && S_EVENTI < s.length ? s[S_EVENTI] : undefined, ultimi: tenuta ? new Map() : undefined };
  }
  const eventi = st.n.eventi;
  let fase = f.fase;
  for (; f.letti < eventi.length; f.letti++) {
    LAVORO.eventi++;
    const ev = eventi[f.letti]!;
    applyEvent(st, ev);
    const slot = slotSeNoto(ev.a.azione);
    if (f.ultimi && slot !== undefined && slot < s.length) f.ultimi.set(slot, ev.a);
    const def = p.definizioni.get(ev.a.azione);
    if (!def || def.transizioni.length === 0) continue;
    s[S_FASE] = fase;
    s[S_AZIONE] = ev.a;
    s[S_ATTORE] = attoreDi(ev.a, st.n.parti);
    for (const t of def.transizioni) {
      if (t.quando === undefined || truthy(t.quando.fn(st.f))) {
        if (t.fase !== fase) f.tracce.push({ regola: def.r.nome, cita: def.r.cita, fonte: def.r.fonte, esito: `porta a ${t.fase}`, dettaglio: `${ev.a.azione}${ev.a.data ? ` del ${String(ev.a.data)}` : ""}` });
        fase = t.fase;
        f.fase = fase;
        break;
      }
    }
  }
  if (tenuta) {
    if (chiave) storia.fase = f;
    // Copies: the answer owns its trace.
    for (const t of f.tracce) traccia.push({ ...t });
  }
  s[S_FASE] = fase;
  s[S_AZIONE] = null;
  s[S_ATTORE] = null;
  return fase;
}

/**
 * The slots the transitions of `p` read that the fold does not write itself, once per set of
 * definitions; undefined when some transition may read any fact.
 */
const LETTE = new WeakMap<Map<string, PDefinizione>, number[] | null>();
function slotLetti(p: Prepared): number[] | undefined {
  let v = LETTE.get(p.definizioni);
  if (v === undefined) {
    const radici = new Set<string>();
    let tutte = false;
    for (const def of p.definizioni.values()) {
      for (const t of def.r.transizioni) {
        if (t.quando === undefined) continue;
        const r = radiciLette(t.quando);
        if (!r) { tutte = true; break; }
        for (const x of r) radici.add(x);
      }
    }
    const scritte = new Set([S_FASE, S_AZIONE, S_ATTORE, S_CONTEGGIO]);
    v = tutte ? null : [...radici].map((x) => slotSeNoto(x)).filter((i): i is number => i !== undefined && !scritte.has(i) && i !== slotSeNoto("eventi"));
    LETTE.set(p.definizioni, v);
  }
  return v ?? undefined;
}

/** The values of those slots in this question, before the fold writes the facts. */
function chiaveDi(p: Prepared, s: unknown[]): unknown[] | undefined {
  const slot = slotLetti(p);
  if (!slot) return undefined;
  const out: unknown[] = [];
  for (const i of slot) out.push(s[i]);
  return out;
}

function uguali(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}
