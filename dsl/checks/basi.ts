// Lookups in the applied baselines (when the caller gives them).
import type { Regola, Regolamento, RifRegola } from "../../engine/ir.ts";

export function regolaNelleBasi(bases: Regolamento[] | undefined, r: RifRegola): Regola | undefined {
  if (!bases) return undefined;
  for (const b of bases) {
    if (r.fonte && b.id !== r.fonte) continue;
    const x = b.regole.find((g) => g.nome === r.nome);
    if (x) return x;
  }
  return undefined;
}

export function tipoNelleBasi(bases: Regolamento[] | undefined, r: RifRegola): Regola["tipo"] | undefined {
  return regolaNelleBasi(bases, r)?.tipo;
}
