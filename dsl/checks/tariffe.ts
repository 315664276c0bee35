// Fee tables: E030 brackets not increasing, E031 overlaps and gaps (`oltre` not last / missing),
// E032 no `iva` (warning), E070 variation (or solidale, compenso) on an unknown voce, E080 `scaglioni A-B` out
// of the table.
import type { Dichiarazione } from "../ast.ts";
import { avviso, errore, type Diagnostic } from "../diagnostica.ts";
import { centesimi } from "../numeri.ts";
import type { Conoscenza } from "./conoscenza.ts";
import { forseIntendevi } from "./suggerimenti.ts";
import type { Raccolta } from "./visita.ts";

function tabella(d: Dichiarazione, diags: Diagnostic[]): void {
  let ultimo = -Infinity;
  let ultimoRaw = "";
  let chiusa: Dichiarazione["clausole"][number] | undefined;
  let righe = 0;
  for (const c of d.clausole) {
    if (c.k === "finoA" && c.soglia) {
      righe++;
      if (chiusa) diags.push(errore("E031", `lo scaglione 'fino a ${c.soglia.numero.raw} €' viene dopo l'ultimo ('oltre' o importo fisso): va prima`, c.span));
      const v = centesimi(c.soglia.numero.valore);
      if (v <= ultimo) diags.push(errore("E030", `scaglioni non crescenti: 'fino a ${c.soglia.numero.raw} €' dopo 'fino a ${ultimoRaw} €'`, c.span));
      ultimo = Math.max(ultimo, v);
      ultimoRaw = c.soglia.numero.raw;
    } else if (c.k === "oltre") {
      if (chiusa) diags.push(errore("E031", "la tabella ha già la sua ultima riga", c.span));
      if (righe === 0) diags.push(errore("E031", "'oltre' chiude una tabella a scaglioni: prima servono le righe 'fino a N €: …'", c.span));
      if (c.soglia && righe > 0 && centesimi(c.soglia.numero.valore) !== ultimo)
        diags.push(errore("E031", `'oltre ${c.soglia.numero.raw} €' non segue l'ultimo scaglione 'fino a ${ultimoRaw} €': scaglioni sovrapposti o con una lacuna`, c.span));
      chiusa = c;
    } else if (c.k === "importo") {
      if (righe > 0 || chiusa) diags.push(errore("E031", "un importo fisso non si mescola agli scaglioni: usa 'oltre: …' per l'ultima riga", c.span));
      chiusa = c;
    }
  }
  if (righe > 0 && !chiusa)
    diags.push(errore("E031", `la tabella '${d.nome?.testo ?? ""}' finisce con 'fino a ${ultimoRaw} €': manca la riga 'oltre: …' per i valori più alti`, d.nome?.span ?? d.span));
  if (!d.clausole.some((c) => c.k === "iva"))
    diags.push(avviso("E032", `la tariffa '${d.nome?.testo ?? ""}' non dice l'IVA: scrivi 'iva 22%' (o 'iva 0%' se esente)`, d.nome?.span ?? d.span));
}

export function tariffe(r: Raccolta, k: Conoscenza, diags: Diagnostic[]): void {
  for (const d of r.dichiarazioni) {
    if (d.tipo === "tariffa") tabella(d, diags);
    if (d.tipo !== "riduzione" && d.tipo !== "aumento" && d.tipo !== "esenzione" && d.tipo !== "solidale" && d.tipo !== "compenso") continue;
    const verificabile = k.basiDate || k.applica.length === 0;
    const su = d.clausole.find((c) => c.k === "su");
    const voci = su && su.k === "su" ? [...su.voci] : [];
    for (const c of d.clausole) if ((c.k === "di" || c.k === "finoA") && c.misura?.t === "voce") voci.push(c.misura.voce);
    for (const v of voci) {
      if (k.voci.has(v.testo)) continue;
      if (verificabile) diags.push(errore("E070", `nessuna tariffa produce la voce '${v.testo}'${forseIntendevi(v.testo, k.voci)}`, v.span));
      else diags.push(avviso("E070", `la voce '${v.testo}' non è prodotta in questo file: la verifico solo con le basi applicate`, v.span));
    }
    const sc = d.tipo === "solidale" || d.tipo === "compenso" ? undefined : d.clausole.find((c) => c.k === "scaglioni");
    if (sc && sc.k === "scaglioni") {
      if (sc.da < 1 || sc.a < sc.da) {
        diags.push(errore("E080", `'scaglioni ${sc.raw}': l'intervallo va dal primo scaglione (1) in su, in ordine crescente`, sc.span));
        continue;
      }
      const n = Math.max(0, ...voci.map((v) => k.scaglioniPerVoce.get(v.testo) ?? 0));
      if (n > 0 && sc.a > n) diags.push(errore("E080", `'scaglioni ${sc.raw}': la tabella di ${voci.map((v) => v.testo).join(", ")} ha solo ${n} scaglioni`, sc.span));
    }
  }
}
