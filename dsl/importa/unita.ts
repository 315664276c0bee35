// The units (articolo / comma / lettera) a `.regolamento` declares, as citations: "art. 5 c. 4 lett. b".
// Used to compare a skeleton with a hand-written file, and by the editor's index of commi.
import type { AstFile, ArticoloAst, CommaAst, LetteraAst } from "../ast.ts";

const numero = (n: { numero?: { valore: number }; suffisso?: string }) => `${n.numero?.valore ?? "?"}${n.suffisso ? `-${n.suffisso}` : ""}`;

export function unitaDichiarate(ast: AstFile): string[] {
  const out: string[] = [];
  const lettera = (prefisso: string, l: LetteraAst) => out.push(`${prefisso}lett. ${l.lettera?.testo ?? "?"}`.trim());
  const comma = (a: string, c: CommaAst) => {
    const p = `${a} c. ${numero(c)}`;
    out.push(p);
    for (const f of c.figli) if ("n" in f && f.n === "lettera") lettera(`${p} `, f);
  };
  const articolo = (a: ArticoloAst) => {
    const p = `art. ${numero(a)}`;
    out.push(p);
    for (const f of a.figli) {
      if ("n" in f && f.n === "comma") comma(p, f);
      else if ("n" in f && f.n === "lettera") lettera(`${p} `, f);
    }
  };
  for (const e of ast.elementi) {
    if ("n" in e && e.n === "articolo") articolo(e);
    else if ("n" in e && e.n === "lettera") lettera("", e);
  }
  return out;
}
