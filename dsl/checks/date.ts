// E050: dates that do not exist (`2026-02-30`) and closures that end before they start.
import type { AstFile, Cond, Parola } from "../ast.ts";
import { errore, type Diagnostic } from "../diagnostica.ts";
import { dataValida, giornoMeseValido } from "../numeri.ts";
import type { Raccolta } from "./visita.ts";

export function date(ast: AstFile, r: Raccolta, diags: Diagnostic[]): void {
  const data = (p: Parola | undefined): boolean => {
    if (!p) return false;
    const ok = p.testo.length === 5 ? giornoMeseValido(p.testo) : dataValida(p.testo);
    if (!ok) diags.push(errore("E050", `data non valida '${p.testo}'`, p.span));
    return ok;
  };
  data(ast.intestazione?.inVigoreDal);
  for (const c of r.calendari)
    for (const v of c.voci) {
      if (v.t === "festivo") data(v.data);
      else if (data(v.dal) && data(v.al) && v.dal.testo > v.al.testo)
        diags.push(errore("E050", `chiusura dal ${v.dal.testo} al ${v.al.testo}: la fine viene prima dell'inizio`, v.span));
    }
  const cond = (c: Cond | undefined): void => {
    if (!c) return;
    switch (c.t) {
      case "o":
      case "e":
        c.parti.forEach(cond);
        return;
      case "non":
      case "parentesi":
      case "quantificatore":
        cond(c.x);
        return;
      case "confronto":
        for (const e of [c.a, c.b]) if (e.t === "data") data(e.data);
        return;
      case "inLista":
        for (const e of [c.a, ...c.lista]) if (e.t === "data") data(e.data);
        return;
      default:
        return;
    }
  };
  for (const d of r.dichiarazioni)
    for (const c of d.clausole) {
      if (c.k === "quando" || c.k === "richiede") cond(c.cond);
      if (c.k === "porta") cond(c.quando);
      if (c.k === "partiDi") [...c.fonti, ...(c.tranne ?? [])].forEach((f) => cond(f.se));
    }
  for (const p of r.parametri) if (p.valore?.t === "data") data(p.valore.data);
}
