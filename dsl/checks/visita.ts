// Walks every statement of a file with the scope it sits in.
import type { ArticoloAst, AstFile, CalendarioAst, CommaAst, Contenuto, Dichiarazione, LetteraAst, ParametroAst, ProceduraAst } from "../ast.ts";

export interface Raccolta {
  dichiarazioni: Dichiarazione[];
  parametri: ParametroAst[];
  calendari: CalendarioAst[];
  procedure: ProceduraAst[];
}

export function raccogli(ast: AstFile): Raccolta {
  const out: Raccolta = { dichiarazioni: [], parametri: [...(ast.intestazione?.parametri ?? [])], calendari: [], procedure: [] };
  const visita = (xs: readonly (ArticoloAst | CommaAst | LetteraAst | Contenuto)[]): void => {
    for (const x of xs) {
      switch (x.n) {
        case "articolo":
        case "comma":
        case "lettera":
          visita(x.figli);
          break;
        case "dichiarazione":
          out.dichiarazioni.push(x);
          break;
        case "parametro":
          out.parametri.push(x);
          break;
        case "calendario":
          out.calendari.push(x);
          break;
        case "procedura":
          out.procedure.push(x);
          break;
      }
    }
  };
  visita(ast.elementi);
  return out;
}
