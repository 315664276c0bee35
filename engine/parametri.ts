// "What if the organismo chose the other reading?": a question may set parameters (the readings an
// ambiguous text leaves open, e.g. `sabato_lavorativo`, `tabella_predefinita`). The prepared version is
// not touched: the question gets a shallow copy with the parameters and what is derived from them.
import type { Domanda } from "./contract.ts";
import type { Prepared } from "./prepared.ts";
import type { Traccia } from "./contract.ts";
import { parametroNonAccettato } from "./nomi.ts";

type Valore = number | string | boolean | string[];

const valido = (x: unknown): x is Valore =>
  typeof x === "number" || typeof x === "string" || typeof x === "boolean" ||
  (Array.isArray(x) && x.every((y) => typeof y === "string"));

/** The prepared version seen by this question, plus the problems and the trace of the override. */
export function conParametri(p: Prepared, q: Domanda): { p: Prepared; errori: string[]; traccia: Traccia[] } {
  const over = (q as { parametri?: unknown }).parametri;
  if (over === undefined || over === null) return { p, errori: [], traccia: [] };
  if (typeof over !== "object" || Array.isArray(over)) return { p, errori: ["parametri: atteso un oggetto { nome: valore }"], traccia: [] };
  const errori: string[] = [];
  const traccia: Traccia[] = [];
  const valori: Record<string, unknown> = { ...p.valoriParametri };
  for (const [nome, x] of Object.entries(over as Record<string, unknown>)) {
    if (!valido(x)) { errori.push(`parametri.${nome}: atteso un numero, un testo, vero/falso o un elenco di testi`); continue; }
    // A name or value the regolamento does not know is said. A value outside the parameter's values
    // is not applied (no reading's rules would hold: fees and terms would vanish silently); an
    // unknown name is set all the same (no rule reads it, so it changes nothing).
    const no = parametroNonAccettato(p.nomi, nome, x);
    if (no) { errori.push(no); if (p.nomi.parametri[nome]) continue; }
    valori[nome] = x;
    const dich = p.parametri[nome];
    traccia.push({ regola: nome, cita: dich?.cita ?? "—", fonte: p.id, esito: "parametro posto dalla domanda",
      dettaglio: `${nome} = ${JSON.stringify(x)}${dich ? ` (il regolamento dice ${JSON.stringify(dich.valore)})` : " (il regolamento non lo fissa)"}` });
  }
  if (traccia.length === 0) return { p, errori, traccia };
  const mo = valori["materie_obbligatorie"];
  return {
    p: {
      ...p,
      valoriParametri: valori,
      calendario: { ...p.calendario, sabatoLavorativo: valori["sabato_lavorativo"] === true },
      materieObbligatorie: Array.isArray(mo) ? (mo as string[]) : undefined,
    },
    errori,
    traccia,
  };
}
