// Hover: what the line under the cursor means, from the compiled IR (`struttura` and `regole` carry
// `riga`): the citation, the quoted text of the comma, and what the rule stated there does.
import type { Articolo, Regola, Regolamento } from "../../engine/ir.ts";
import { descriviRegola } from "./descrivi-regola.ts";

export interface Spiegazione {
  cita: string;
  testo?: string;
  regola?: { nome: string; descrizione: string; testo?: string; nota?: string };
}

interface Unita {
  cita: string;
  testo?: string;
  riga: number;
}

function unita(struttura: Articolo[]): Unita[] {
  const out: Unita[] = [];
  for (const a of struttura) {
    const art = `art. ${a.numero}`;
    if (a.riga !== undefined) out.push({ cita: art, testo: a.testo ?? a.titolo, riga: a.riga });
    for (const l of a.lettere) if (l.riga !== undefined) out.push({ cita: `${art} lett. ${l.lettera}`, testo: l.testo, riga: l.riga });
    for (const c of a.commi) {
      if (c.riga !== undefined) out.push({ cita: `${art} c. ${c.numero}`, testo: c.testo, riga: c.riga });
      for (const l of c.lettere) if (l.riga !== undefined) out.push({ cita: `${art} c. ${c.numero} lett. ${l.lettera}`, testo: l.testo ?? c.testo, riga: l.riga });
    }
  }
  return out.sort((x, y) => x.riga - y.riga);
}

function ultimoPrimaDi<T extends { riga?: number }>(xs: readonly T[], riga: number): T | undefined {
  let migliore: T | undefined;
  for (const x of xs) if (x.riga !== undefined && x.riga <= riga && (!migliore || x.riga >= (migliore.riga ?? 0))) migliore = x;
  return migliore;
}

function spiegaRegola(r: Regola): Spiegazione {
  return { cita: r.cita, testo: r.testo, regola: { nome: r.nome, descrizione: descriviRegola(r), testo: r.testo, nota: r.nota } };
}

/** A parameter or a fee table named by the word: the names a question may use (IR `parametri`, `tabelle`). */
function spiegaNome(parola: string, regs: readonly Regolamento[]): Spiegazione | undefined {
  for (const r of regs) {
    const par = r.parametri[parola];
    if (par) {
      const valori = par.valori ? `valori ${par.valori.map((v) => JSON.stringify(v)).join(" | ")}` : par.elementi ? `elenco di ${par.elementi.slice(0, 6).join(", ")}, …` : "un numero";
      return { cita: par.cita ?? r.id, testo: par.nota, regola: { nome: parola, descrizione: `parametro: ${JSON.stringify(par.valore)} (predefinito); ${valori}; una domanda lo pone con \`parametri\`` } };
    }
    if (r.tabelle?.includes(parola))
      return { cita: r.id, regola: { nome: parola, descrizione: `tabella delle indennità: una domanda la sceglie con \`procedimento.tabella.nome\` (tabelle: ${r.tabelle.join(", ")})` } };
  }
  return undefined;
}

/**
 * The explanation for a position: a rule named by the word under the cursor wins; otherwise the
 * rule stated at or above the line, if it lies inside the innermost unit containing the line.
 */
export function spiega(reg: Regolamento, riga: number, parola?: string, basi: readonly Regolamento[] = []): Spiegazione | undefined {
  if (parola) {
    const nominata = reg.regole.find((r) => r.nome === parola) ?? basi.flatMap((b) => b.regole).find((r) => r.nome === parola);
    if (nominata) return spiegaRegola(nominata);
    const nome = spiegaNome(parola, [reg, ...basi]);
    if (nome) return nome;
  }
  const u = ultimoPrimaDi(unita(reg.struttura), riga);
  const r = ultimoPrimaDi(reg.regole, riga);
  if (r && (!u || (r.riga ?? 0) >= u.riga)) {
    const s = spiegaRegola(r);
    return { ...s, testo: r.testo ?? u?.testo };
  }
  return u ? { cita: u.cita, testo: u.testo } : undefined;
}

/** Markdown for Monaco's hover. */
export function spiegazioneMarkdown(s: Spiegazione): string {
  const righe = [`**${s.cita}**`];
  if (s.testo) righe.push(`> ${s.testo.replace(/\s+/g, " ").trim()}`);
  if (s.regola) {
    righe.push(`\`${s.regola.nome}\` — ${s.regola.descrizione}`);
    if (s.regola.nota) righe.push(`*Nota:* ${s.regola.nota}`);
  }
  return righe.join("\n\n");
}
