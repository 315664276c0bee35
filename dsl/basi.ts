// Which baseline versions a file applies: for each id in `applica`, the version in force at the
// file's `in vigore dal` date (several files may share one baseline id with different dates).
// Pure: the caller reads the files; baselines that apply other baselines are resolved recursively.
import type { Regolamento } from "../engine/ir.ts";
import { compile } from "./index.ts";
import { readHeader, type Header } from "./intestazione.ts";

export interface FonteBase {
  file: string;
  source: string;
}

export interface BasiRisolte {
  bases: Regolamento[];
  /** Problems with the baselines themselves (missing, or not compiling). */
  problemi: string[];
}

/**
 * The version of `id` in force at `data`; when every version is later (a regolamento older than the
 * baseline files, e.g. one in force since 2013), the earliest one, which is what its procedures meet.
 */
export function scegliVersione<T extends { header: Header }>(candidati: T[], id: string, data: string): T | undefined {
  const versioni = candidati.filter((c) => c.header.id === id).sort((a, b) => (a.header.inVigoreDal < b.header.inVigoreDal ? -1 : 1));
  return versioni.filter((c) => c.header.inVigoreDal <= data).pop() ?? versioni[0];
}

export function risolviBasi(header: Header, fonti: FonteBase[], escludi?: string): BasiRisolte {
  const candidati = fonti
    .filter((f) => f.file !== escludi)
    .flatMap((f) => {
      const h = readHeader(f.source);
      return h ? [{ ...f, header: h }] : [];
    });
  const problemi: string[] = [];
  const cache = new Map<string, Regolamento | undefined>();
  const risolvi = (h: Header, pila: string[]): Regolamento[] => {
    const out: Regolamento[] = [];
    for (const id of h.applica) {
      if (pila.includes(id)) {
        problemi.push(`applicazione circolare: ${[...pila, id].join(" → ")}`);
        continue;
      }
      const c = scegliVersione(candidati, id, h.inVigoreDal);
      if (!c) {
        problemi.push(`nessun file di '${id}' tra le basi`);
        continue;
      }
      const chiave = `${c.file}`;
      if (!cache.has(chiave)) {
        const sotto = risolvi(c.header, [...pila, id]);
        const r = compile(c.source, { bases: sotto });
        if (!r.regolamento) problemi.push(`la base ${c.file} non compila: ${r.diagnostics.filter((d) => d.severity === "error").length} errori`);
        cache.set(chiave, r.regolamento);
        if (r.regolamento) for (const s of sotto) if (!out.some((o) => o.id === s.id)) out.push(s);
      }
      const reg = cache.get(chiave);
      if (reg && !out.some((o) => o.id === reg.id)) out.push(reg);
    }
    return out;
  };
  return { bases: risolvi(header, [header.id]), problemi };
}
