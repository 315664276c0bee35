// Is an action allowed? Its definition (who, in which phase), the vincoli on it, the terms that
// bind it and, for `accesso_documento`, the visibility of the document (engine/SEMANTICS.md §4).
import { truthy } from "./conditions/compile.ts";
import { fromDay, toDay } from "./dates/calendar.ts";
import { missingIn, resolve } from "./defaults.ts";
import { attoreDi, type State } from "./facts.ts";
import { finestraDi } from "./terms.ts";
import type { Azione, Conflitto, Motivo, Traccia } from "./contract.ts";
import type { Regola, Ruolo } from "./ir.ts";
import type { PEccezione, Prepared } from "./prepared.ts";

export interface Esame {
  /** Failing rules: the action is denied when there is at least one. */
  negativi: Motivo[];
  /** Rules that decided in favour (a term met, an exception applied). */
  positivi: Motivo[];
  traccia: Traccia[];
  mancanti: string[];
  conflitti: Conflitto[];
}

export const MOTORE = "motore";

const ORGANISMO: readonly string[] = ["mediatore", "segreteria", "responsabile", "organismo"];

/** Whether an actor of role `ruolo` (a party's role, or an organismo role) is among `da`. */
export function ruoloAmmesso(da: readonly Ruolo[], ruolo: string, isParte: boolean): boolean {
  for (const r of da) {
    if (r === ruolo) return true;
    if (r === "parte" && isParte) return true;
    if (r === "organismo" && ORGANISMO.includes(ruolo)) return true;
    if (ruolo === "organismo" && ORGANISMO.includes(r)) return true;
  }
  return false;
}

const motivo = (r: Regola, messaggio: string, extra?: Partial<Motivo>): Motivo => ({
  regola: r.nome, cita: r.cita, fonte: r.fonte, ...(r.testo ? { testo: r.testo } : {}), messaggio, ...extra,
});
const traccia = (r: { nome: string; cita: string; fonte: string }, esito: string, dettaglio?: string): Traccia =>
  dettaglio === undefined ? { regola: r.nome, cita: r.cita, fonte: r.fonte, esito } : { regola: r.nome, cita: r.cita, fonte: r.fonte, esito, dettaglio };

function eccezioneTraccia(e: PEccezione, target: Regola): Traccia {
  return traccia(e.r, `eccezione ${e.r.nome} prevale su ${target.nome}`, e.variante ? "la regola si applica modificata" : "la regola non si applica");
}

function conflitto(target: Regola, ecc: { r: Regola }[], out: Esame): void {
  const regole = ecc.map((e) => ({ regola: e.r.nome, cita: e.r.cita, fonte: e.r.fonte }));
  const messaggio = `conflitto: ${regole.map((r) => `${r.regola} (${r.cita}, ${r.fonte})`).join(" e ")} si applicano entrambe a ${target.nome} e nessuna prevale sull'altra`;
  out.conflitti.push({ regole, messaggio });
  out.negativi.push({ regola: target.nome, cita: target.cita, fonte: target.fonte, messaggio });
}

/**
 * Examines `a` at the current phase. `bare`: the probe of `azioni_consentite` — any party's role
 * may act, and guards that need fields the bare action lacks are not held against it.
 */
export function esamina(p: Prepared, st: State, a: Azione, giorno: number, bare: boolean): Esame {
  const out: Esame = { negativi: [], positivi: [], traccia: [], mancanti: [], conflitti: [] };
  const ctx = st.ctx;
  const fase = ctx["fase"] as string;
  const attore = attoreDi(a, st.n.parti);
  const isParte = typeof a.parte === "string" && attore !== undefined && (attore["ruolo"] === "istante" || attore["ruolo"] === "invitata");
  const ruolo = String(attore["ruolo"]);
  const ruoli = bare ? [...new Set([...st.n.parti.map((x) => x.ruolo as string), "organismo"])] : [ruolo];
  const ammesso = (da: readonly Ruolo[]) => ruoli.some((r) => ruoloAmmesso(da, r, bare ? r !== "organismo" : isParte));
  ctx["azione"] = a;
  ctx["attore"] = attore;
  if (a.azione === "accesso_documento") ctx["documento"] = documento(st, a);

  // 1. the action's definition
  const def = p.definizioni.get(a.azione);
  if (def) {
    const d = def.r;
    if (d.da && !ammesso(d.da)) out.negativi.push(motivo(d, `${a.azione} spetta a ${d.da.join(", ")}, non a ${ruolo}`, { per_consentire: `l'azione deve essere compiuta da ${d.da.join(" o ")}` }));
    const inFase = d.inFase ? d.inFase.includes(fase) : !p.fasiFinali.has(fase);
    if (!inFase) out.negativi.push(motivo(d, d.inFase ? `${a.azione} è ammessa nella fase ${d.inFase.join(", ")}, non in ${fase}` : `il procedimento è concluso (fase ${fase})`));
    if (!bare && out.negativi.length === 0) out.traccia.push(traccia(d, "consente", `${a.azione} da ${ruolo} in fase ${fase}`));
  } else if (p.fasiFinali.has(fase)) {
    const f = p.fasi.get(fase);
    out.negativi.push({ regola: `fase_${fase}`, cita: f?.cita || "—", fonte: p.fontiFasi.get(fase) ?? p.id, messaggio: `il procedimento è concluso (fase ${fase}): ${a.azione} non è più ammessa` });
  }

  // 2. vincoli
  for (const pv of p.vincoliPer.get(a.azione) ?? []) {
    const res = resolve(pv, ctx);
    if (res.kind === "conflitto") { conflitto(pv.r, res.eccezioni, out); continue; }
    if (res.via) {
      out.traccia.push(eccezioneTraccia(res.via, pv.r));
      if (!bare) out.positivi.push(motivo(res.via.r, `eccezione ${res.via.r.nome} prevale su ${pv.r.nome}`));
    }
    if (res.kind === "no") { if (res.mancanti && !bare) out.mancanti.push(...res.mancanti); continue; }
    const v = res.pr.r as import("./ir.ts").Vincolo;
    const richiede = (res.pr as typeof pv).richiede;
    if (v.da && !ammesso(v.da)) { out.negativi.push(motivo(v, v.motivo ?? `${a.azione} spetta a ${v.da.join(", ")}`)); continue; }
    if (v.inFase && !v.inFase.includes(fase)) { out.negativi.push(motivo(v, v.motivo ?? `${a.azione} non è ammessa nella fase ${fase}`)); continue; }
    if (truthy(richiede.fn(ctx))) {
      const miss = missingIn(richiede, ctx);
      if (miss && !bare) out.mancanti.push(...miss);
      out.traccia.push(traccia(v, "consente"));
      continue;
    }
    const miss = missingIn(richiede, ctx);
    if (bare && miss) continue;
    if (miss) out.mancanti.push(...miss);
    out.traccia.push(traccia(v, "nega"));
    out.negativi.push(motivo(v, v.motivo ?? `${a.azione}: condizione non soddisfatta`, miss ? { fatti_mancanti: miss } : undefined));
  }

  // 3. terms binding the action
  const terms = p.terminiPer.get(a.azione);
  if (terms) {
    const perScadenza = new Map<string, Regola[]>();
    for (const { t, campo } of terms) {
      const res = resolve(t, ctx);
      if (res.kind === "conflitto") { conflitto(t.r, res.eccezioni, out); continue; }
      if (res.via) {
        out.traccia.push(eccezioneTraccia(res.via, t.r));
        if (!bare) out.positivi.push(motivo(res.via.r, `eccezione ${res.via.r.nome} prevale su ${t.r.nome}`));
      }
      if (res.kind === "no") continue;
      const r = res.pr.r as import("./ir.ts").Termine;
      const parte = r.ciascunaParte && typeof a.parte === "string" ? a.parte : undefined;
      const w = finestraDi(p, st, r, parte);
      if (!w) continue;
      const same = perScadenza.get(r.scadenza);
      if (same) { same.push(r); conflitto(r, same.map((x) => ({ r: x })), out); continue; }
      perScadenza.set(r.scadenza, [r]);
      const raw = campo ? a[campo] : undefined;
      if (campo && raw === undefined) { if (!bare) out.mancanti.push(`azione.${campo}`); continue; }
      const d = campo ? (typeof raw === "string" ? toDay(raw.slice(0, 10)) : undefined) : giorno;
      if (d === undefined) { if (!bare) out.negativi.push(motivo(r, `${campo}: data non valida ${JSON.stringify(raw)}`)); continue; }
      const scadenza = { nome: r.scadenza, ...(w.dal !== undefined ? { dal: fromDay(w.dal) } : {}), ...(w.entro !== undefined ? { entro: fromDay(w.entro) } : {}) };
      if (r.salvoAccordo && a.accordo_parti === true) {
        out.traccia.push(traccia(r, "non vincola", "salvo diverso accordo delle parti: le parti hanno concordato"));
        if (!bare) out.positivi.push(motivo(r, "il termine cede all'accordo delle parti", { scadenza }));
        continue;
      }
      const tooEarly = w.dal !== undefined && d < w.dal, tooLate = w.entro !== undefined && d > w.entro;
      const quando = campo ? `${campo} ${fromDay(d)}` : `il ${fromDay(d)}`;
      if (tooEarly || tooLate) {
        out.traccia.push(traccia(r, "nega", `${quando} fuori dal termine`));
        out.negativi.push(motivo(r, tooEarly ? `${a.azione}: ${quando} è prima del ${scadenza.dal} (${r.scadenza})` : `${a.azione}: ${quando} è oltre il termine del ${scadenza.entro} (${r.scadenza})`, {
          scadenza, ...(r.salvoAccordo ? { per_consentire: "un diverso accordo delle parti (accordo_parti: true)" } : {}),
        }));
      } else {
        out.traccia.push(traccia(r, "consente", `${quando} nel termine`));
        if (!bare) out.positivi.push(motivo(r, `${a.azione} nel termine ${r.scadenza}`, { scadenza }));
      }
    }
  }

  // 4. who may see a document
  if (a.azione === "accesso_documento" && !bare) visibilita(p, st, a, ruolo, out);
  ctx["azione"] = null;
  ctx["attore"] = null;
  ctx["documento"] = undefined;
  return out;
}

function documento(st: State, a: Azione): Azione | undefined {
  for (let i = st.n.eventi.length - 1; i >= 0; i--) {
    const e = st.n.eventi[i]!.a;
    if (e.azione === "deposito_documento" && a.documento !== undefined && e.documento === a.documento) return e;
  }
  return undefined;
}

function visibilita(p: Prepared, st: State, a: Azione, ruolo: string, out: Esame): void {
  const doc = st.ctx["documento"] as Azione | undefined;
  if (!doc) {
    out.negativi.push({ regola: "documento_sconosciuto", cita: "—", fonte: MOTORE, messaggio: `nessun deposito_documento con documento ${JSON.stringify(a.documento)}` });
    return;
  }
  const regole = p.visibilita.get(String(doc.tipo)) ?? [];
  for (const pv of regole) {
    const res = resolve(pv, st.ctx);
    if (res.kind !== "applica") continue;
    const v = res.pr.r as import("./ir.ts").Visibilita;
    const vede = v.visibileA.some((w) =>
      (w === "depositante" && typeof a.parte === "string" && a.parte === doc.parte) ||
      (w === "mediatore" && ruolo === "mediatore") ||
      (w === "segreteria" && ruolo === "segreteria") ||
      (w === "parti" && typeof a.parte === "string"));
    if (vede) out.traccia.push(traccia(v, "consente"));
    else {
      out.traccia.push(traccia(v, "nega"));
      out.negativi.push(motivo(v, `i documenti ${v.documenti} sono visibili solo a ${v.visibileA.join(", ")}`));
    }
  }
}
