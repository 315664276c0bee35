// The case diff (GET …/diff/{b}/casi) as lines a Responsabile reads: for each changed procedure,
// the recorded act the new version would judge differently, the terms that move, the fees that
// change, each with the article; and the difference per voce over all procedures.
import type { CambioCaso, EsitoDiffCasi } from "../api/tipi.ts";
import { formatData, formatEuro, parole } from "./formato.ts";

export interface RigaCambio {
  tipo: "esito" | "termine" | "indennita";
  testo: string;
  /** The articles that decide it (the new version's, when it has the rule). */
  cita?: string;
  /** For a fee: up (more to pay) or down. */
  verso?: "su" | "giu";
}

/** "+20,00 €", "−405,00 €". */
export function formatDifferenza(x: number): string {
  return `${x > 0 ? "+" : x < 0 ? "−" : ""}${formatEuro(Math.abs(x))}`;
}

function finestra(w: { dal?: string; entro?: string } | undefined): string {
  if (!w) return "assente";
  const t = [w.dal ? `dal ${formatData(w.dal)}` : "", w.entro ? `entro il ${formatData(w.entro)}` : ""].filter(Boolean).join(" ");
  return t || "senza limite";
}

/** "praticanti_fino_a_25000 (art. 5 c. 4)" → the article; the rule's name when none. */
function articoli(motivi: string[]): string | undefined {
  const xs = motivi.map((m) => /\(([^)]*)\)\s*$/.exec(m)?.[1] ?? parole(m)).filter((x) => x && x !== "—");
  return xs.length ? [...new Set(xs)].join("; ") : undefined;
}

export function righeCambio(c: CambioCaso): RigaCambio[] {
  const out: RigaCambio[] = [];
  if (c.esito) {
    const { prima, dopo, evento } = c.esito;
    const atto = evento ? `${parole(evento.azione)}${evento.data ? ` del ${formatData(evento.data)}` : ""}` : "esito";
    // The reasons of the side that denies: why it changed.
    const motivi = dopo === "negato" ? c.esito.motivi_dopo : prima === "negato" ? c.esito.motivi_prima : c.esito.motivi_dopo;
    const cita = articoli(motivi);
    out.push({ tipo: "esito", testo: `${atto}: ${prima ?? "—"} → ${dopo ?? "—"}${motivi.length ? ` (${motivi.map((m) => parole(m.replace(/\s*\([^)]*\)\s*$/, ""))).join(", ")})` : ""}`, ...(cita ? { cita } : {}) });
  }
  for (const s of c.scadenze)
    out.push({ tipo: "termine", testo: `termine ${parole(s.nome)}${s.parte ? ` (${s.parte})` : ""}: ${finestra(s.prima)} → ${finestra(s.dopo)}`, ...(s.cita ? { cita: s.cita } : {}) });
  for (const v of c.indennita)
    out.push({
      tipo: "indennita",
      testo: `${parole(v.voce)} (${v.parte}): ${v.prima === null ? "—" : formatEuro(v.prima)} → ${v.dopo === null ? "—" : formatEuro(v.dopo)}${v.differenza !== null ? ` (${formatDifferenza(v.differenza)})` : ""}`,
      ...(v.cita ? { cita: v.cita } : {}),
      ...(v.differenza ? { verso: v.differenza > 0 ? ("su" as const) : ("giu" as const) } : {}),
    });
  return out;
}

/** "a1b2c3d4 · condominio · 20.000,00 € · depositato il 02/03/2026". */
export function titoloProcedimento(id: string, d: EsitoDiffCasi["procedimenti"][number] | undefined): string {
  return [id.slice(0, 8), d?.materia ? parole(d.materia) : "", d?.valore !== undefined ? formatEuro(d.valore) : "", d?.depositato_il ? `depositato il ${formatData(d.depositato_il)}` : ""].filter(Boolean).join(" · ");
}

export function riassuntoCasi(d: EsitoDiffCasi): string {
  const letti = d.casi < d.procedimenti_totali ? `gli ultimi ${d.casi} di ${d.procedimenti_totali} procedimenti` : `${d.casi} procedimenti`;
  return `${letti}: ${d.cambiati.length} cambiano, ${d.invariati} invariati${d.limitato_dal_lavoro ? " (i più vecchi esclusi: troppi eventi da riesaminare in una volta)" : ""}`;
}
