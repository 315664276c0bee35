// The applied baselines (dlgs-28-2010, dm-150-2023…) in their compiled form, so the checker in the
// browser can resolve `eccezione a X di <base>` and the completion can offer the baseline's rules.
// Fetched once per (id, date); a baseline the server does not serve is simply left out (the checker
// then reports cross-file references as warnings, as for a lone file).
import type { Regolamento } from "../../engine/ir.ts";
import { api } from "./istanza.ts";

const cache = new Map<string, Promise<Regolamento | undefined>>();

async function base(id: string, data: string | undefined): Promise<Regolamento | undefined> {
  try {
    const versioni = await api.versioni(id);
    const inVigore = versioni
      .filter((v) => v.pubblicata !== false && (!data || !v.in_vigore_dal || v.in_vigore_dal <= data))
      .sort((a, b) => (a.in_vigore_dal ?? "").localeCompare(b.in_vigore_dal ?? ""));
    const scelta = inVigore.at(-1) ?? versioni.at(-1);
    if (!scelta) return undefined;
    return (await api.versione(id, scelta.versione)).regolamento;
  } catch {
    return undefined;
  }
}

export async function caricaBasi(ids: string[], data: string | undefined): Promise<Regolamento[]> {
  const tutte = await Promise.all(
    ids.map((id) => {
      const k = `${id}@${data ?? ""}`;
      if (!cache.has(k)) cache.set(k, base(id, data));
      return cache.get(k)!;
    }),
  );
  return tutte.filter((r): r is Regolamento => r !== undefined);
}
