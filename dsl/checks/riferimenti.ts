// E021 (target of `eccezione a` / `sostituisce` does not exist), E022 (`X di <base>` not applied),
// E060 (`dalla scadenza di X` where X is no termine).
import type { Regolamento } from "../../engine/ir.ts";
import type { RifAst, Span } from "../ast.ts";
import { avviso, errore, type Diagnostic } from "../diagnostica.ts";
import { regolaNelleBasi } from "./basi.ts";
import type { Conoscenza } from "./conoscenza.ts";
import { forseIntendevi } from "./suggerimenti.ts";
import type { Raccolta } from "./visita.ts";

export function riferimenti(r: Raccolta, k: Conoscenza, bases: Regolamento[] | undefined, diags: Diagnostic[]): void {
  const nomiBasi = (fonte?: string): string[] =>
    (bases ?? []).filter((b) => !fonte || b.id === fonte).flatMap((b) => b.regole.map((g) => g.nome));

  const verifica = (rif: RifAst, come: string, span: Span): void => {
    const fonte = rif.di?.testo;
    if (fonte && fonte !== k.id && !k.applica.includes(fonte)) {
      diags.push(errore("E022", `'${rif.nome.testo} di ${fonte}': il regolamento non applica ${fonte} (aggiungi 'applica ${fonte}' nell'intestazione)`, rif.di!.span));
      return;
    }
    const locale = !fonte || fonte === k.id;
    if (locale && k.regoleLocali.has(rif.nome.testo)) return;
    if (fonte === k.id) {
      diags.push(errore("E021", `${come} '${rif.nome.testo}' non esiste in questo regolamento${forseIntendevi(rif.nome.testo, k.regoleLocali.keys())}`, rif.nome.span));
      return;
    }
    if (!k.basiDate) {
      if (k.applica.length === 0)
        diags.push(errore("E021", `${come} '${rif.nome.testo}' non esiste${forseIntendevi(rif.nome.testo, k.regoleLocali.keys())}`, rif.nome.span));
      else
        diags.push(avviso("E021", `${come} '${rif.nome.testo}' non è in questo file: lo verifico solo con le basi applicate (${k.applica.join(", ")})`, rif.nome.span));
      return;
    }
    if (regolaNelleBasi(bases, { nome: rif.nome.testo, ...(fonte ? { fonte } : {}) })) return;
    const candidati = [...nomiBasi(fonte), ...(locale ? k.regoleLocali.keys() : [])];
    diags.push(errore("E021", `${come} '${rif.nome.testo}' non esiste${fonte ? ` in ${fonte}` : ""}${forseIntendevi(rif.nome.testo, candidati)}`, rif.nome.span));
  };

  for (const d of r.dichiarazioni) {
    if (d.a) verifica(d.a, "la regola a cui deroga l'eccezione", d.a.span);
    if (d.sostituisce) verifica(d.sostituisce, "la regola sostituita", d.sostituisce.span);
    for (const c of d.clausole) {
      if (c.k !== "finestra" || c.ancora?.t !== "termine") continue;
      const t = c.ancora.termine;
      if (k.termini.has(t.testo)) continue;
      if (!k.basiDate && k.applica.length > 0 && !k.regoleLocali.has(t.testo)) {
        diags.push(avviso("E060", `il termine '${t.testo}' non è in questo file: lo verifico solo con le basi applicate`, t.span));
        continue;
      }
      const tipo = k.regoleLocali.get(t.testo);
      diags.push(
        errore("E060", tipo ? `'${t.testo}' è ${tipo === "insieme" ? "un insieme" : `un ${tipo}`}, non un termine: 'dalla scadenza di' vuole un termine` : `'dalla scadenza di ${t.testo}': nessun termine si chiama così${forseIntendevi(t.testo, k.termini)}`, t.span),
      );
    }
  }
}
