// The skeleton `.regolamento` of a text: its header, every articolo / comma / lettera with its words,
// each unit marked `# da codificare`, and each fee table found as a commented `tariffa` draft that
// names the lines it came from. Nothing is encoded: the author decides what each comma means.
import type { Articolo, Lettera, Struttura } from "./struttura.ts";
import type { TabellaTrovata } from "./tariffe.ts";

export const DA_CODIFICARE = "# da codificare";

export interface Intestazione {
  id: string;
  nome: string;
  registro?: number;
  /** ISO date, the day the skeleton is made unless told. */
  inVigoreDal: string;
}

const stringa = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** 1234.5 → "1.234,50"; 40 → "40". */
export function cifra(x: number): string {
  const [intera, decimali] = x.toFixed(2).split(".") as [string, string];
  const migliaia = intera.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return decimali === "00" ? migliaia : `${migliaia},${decimali}`;
}

function bozzaTariffa(t: TabellaTrovata, indent: string, k: number): string[] {
  const p = `${indent}#`;
  return [
    `${p} BOZZA DI TARIFFA dalle righe ${t.dal}-${t.al} del testo: togliere i "#", sceglierne la voce,`,
    `${p} le condizioni e l'aliquota IVA, e portarla sotto il comma che la richiama.`,
    `${p} tariffa tabella_${k} tabella tabella_${k} iva 22%:`,
    `${p}   voce spese_mediazione`,
    ...t.scaglioni.map((s) => (s.fino === undefined ? `${p}   oltre: ${cifra(s.importo)} €` : `${p}   fino a ${cifra(s.fino)} €: ${cifra(s.importo)} €`)),
  ];
}

export function scheletro(s: Struttura, tabelle: TabellaTrovata[], h: Intestazione, origine: string): string {
  const out: string[] = [
    `# Scheletro generato da \`regolamento importa\` dal testo ${origine}: ogni unità è da codificare.`,
    "# Da verificare nell'intestazione: il nome, il registro, la versione, la data di entrata in vigore, le basi.",
    `regolamento ${h.id} ${stringa(h.nome)}`,
  ];
  if (h.registro !== undefined) out.push(`  registro ${h.registro}`);
  out.push(`  versione "bozza" in vigore dal ${h.inVigoreDal}`, "  applica dlgs-28-2010, dm-150-2023");

  // Each table is written after the unit whose lines contain its first line.
  const restanti = tabelle.map((t, i) => ({ t, k: i + 1 }));
  const tabelleFinoA = (riga: number, indent: string) => {
    const qui: string[] = [];
    while (restanti.length && restanti[0]!.t.dal < riga) {
      const { t, k } = restanti.shift()!;
      qui.push(...bozzaTariffa(t, indent, k));
    }
    return qui;
  };
  const lettera = (l: Lettera, indent: string) => [`${indent}lettera ${l.lettera} ${stringa(l.testo)}`, `${indent}  ${DA_CODIFICARE}`];
  const articolo = (a: Articolo, fine: number) => {
    out.push("", `articolo ${a.numero}${a.titolo ? ` ${stringa(a.titolo)}` : ""}${a.testo ? ` testo ${stringa(a.testo)}` : ""}`);
    if (a.commi.length === 0 && a.lettere.length === 0) out.push(`  ${DA_CODIFICARE}`);
    for (const l of a.lettere) out.push(...lettera(l, "  "));
    a.commi.forEach((c, i) => {
      out.push(`  comma ${c.numero} ${stringa(c.testo)}`, `    ${DA_CODIFICARE}`);
      for (const l of c.lettere) out.push(...lettera(l, "    "));
      out.push(...tabelleFinoA(a.commi[i + 1]?.riga ?? fine, "    "));
    });
    out.push(...tabelleFinoA(fine, "  "));
  };
  if (s.lettere.length) out.push("");
  s.lettere.forEach((l, i) => {
    out.push(...lettera(l, ""));
    out.push(...tabelleFinoA(s.lettere[i + 1]?.riga ?? s.articoli[0]?.riga ?? s.allegati[0]?.riga ?? Infinity, "  "));
  });
  s.articoli.forEach((a, i) => articolo(a, s.articoli[i + 1]?.riga ?? s.allegati[0]?.riga ?? Infinity));
  s.allegati.forEach((a, i) => {
    out.push("", `# ${a.titolo.toUpperCase()} (riga ${a.riga} del testo): un allegato non è un articolo; le sue regole vanno`,
      "# sotto il comma che lo richiama.");
    out.push(...tabelleFinoA(s.allegati[i + 1]?.riga ?? Infinity, ""));
  });
  return out.join("\n") + "\n";
}
