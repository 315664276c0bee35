// Short Italian descriptions of rules, shared by diff and the comparison matrix.
import { printCondition } from "./conditions/print.ts";
import { formatValore } from "./money.ts";
import type { Importo, Limite, Misura, Regola, Scaglione, Termine } from "./ir.ts";

export function limite(l: Limite): string {
  const uno = l.quantita === 1;
  const u = l.unita === "giorni" ? (uno ? "giorno" : "giorni") : l.unita === "mesi" ? (uno ? "mese" : "mesi") : uno ? "giorno lavorativo" : "giorni lavorativi";
  return `${l.quantita} ${u}${l.quantitaDa ? ` o ${l.quantitaDa}` : ""}`;
}

export function ancora(t: Termine): string {
  const a = t.ancora;
  if ("termine" in a) return `dalla scadenza di ${a.termine}`;
  const ev = "fatto" in a ? a.fatto : a.campo ? `${a.evento}.${a.campo}` : a.evento;
  return a.verso === "prima" ? `prima di ${ev}` : `da ${ev}`;
}

export function finestraTesto(t: Termine): string {
  const prima = "verso" in t.ancora && t.ancora.verso === "prima";
  const parts: string[] = [];
  if (t.nonPrimaDi) parts.push(`non prima di ${limite(t.nonPrimaDi)}`);
  if (t.entro) parts.push(prima ? `non meno di ${limite(t.entro)}` : t.nonPrimaDi ? `non oltre ${limite(t.entro)}` : `entro ${limite(t.entro)}`);
  return `${parts.join(" e ")} ${ancora(t)}`;
}

export function termineTesto(t: Termine): string {
  const extra: string[] = [];
  if (t.salvoAccordo) extra.push("salvo accordo delle parti");
  if (t.ciascunaParte) extra.push("per ciascuna parte");
  if (t.inMancanza) extra.push(`in mancanza: ${t.inMancanza}`);
  if (!t.sospesoDaChiusure) extra.push("senza sospensione");
  if (t.senzaSanzione) extra.push("senza sanzione");
  return [finestraTesto(t), ...extra].join(", ");
}

export function euroBreve(cents: number): string {
  return `€ ${formatValore(Math.abs(cents))}`.replace(/^€/, cents < 0 ? "−€" : "€");
}

export function importoTesto(i: Importo | { tipo: "come_valore"; centesimi: number } | undefined): string {
  if (!i) return "—";
  switch (i.tipo) {
    case "fisso": return euroBreve(i.centesimi);
    case "percentuale_valore": return `${String(i.percentuale).replace(".", ",")}% del valore`;
    case "da_determinare": return "da determinare";
    case "come_valore": return `come valore ${euroBreve(i.centesimi)}`;
  }
}

/** "fino a 1.000", "25.000–50.000", "oltre 5.000.000" — `i` 0-based. */
export function scaglioneTesto(sc: Scaglione[], i: number): string {
  const s = sc[i]!;
  const prev = i > 0 ? sc[i - 1]!.fino : undefined;
  if (s.fino === undefined) return prev === undefined ? "importo fisso" : `oltre ${formatValore(prev)}`;
  if (prev === undefined) return `fino a ${formatValore(s.fino)}`;
  return `${formatValore(prev)}–${formatValore(s.fino)}`;
}

export function regolaTesto(r: Regola): string {
  switch (r.tipo) {
    case "termine": return termineTesto(r);
    case "vincolo": return `${r.azioni.join(", ")}${r.da ? ` da ${r.da.join(", ")}` : ""}${r.quando !== undefined ? ` quando ${printCondition(r.quando)}` : ""}: ${r.richiede === false ? "vietata" : `richiede ${printCondition(r.richiede)}`}`;
    case "tariffa": return `${r.voce}${r.tabella ? ` (tabella ${r.tabella})` : ""}: ${r.scaglioni.map((s, i) => `${scaglioneTesto(r.scaglioni, i)} ${importoTesto(s.importo)}`).join("; ")}${r.quantita ? ` × ${r.quantita}` : ""}${r.ivaPercento ? `, IVA ${r.ivaPercento}%` : ""}`;
    case "variazione": {
      const m = r.misura;
      const mis = misuraTesto(m);
      return `${r.segno < 0 ? "riduzione" : "aumento"} ${r.finoA ? "fino a " : "di "}${mis} su ${r.su.join(", ")}${r.scaglioni ? ` (scaglioni ${r.scaglioni.da}-${r.scaglioni.a})` : ""}${r.quando !== undefined ? ` quando ${printCondition(r.quando)}` : ""}`;
    }
    case "eccezione": return `a ${r.a.nome}${r.a.fonte ? ` di ${r.a.fonte}` : ""} quando ${printCondition(r.quando)}${r.modifica ? ` (modifica: ${Object.keys(r.modifica).join(", ")})` : ""}`;
    case "effetto": return `${r.effetto}${r.perParte ? " per ciascuna parte" : ""} quando ${printCondition(r.quando)}`;
    case "insieme": return `parti di ${r.da.map((d) => d.azione).join(", ")}`;
    case "visibilita": return `documenti ${r.documenti} visibili a ${r.visibileA.join(", ")}`;
    case "azione": return `${r.azione}${r.da ? ` da ${r.da.join(", ")}` : ""}${r.inFase ? ` in fase ${r.inFase.join(", ")}` : ""}${r.transizioni.length ? ` → ${r.transizioni.map((t) => t.fase).join(" | ")}` : ""}`;
    case "solidarieta": return `obbligazione solidale per ${r.voci.join(", ")}${r.quando !== undefined ? ` quando ${printCondition(r.quando)}` : ""}`;
    case "compenso": return `compenso del mediatore: ${misuraTesto(r.misura)} di ${r.su.join(", ")}${r.quando !== undefined ? ` quando ${printCondition(r.quando)}` : ""}`;
  }
}

export function misuraTesto(m: Misura): string {
  return m.tipo === "frazione" ? `${m.num}/${m.den}` : m.tipo === "percentuale" ? `${m.percentuale}%` : m.tipo === "importo" ? euroBreve(m.centesimi) : m.voce;
}

export const NOMI_TIPO: Record<Regola["tipo"], string> = {
  termine: "termine", vincolo: "vincolo", tariffa: "tariffa", variazione: "variazione", eccezione: "eccezione",
  effetto: "effetto", insieme: "insieme", visibilita: "visibilità", azione: "azione",
  solidarieta: "obbligazione solidale", compenso: "compenso del mediatore",
};
