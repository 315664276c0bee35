// What a compiled rule does, said in one or two Italian sentences: the hover shows it next to the
// quoted text of its comma, so a lawyer sees law and rule side by side.
import type { Ancora, Importo, Misura, Regola, Scaglione } from "../../engine/ir.ts";
import { condizioneTesto } from "./condizione-testo.ts";
import { formatCentesimi, formatLimite, formatNumero, parole } from "./formato.ts";

const FRAZIONI: Record<string, string> = {
  "1/1": "per intero", "1/2": "la metà", "1/3": "un terzo", "1/4": "un quarto", "1/5": "un quinto",
  "1/6": "un sesto", "1/10": "un decimo", "2/3": "due terzi", "3/4": "tre quarti",
};

function ancora(a: Ancora): string {
  if ("termine" in a) return `dalla scadenza del termine ${parole(a.termine)}`;
  if ("fatto" in a) return a.verso === "prima" ? `prima della data ${parole(a.fatto)}` : `dalla data ${parole(a.fatto)}`;
  const evento = a.campo ? `${parole(a.evento)} (${parole(a.campo)})` : parole(a.evento);
  return a.verso === "prima" ? `prima di ${evento}` : `da ${evento}`;
}

function importo(i: Importo | { tipo: "come_valore"; centesimi: number }): string {
  switch (i.tipo) {
    case "fisso":
      return formatCentesimi(i.centesimi);
    case "percentuale_valore":
      return `${formatNumero(i.percentuale)}% del valore`;
    case "da_determinare":
      return "da determinare";
    case "come_valore":
      return `come per il valore di ${formatCentesimi(i.centesimi)}`;
  }
}

function scaglioni(s: Scaglione[]): string {
  if (s.length === 1 && s[0]?.fino === undefined) return importo(s[0]!.importo);
  return s.map((x) => (x.fino === undefined ? `oltre: ${importo(x.importo)}` : `fino a ${formatCentesimi(x.fino)}: ${importo(x.importo)}`)).join("; ");
}

function misura(m: Misura): string {
  switch (m.tipo) {
    case "frazione":
      return FRAZIONI[`${m.num}/${m.den}`] ?? `${m.num}/${m.den}`;
    case "percentuale":
      return `${formatNumero(m.percentuale)}%`;
    case "importo":
      return formatCentesimi(m.centesimi);
    case "voce":
      return parole(m.voce);
  }
}

function quando(r: Regola): string {
  return r.quando === undefined ? "" : ` quando ${condizioneTesto(r.quando)}`;
}

/** One sentence per rule; the kind first, as the lawyer would name it. */
export function descriviRegola(r: Regola): string {
  switch (r.tipo) {
    case "vincolo": {
      const chi = r.da ? ` da ${r.da.join(", ")}` : "";
      const fase = r.inFase ? ` in fase ${r.inFase.map(parole).join(", ")}` : "";
      const cosa = r.richiede === false ? "è vietata" : `richiede ${condizioneTesto(r.richiede)}`;
      return `Vincolo: ${r.azioni.map(parole).join(", ")}${chi}${fase}${quando(r)} ${cosa}.`;
    }
    case "termine": {
      const finestra = [
        r.nonPrimaDi ? `non prima di ${formatLimite(r.nonPrimaDi)}` : "",
        r.entro ? `entro ${formatLimite(r.entro)}` : "",
      ].filter(Boolean).join(" e ");
      const extra = [
        r.per.length ? `vale per ${r.per.map((p) => (p.campo ? `${parole(p.azione)}.${p.campo}` : parole(p.azione))).join(", ")}` : "",
        r.salvoAccordo ? "salvo accordo delle parti" : "",
        r.ciascunaParte ? "per ciascuna parte" : "",
        r.sospesoDaChiusure ? "" : "senza sospensione per chiusure",
        r.senzaSanzione ? "senza sanzione: l'atto fuori termine non è negato" : "",
        r.inMancanza ? `in mancanza: ${parole(r.inMancanza)}` : "",
      ].filter(Boolean).join("; ");
      return `Termine ${parole(r.scadenza)}: ${finestra} ${ancora(r.ancora)}${quando(r)}${extra ? ` (${extra})` : ""}.`;
    }
    case "tariffa": {
      const tab = r.tabella ? ` (tabella ${r.tabella})` : "";
      const ind = r.indeterminato ? `; valore indeterminato: ${importo(r.indeterminato)}` : "";
      const volte = typeof r.quantita === "string" ? ` (per ${parole(r.quantita)})` : r.quantita ? " (per un conteggio di eventi)" : "";
      return `Tariffa ${parole(r.voce)}${tab}, IVA ${r.ivaPercento}%${quando(r)}: ${scaglioni(r.scaglioni)}${volte}${ind}.`;
    }
    case "variazione": {
      const tipo = r.segno < 0 ? "Riduzione" : "Aumento";
      const scagl = r.scaglioni ? ` (scaglioni ${r.scaglioni.da}–${r.scaglioni.a})` : "";
      const base = r.base === "totale" ? "sul totale di" : "su";
      return `${tipo} ${parole(r.voce)}: ${r.finoA ? "fino a " : ""}${misura(r.misura)} ${base} ${r.su.map(parole).join(", ")}${scagl}${quando(r)}.`;
    }
    case "insieme":
      return `Insieme ${parole(r.nome)}: le parti di ${r.da.map((d) => (d.quando ? `${parole(d.azione)} se ${condizioneTesto(d.quando)}` : parole(d.azione))).join(", ")}.`;
    case "effetto":
      return `Effetto ${parole(r.effetto)}${r.perParte ? " per ciascuna parte" : ""}${quando(r)}.`;
    case "visibilita":
      return `Visibilità: i documenti ${parole(r.documenti)} sono visibili a ${r.visibileA.join(", ")}.`;
    case "azione": {
      const chi = r.da ? ` da ${r.da.join(", ")}` : "";
      const fase = r.inFase ? ` in fase ${r.inFase.map(parole).join(", ")}` : "";
      const porta = r.transizioni.map((t) => (t.quando ? `${parole(t.fase)} se ${condizioneTesto(t.quando)}` : parole(t.fase))).join(", altrimenti ");
      return `Azione ${parole(r.azione)}${chi}${fase}${porta ? `; porta a ${porta}` : ""}.`;
    }
    case "solidarieta":
      return `Obbligazione solidale delle parti per ${r.voci.map(parole).join(", ")}${quando(r)}.`;
    case "compenso":
      return `Compenso del mediatore: ${misura(r.misura)} su ${r.su.map(parole).join(", ")}${quando(r)}.`;
    case "eccezione": {
      const bersaglio = r.a.fonte ? `${parole(r.a.nome)} di ${r.a.fonte}` : parole(r.a.nome);
      const mod = r.modifica ? `, che si applica modificata (${Object.keys(r.modifica).join(", ")})` : ", che non si applica";
      return `Eccezione a ${bersaglio}: quando ${condizioneTesto(r.quando)}${mod}.`;
    }
    default: {
      // A kind newer than this build (the IR comes from the server): say what it is, not nothing.
      const ignota = r as { tipo: string; nome: string };
      return `Regola ${ignota.tipo} ${parole(ignota.nome)}.`;
    }
  }
}
