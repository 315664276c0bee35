// What would make a denied action allowed (issue 13 § 4): the smallest single changes to the
// question — a fact's value at a threshold the rules read, a date inside the window that excluded
// it, who acts, an earlier action — each kept only when evaluating the changed question allows
// the action, with the rules that denied it and would then pass. Outside evaluate's hot path: the
// server calls it for denials only, the CLI for `eval`. Pure.
import { evaluate } from "../evaluate.ts";
import type { Azione, Domanda, ModificaPerConsentire, Motivo, Risposta } from "../contract.ts";
import type { JsonLogic, Regola } from "../ir.ts";
import type { Prepared } from "../prepared.ts";
import { fonteDi } from "../fonte.ts";
import { fromDay, toDay } from "../dates/calendar.ts";
import { varsOf } from "../conditions/vars.ts";
import { campioniDi } from "./condizioni.ts";
import { azioneDi, clona, poniFatto } from "./domanda-base.ts";

/** One change, and what it makes pass (docs/contratto.md `per_consentire`). */
export type Modifica = ModificaPerConsentire;

/** At most this many changes are listed (the nearest first). */
const MAX = 6;
/** At most this many questions are evaluated for one denial. */
const MAX_PROVE = 300;

const ORGANISMO = ["mediatore", "segreteria", "responsabile"] as const;

function leggi(q: Domanda, path: string): unknown {
  const [radice, ...resto] = path.split(".");
  let cur: unknown;
  if (radice === "azione") cur = q.azione;
  else if (q.procedimento.eventi?.some((e) => e.azione === radice)) cur = [...q.procedimento.eventi].reverse().find((e) => e.azione === radice);
  else { cur = q.procedimento; resto.unshift(radice!); }
  for (const s of resto) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[s] : undefined;
  return cur;
}

const fmt = (x: unknown) => (x === undefined ? "assente" : typeof x === "number" ? x.toLocaleString("it-IT") : String(x));

/**
 * The rules behind the denial's reasons, as the prepared version holds them (a scan: a denial's few
 * reasons over a version's rules, outside evaluate's path; an index by name in every prepared
 * version cost ≈ 24 kB each, 24 MB for the bench's 1,000 organismi).
 */
function regoleDi(p: Prepared, motivi: Motivo[]): Regola[] {
  const out: Regola[] = [];
  for (const m of motivi) for (const pr of p.regole) if (pr.r.nome === m.regola && fonteDi(pr.r, p.id) === m.fonte) out.push(pr.r);
  return out;
}

function condizioniDi(p: Prepared, azione: string, negano: Regola[]): JsonLogic[] {
  const out: JsonLogic[] = [];
  for (const r of [...negano, ...(p.vincoliPer.get(azione) ?? []).map((v) => v.r)]) {
    if (r.quando !== undefined) out.push(r.quando);
    if (r.tipo === "vincolo") out.push(r.richiede);
  }
  for (const e of p.eccezioni) if (negano.some((r) => r.nome === e.r.a.nome)) out.push(e.r.quando);
  return out;
}

/** The smallest changes that allow a denied action, each confirmed by evaluation; [] when the answer is not a denial. */
export function perConsentire(p: Prepared, q: Domanda, r: Risposta): Modifica[] {
  if (r.esito !== "negato" || !q.azione || typeof q.azione.azione !== "string") return [];
  const a0 = q.azione;
  const negano = regoleDi(p, r.motivi);
  const regole = r.motivi.map((m) => ({ regola: m.regola, cita: m.cita, fonte: m.fonte }));
  const giorno = toDay(String(a0.data ?? q.data ?? "")) ?? toDay(new Date().toISOString().slice(0, 10))!;
  const candidati: Candidato[] = [];
  const visti = new Set<string>();
  const prova = (m: Omit<Modifica, "regole">, distanza: number, cambia: (q: Domanda) => boolean): void => {
    const chiave = JSON.stringify([m.campo, m.a]);
    if (visti.has(chiave)) return;
    visti.add(chiave);
    candidati.push({ m, distanza, cambia });
  };

  // 1. The action's date: the window's first or last day, for each term that excluded it.
  for (const m of r.motivi) {
    if (!m.scadenza) continue;
    const t = p.terminiPer.get(a0.azione)?.find((x) => x.t.r.scadenza === m.scadenza!.nome);
    const campo = t?.campo ?? "data";
    for (const d of [m.scadenza.dal, m.scadenza.entro]) {
      if (!d) continue;
      const da = a0[campo];
      const dist = Math.abs((toDay(d) ?? 0) - (toDay(String(da ?? "")) ?? 0));
      prova({ tipo: "data", campo: `azione.${campo}`, da, a: d, descrizione: `${a0.azione} il ${d} invece che il ${fmt(da)} (${m.scadenza.nome})` }, dist, (x) => {
        x.azione![campo] = d;
        if (campo === "data") x.data = d;
        return true;
      });
    }
  }

  // 2. A fact the rules read, at each value that changes their outcome.
  const conds = condizioniDi(p, a0.azione, negano);
  const campioni = campioniDi({ and: conds });
  for (const [path, valori] of campioni) {
    // Parameters are the organismo's; a path with fields read below it is an object, not a value to replace.
    if (path.startsWith("parametri.") || path === "azione.data" || [...campioni.keys()].some((k) => k.startsWith(`${path}.`))) continue;
    const da = leggi(q, path);
    if (da !== null && typeof da === "object") continue;
    for (const v of valori) {
      if (v === da || v === null) continue;
      const dist = typeof v === "number" && typeof da === "number" ? Math.abs(v - da) / Math.max(1, Math.abs(da)) : 1;
      prova({ tipo: "fatto", campo: path, da, a: v, descrizione: `${path} = ${fmt(v)} invece di ${fmt(da)}` }, 1 + dist, (x) => poniFatto(x.procedimento, x.azione, path, v, giorno - 1));
    }
  }

  // 3. Who acts: another party, or one of the organismo's people.
  const parti = (q.procedimento.parti ?? []).map((x) => x.id).filter((id) => id !== a0.parte);
  for (const id of parti)
    prova({ tipo: "attore", campo: "azione.parte", da: a0.parte, a: id, descrizione: `${a0.azione} compiuta dalla parte ${id}` }, 2, (x) => {
      delete x.azione!.ruolo;
      x.azione!.parte = id;
      return true;
    });
  for (const ruolo of ORGANISMO)
    if (ruolo !== a0.ruolo)
      prova({ tipo: "attore", campo: "azione.ruolo", da: a0.ruolo ?? a0.parte, a: ruolo, descrizione: `${a0.azione} compiuta da ${ruolo}` }, 2, (x) => {
        delete x.azione!.parte;
        x.azione!.ruolo = ruolo;
        return true;
      });

  // 4. An earlier action: one the rules name, or one that leads to a phase where the action may be taken.
  const prima = new Set<string>();
  for (const c of conds) for (const v of varsOf(c)) { const radice = v.split(".")[0]!; if (p.insiemeAzioniNote.has(radice)) prima.add(radice); }
  for (const m of r.motivi) if (m.scadenza) for (const t of p.terminiPer.get(a0.azione) ?? []) if ("evento" in t.t.r.ancora) prima.add(t.t.r.ancora.evento);
  const def = p.definizioni.get(a0.azione)?.r;
  if (def?.inFase) for (const [nome, d] of p.definizioni) if (d.r.transizioni.some((t) => def.inFase!.includes(t.fase))) prima.add(nome);
  const tutteRegole = p.regole.map((x) => x.r);
  for (const nome of prima) {
    if (nome === a0.azione) continue;
    const ev: Azione = azioneDi(nome, giorno - 1, tutteRegole);
    prova({ tipo: "azione_precedente", campo: nome, a: { ...ev }, descrizione: `prima, ${nome} (il ${fromDay(giorno - 1)})` }, 3, (x) => {
      const eventi = (x.procedimento.eventi ??= []);
      eventi.push(ev);
      eventi.sort((u, w) => String(u.data ?? "").localeCompare(String(w.data ?? "")));
      return true;
    });
  }

  return scegli(p, q, candidati, regole);
}

interface Candidato { m: Omit<Modifica, "regole">; distanza: number; cambia: (q: Domanda) => boolean }

/** Whether the question changed by these candidates allows the action (undefined: a change did not apply). */
function consente(p: Prepared, q: Domanda, cs: Candidato[]): boolean {
  const q2 = clona(q);
  for (const c of cs) if (!c.cambia(q2)) return false;
  return evaluate(p, q2).esito === "consentito";
}

/** Single changes first, the nearest per field; when none allows the action, two changes together. */
function scegli(p: Prepared, q: Domanda, candidati: Candidato[], regole: Modifica["regole"]): Modifica[] {
  candidati.sort((x, y) => x.distanza - y.distanza);
  let prove = 0;
  const out: Modifica[] = [];
  const campi = new Set<string>();
  for (const c of candidati) {
    if (campi.has(c.m.campo) || prove++ >= MAX_PROVE) continue;
    if (!consente(p, q, [c])) continue;
    campi.add(c.m.campo);
    out.push({ ...c.m, regole });
    if (out.length === MAX) return out;
  }
  if (out.length) return out;
  const coppie = new Set<string>();
  for (let i = 0; i < candidati.length; i++)
    for (let j = i + 1; j < candidati.length; j++) {
      const a = candidati[i]!, b = candidati[j]!;
      const chiave = `${a.m.campo}\u0000${b.m.campo}`;
      if (a.m.campo === b.m.campo || coppie.has(chiave) || prove++ >= MAX_PROVE) continue;
      if (!consente(p, q, [a, b])) continue;
      coppie.add(chiave);
      out.push({ ...a.m, descrizione: `${a.m.descrizione}, e ${b.m.descrizione}`, insieme_a: [b.m], regole });
      if (out.length === MAX) return out;
    }
  return out;
}
