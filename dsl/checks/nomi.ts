// E020: two rules with one name in a file (an `azione X` definition is named `azione_X`).
import { errore, type Diagnostic } from "../diagnostica.ts";
import type { Raccolta } from "./visita.ts";

export function nomiDuplicati(r: Raccolta, diags: Diagnostic[]): void {
  const visti = new Map<string, number>();
  for (const d of r.dichiarazioni) {
    if (!d.nome) continue;
    const nome = d.tipo === "azione" ? `azione_${d.nome.testo}` : d.nome.testo;
    const prima = visti.get(nome);
    if (prima !== undefined) {
      const cosa = d.tipo === "azione" ? `l'azione '${d.nome.testo}' è già definita` : `il nome '${nome}' è già usato`;
      diags.push(errore("E020", `${cosa} alla riga ${prima}: ogni regola ha un nome unico nel file`, d.nome.span));
    } else visti.set(nome, d.nome.span.line);
  }
  const fasi = new Map<string, number>();
  for (const p of r.procedure)
    for (const f of p.fasi) {
      const prima = fasi.get(f.nome.testo);
      if (prima !== undefined) diags.push(errore("E020", `la fase '${f.nome.testo}' è già dichiarata alla riga ${prima}`, f.nome.span));
      else fasi.set(f.nome.testo, f.nome.span.line);
    }
}
