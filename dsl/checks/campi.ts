// E017: a field of an action the vocabulary does not have (`azione.mezo`, `verbale.tpo`), per
// action: `azione.x` against the actions the rule binds (`per …`), `<azione>.x` against that one.
// A warning (an organismo may record more), with "forse intendevi …?".
import { campiDi, TUTTI_I_CAMPI } from "../../engine/analisi/campi-azioni.ts";
import type { Espr } from "../ast.ts";
import { avviso, type Diagnostic } from "../diagnostica.ts";
import { piuVicino } from "./suggerimenti.ts";

export function campoAzione(p: Espr & { t: "percorso" }, azioniDellaRegola: readonly string[], diags: Diagnostic[]): void {
  const [radice, campo] = p.segmenti;
  if (!radice || !campo) return;
  let ammessi: readonly string[] | undefined;
  let di: string;
  if (radice.testo === "azione") {
    const liste = azioniDellaRegola.map(campiDi);
    // A rule on an action of the file's own (not in the vocabulary): its fields are the file's.
    if (liste.some((l) => l === undefined)) return;
    ammessi = liste.length ? [...new Set(liste.flatMap((l) => l!))] : TUTTI_I_CAMPI;
    di = azioniDellaRegola.length ? azioniDellaRegola.join(", ") : "un'azione";
  } else {
    ammessi = campiDi(radice.testo);
    di = radice.testo;
  }
  if (!ammessi || ammessi.includes(campo.testo)) return;
  const s = piuVicino(campo.testo, ammessi);
  diags.push(avviso("E017", `campo '${campo.testo}' non previsto per ${di}${s ? `: forse intendevi '${s}'?` : ` (previsti: ${ammessi.join(", ")})`}`, campo.span));
}
