// Where a semantic change sits in each text: the rule's `riga` in the compiled form, else the line
// where the text declares it (`vincolo nome:`), so a click on the lawyer's list reveals both sides.
import type { Regolamento } from "../../engine/ir.ts";
import type { Change } from "../../engine/index.ts";

function rigaNelTesto(testo: string | undefined, nome: string): number | undefined {
  if (!testo) return undefined;
  const re = new RegExp(`^\\s*(vincolo|termine|tariffa|riduzione|aumento|esenzione|insieme|effetto|visibilita|azione|eccezione)\\s+${nome.replace(/[^\w]/g, "\\$&")}\\b`);
  const i = testo.split("\n").findIndex((r) => re.test(r));
  return i < 0 ? undefined : i + 1;
}

/** `azione_<x>` in the IR is declared as `azione x` in the text. */
function nomeNelTesto(nome: string): string[] {
  return nome.startsWith("azione_") ? [nome, nome.slice("azione_".length)] : [nome];
}

function riga(reg: Regolamento | undefined, testo: string | undefined, nome: string): number | undefined {
  const r = reg?.regole.find((x) => x.nome === nome);
  if (r?.riga !== undefined) return r.riga;
  for (const n of nomeNelTesto(nome)) {
    const k = rigaNelTesto(testo, n);
    if (k !== undefined) return k;
  }
  return undefined;
}

export interface Lato {
  regolamento?: Regolamento;
  testo?: string;
}

export function righeModifica(c: Change, prima: Lato, dopo: Lato): { prima?: number; dopo?: number } {
  return {
    prima: c.kind === "aggiunta" ? undefined : riga(prima.regolamento, prima.testo, c.regola),
    dopo: c.kind === "rimossa" ? undefined : riga(dopo.regolamento, dopo.testo, c.regola),
  };
}
