// The compiled form a client needs to evaluate offline (sdk/motore.ts): a published version's IR and
// every version of each baseline it applies (transitively), so the client chooses the baselines in
// force at a procedure's dates exactly as the server does. Published versions only: they are public.
import type { Regolamento } from "../engine-adapter.ts";
import type { Registro } from "../catalogo/registro.ts";
import { ErroreApi } from "../errori/errore.ts";

export interface FormaCompilata {
  regolamento: Regolamento;
  basi: Regolamento[];
}

export function formaCompilata(registro: Registro, organismo: string, versione: string): FormaCompilata {
  const regolamento = registro.versione(organismo, versione);
  if (!regolamento) throw new ErroreApi(404, "not_found", `Versione pubblicata ${versione} di ${organismo} non trovata.`);
  const basi: Regolamento[] = [];
  const visti = new Set<string>([organismo]);
  const visita = (ids: string[]) => {
    for (const id of ids) {
      if (visti.has(id)) continue;
      visti.add(id);
      const versioni = registro.catalog.versions(id);
      for (const v of versioni) visita(v.applica);
      basi.push(...versioni);
    }
  };
  visita(regolamento.applica);
  return { regolamento, basi };
}
