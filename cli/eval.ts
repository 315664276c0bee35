// `regolamento eval <organismo|id@versione|file.regolamento> <domanda.json|yaml> [--json]`
import { loadAll, readDocument, resolveRegolamento } from "../regolamenti/load.ts";
import { evaluate, dataDiRiferimento, type Domanda, type Risposta } from "../engine/index.ts";
import { eur } from "./formato.ts";
import { perConsentire } from "../engine/analisi/per-consentire.ts";

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const [spec, file] = args.filter((a) => !a.startsWith("--"));
  if (!spec || !file) { console.error("uso: regolamento eval <organismo|file.regolamento> <domanda.json|yaml> [--json]"); return 2; }
  try {
    const { catalog } = await loadAll();
    const q = (await readDocument(file)) as Domanda;
    const date = dataDiRiferimento(q ?? {});
    const r = await resolveRegolamento(spec, catalog, date);
    // The question's own `versione` wins over the file or id@versione named on the command line.
    const p = catalog.perDomanda(r.id, q ?? {}, q?.versione === undefined && (spec.includes("@") || spec.endsWith(".regolamento")) ? r.versione : undefined);
    const risposta = evaluate(p, q);
    if (risposta.esito === "negato") risposta.per_consentire = perConsentire(p, q, risposta);
    console.log(json ? JSON.stringify(risposta, null, 2) : testo(risposta));
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}


/** The answer as a person reads it. */
export function testo(r: Risposta): string {
  const out: string[] = [];
  if (r.regolamento) out.push(`regolamento ${r.regolamento.id} ${r.regolamento.versione}${r.regolamento.basi.length ? ` (su ${r.regolamento.basi.map((b) => `${b.id} ${b.versione}`).join(", ")})` : ""}`);
  if (r.esito) out.push(`esito: ${r.esito.toUpperCase()}`);
  for (const m of r.motivi) {
    out.push(`  ${r.esito === "negato" ? "✗" : "✓"} ${m.regola} (${m.cita}, ${m.fonte})${m.messaggio ? `: ${m.messaggio}` : ""}`);
    if (m.testo) out.push(`      «${m.testo}»`);
    if (m.scadenza) out.push(`      termine ${m.scadenza.nome}: ${m.scadenza.dal ? `dal ${m.scadenza.dal} ` : ""}${m.scadenza.entro ? `entro ${m.scadenza.entro}` : ""}`);
    if (m.fatti_mancanti) out.push(`      fatti mancanti: ${m.fatti_mancanti.join(", ")}`);
  }
  if (r.per_consentire?.length) {
    out.push("per consentire (una di queste modifiche, verificata dal motore):");
    for (const m of r.per_consentire) out.push(`  → ${m.descrizione} [${m.regole.map((x) => `${x.regola} (${x.cita})`).join(", ")}]`);
  }
  out.push(`fase: ${r.fase}`);
  if (r.scadenze.length) {
    out.push("scadenze:");
    for (const s of r.scadenze) out.push(`  ${s.nome}${s.parte ? ` (${s.parte})` : ""}: ${s.dal ? `dal ${s.dal} ` : ""}${s.entro ? `entro ${s.entro}` : ""}${s.scaduta ? " — SCADUTA" : ""} (${(s.fonti ?? [{ ...s, limiti: [] }]).map((f) => `${f.cita}, ${f.fonte}${f.limiti.length ? `: ${f.limiti.join(" ed ")}` : ""}`).join("; ")})${s.spostamenti ? `\n      ${s.spostamenti.join("\n      ")}` : ""}`);
  }
  if (r.indennita.per_parte.some((p) => p.voci.length)) {
    out.push("indennità:");
    for (const p of r.indennita.per_parte) {
      out.push(`  ${p.parte}: ${eur(p.totale)}${p.voci_senza_importo ? ` (più ${p.voci_senza_importo.join(", ")}: importo non indicato)` : ""}`);
      for (const v of p.voci) out.push(`    ${v.voce}: ${eur(v.imponibile)} + IVA ${eur(v.iva)} (${v.cita}${v.fonte ? `, ${v.fonte}` : ""})${v.nota ? ` — ${v.nota}` : ""}`);
    }
    out.push(`  totale: ${eur(r.indennita.totale)}${r.indennita.voci_senza_importo ? ` (senza ${r.indennita.voci_senza_importo.join(", ")}: importo non indicato)` : ""}`);
  }
  if (r.effetti.length) out.push(`effetti: ${r.effetti.map((e) => `${e.effetto}${e.parte ? ` (${e.parte})` : ""} [${e.cita}, ${e.fonte}]`).join("; ")}`);
  out.push(`azioni consentite: ${r.azioni_consentite.join(", ") || "nessuna"}`);
  if (r.conflitti?.length) out.push(`conflitti:\n  ${r.conflitti.map((c) => c.messaggio).join("\n  ")}`);
  if (r.fatti_mancanti?.length) out.push(`fatti mancanti: ${r.fatti_mancanti.join(", ")}`);
  if (r.errori?.length) out.push(`errori nella domanda:\n  ${r.errori.join("\n  ")}`);
  return out.join("\n");
}
