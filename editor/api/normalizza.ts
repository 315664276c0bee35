// The server's version documents, read into the editor's shapes. Tolerates the English spellings
// (`source`, `compiled`, `diagnostics`) beside the Italian ones so the editor does not break on a
// naming choice of the server.
import type { Diagnostic } from "../../dsl/index.ts";
import type { Regolamento } from "../../engine/ir.ts";
import type { VersioneDettaglio, VersioneInfo } from "./tipi.ts";

type Obj = Record<string, unknown>;

function primo<T>(o: Obj, chiavi: string[], ok: (v: unknown) => boolean): T | undefined {
  for (const k of chiavi) if (ok(o[k])) return o[k] as T;
  return undefined;
}

const isStr = (v: unknown) => typeof v === "string";
const isObj = (v: unknown) => !!v && typeof v === "object" && !Array.isArray(v);

export function normalizzaInfo(x: unknown): VersioneInfo {
  const o = (isObj(x) ? x : {}) as Obj;
  const reg = primo<Obj>(o, ["regolamento", "compilato", "compiled", "ir"], isObj);
  const versione = primo<string>(o, ["versione", "version"], isStr) ?? (reg && isStr(reg.versione) ? (reg.versione as string) : "");
  const stato = primo<string>(o, ["stato", "status", "state"], isStr);
  const pubblicata = typeof o.pubblicata === "boolean" ? o.pubblicata : stato ? stato.startsWith("pubblic") || stato === "published" : undefined;
  const info: VersioneInfo = { versione };
  if (stato) info.stato = stato;
  if (pubblicata !== undefined) info.pubblicata = pubblicata;
  const dal = primo<string>(o, ["in_vigore_dal", "inVigoreDal", "valida_dal"], isStr) ?? (reg && isStr(reg.inVigoreDal) ? (reg.inVigoreDal as string) : undefined);
  if (dal) info.in_vigore_dal = dal;
  return info;
}

export function normalizzaVersioni(x: unknown): VersioneInfo[] {
  const lista = Array.isArray(x) ? x : isObj(x) ? (primo<unknown[]>(x as Obj, ["versioni", "regolamenti", "items"], Array.isArray) ?? []) : [];
  return lista.map(normalizzaInfo);
}

export function normalizzaVersione(x: unknown, sorgenteInviata?: string): VersioneDettaglio {
  const o = (isObj(x) ? x : {}) as Obj;
  const regolamento = primo<Regolamento>(o, ["regolamento", "compilato", "compiled", "ir"], isObj);
  return {
    ...normalizzaInfo(o),
    sorgente: primo<string>(o, ["sorgente", "source", "testo", "text"], isStr) ?? sorgenteInviata ?? "",
    ...(regolamento ? { regolamento } : {}),
    diagnostiche: primo<Diagnostic[]>(o, ["diagnostiche", "diagnostics"], Array.isArray) ?? [],
  };
}
