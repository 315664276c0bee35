// E021 (target of `eccezione a` / `sostituisce` does not exist), E022 (`X di <base>` not applied),
// E023 (`sostituisce` names a rule of another kind), E060 (`dalla scadenza di X` where X is no termine).
import type { Regola, Regolamento } from "../../engine/ir.ts";
import type { RifAst } from "../ast.ts";
import { tipoIr } from "../compile/regolamento.ts";
import { avviso, errore, type Diagnostic } from "../diagnostica.ts";
import { regolaNelleBasi } from "./basi.ts";
import type { Conoscenza } from "./conoscenza.ts";
import { forseIntendevi } from "./suggerimenti.ts";
import type { Raccolta } from "./visita.ts";

const UN_IR: Record<Regola["tipo"], string> = {
  vincolo: "un vincolo", termine: "un termine", tariffa: "una tariffa", variazione: "una variazione", insieme: "un insieme",
  effetto: "un effetto", visibilita: "una visibilità", azione: "la definizione di un'azione", eccezione: "un'eccezione",
  solidarieta: "una solidarietà", compenso: "un compenso",
};

export function riferimenti(r: Raccolta, k: Conoscenza, bases: Regolamento[] | undefined, diags: Diagnostic[]): void {
  const nomiBasi = (fonte?: string): string[] =>
    (bases ?? []).filter((b) => !fonte || b.id === fonte).flatMap((b) => b.regole.map((g) => g.nome));

  /** Checks a reference; returns the kind of the rule it names when found. `proprio`: the referring rule's own name (never its own target). */
  const verifica = (rif: RifAst, come: string, proprio: string | undefined): Regola["tipo"] | undefined => {
    const fonte = rif.di?.testo;
    const nome = rif.nome.testo;
    if (fonte && fonte !== k.id && !k.applica.includes(fonte)) {
      diags.push(errore("E022", `'${nome} di ${fonte}': il regolamento non applica ${fonte} (aggiungi 'applica ${fonte}' nell'intestazione)`, rif.di!.span));
      return undefined;
    }
    const locale = !fonte || fonte === k.id;
    const tipoLocale = nome !== proprio ? k.regoleLocali.get(nome) : undefined;
    if (locale && tipoLocale) return tipoLocale as Regola["tipo"];
    const locali = [...k.regoleLocali.keys()].filter((n) => n !== proprio);
    if (fonte === k.id) {
      diags.push(errore("E021", `${come} '${nome}' non esiste in questo regolamento${forseIntendevi(nome, locali)}`, rif.nome.span));
      return undefined;
    }
    if (!k.basiDate) {
      if (k.applica.length === 0) diags.push(errore("E021", `${come} '${nome}' non esiste${forseIntendevi(nome, locali)}`, rif.nome.span));
      else diags.push(avviso("E021", `${come} '${nome}' non è in questo file: lo verifico solo con le basi applicate (${k.applica.join(", ")})`, rif.nome.span));
      return undefined;
    }
    const trovata = regolaNelleBasi(bases, { nome, ...(fonte ? { fonte } : {}) });
    if (trovata) return trovata.tipo;
    const candidati = [...nomiBasi(fonte), ...(locale ? locali : [])];
    diags.push(errore("E021", `${come} '${nome}' non esiste${fonte ? ` in ${fonte}` : ""}${forseIntendevi(nome, candidati)}`, rif.nome.span));
    return undefined;
  };

  for (const d of r.dichiarazioni) {
    const proprio = d.nome ? (d.tipo === "azione" ? `azione_${d.nome.testo}` : d.nome.testo) : undefined;
    if (d.a) verifica(d.a, "la regola a cui deroga l'eccezione", proprio);
    if (d.sostituisce) {
      const tipo = verifica(d.sostituisce, "la regola sostituita", proprio);
      const mio = tipoIr(d.tipo);
      if (tipo && tipo !== mio)
        diags.push(errore("E023", `'${d.sostituisce.nome.testo}' è ${UN_IR[tipo]}: ${UN_IR[mio]} non può sostituirla (usa un'eccezione, o una regola dello stesso tipo)`, d.sostituisce.nome.span));
    }
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
        errore("E060", tipo ? `'${t.testo}' è ${UN_IR[tipo as Regola["tipo"]] ?? `un ${tipo}`}, non un termine: 'dalla scadenza di' vuole un termine` : `'dalla scadenza di ${t.testo}': nessun termine si chiama così${forseIntendevi(t.testo, k.termini)}`, t.span),
      );
    }
  }
}
