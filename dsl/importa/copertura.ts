// The coverage table of a skeleton: every unit of the text, none coded yet (docs/copertura/<id>.md).
import type { Struttura } from "./struttura.ts";

export function coperturaIniziale(s: Struttura, id: string, nome: string): string {
  const righe: string[] = [];
  for (const l of s.lettere) righe.push(`| — | lett. ${l.lettera} | — | da codificare | |`);
  for (const a of s.articoli) {
    if (a.commi.length === 0) righe.push(`| ${a.numero} | — | — | da codificare | |`);
    for (const l of a.lettere) righe.push(`| ${a.numero} | lett. ${l.lettera} | — | da codificare | |`);
    for (const c of a.commi) {
      righe.push(`| ${a.numero} | ${c.numero} | — | da codificare | |`);
      for (const l of c.lettere) righe.push(`| ${a.numero} | ${c.numero} lett. ${l.lettera} | — | da codificare | |`);
    }
  }
  return [
    `# Copertura — ${nome} (\`${id}\`)`,
    "",
    `File: \`regolamenti/${id}.regolamento\`, scheletro generato da \`regolamento importa\`: ${righe.length} unità, codificate 0 (0%).`,
    "Quando un comma è codificato, la sua riga dice quali regole lo codificano; quando non lo è, perché",
    "(non operativo, ambiguo con il parametro che sceglie la lettura, non esprimibile).",
    "",
    "| Art. | Comma / lett. | Regole | Stato | Note |",
    "|---|---|---|---|---|",
    ...righe,
    "",
  ].join("\n");
}
