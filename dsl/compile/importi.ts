// Amounts and measures → IR: money in integer cents, fractions as num/den.
import type { Importo, Misura } from "../../engine/ir.ts";
import type { FrazioneNome, ImportoAst, MisuraAst } from "../ast.ts";
import { centesimi } from "../numeri.ts";

export const FRAZIONI: Record<FrazioneNome, { num: number; den: number }> = {
  "un terzo": { num: 1, den: 3 },
  "un quarto": { num: 1, den: 4 },
  "un quinto": { num: 1, den: 5 },
  "un sesto": { num: 1, den: 6 },
  "un decimo": { num: 1, den: 10 },
  "la metà": { num: 1, den: 2 },
  "due terzi": { num: 2, den: 3 },
  "tre quarti": { num: 3, den: 4 },
  "per intero": { num: 1, den: 1 },
};

export function compilaImporto(i: ImportoAst): Importo {
  switch (i.t) {
    case "euro":
      return { tipo: "fisso", centesimi: centesimi(i.numero.valore) };
    case "percentuale":
      return { tipo: "percentuale_valore", percentuale: i.numero.valore };
    case "da_determinare":
      return { tipo: "da_determinare" };
  }
}

export function compilaMisura(m: MisuraAst): Misura {
  switch (m.t) {
    case "frazione":
      return { tipo: "frazione", ...FRAZIONI[m.nome] };
    case "percentuale":
      return { tipo: "percentuale", percentuale: m.numero.valore };
    case "euro":
      return { tipo: "importo", centesimi: centesimi(m.numero.valore) };
    case "voce":
      return { tipo: "voce", voce: m.voce.testo };
  }
}
