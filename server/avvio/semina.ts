// At every start: the national baselines and the organismi of regolamenti/**/*.regolamento that
// the database does not have yet are inserted as published versions (first start: all of them).
// Idempotent (ON CONFLICT DO NOTHING), so two servers starting together agree. The files are read,
// not compiled: only a version the database lacks is compiled (issue 15 § 1: a start compiles
// nothing once the register is seeded), each stored with its IR and the IR's hash.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { RADICE } from "../../percorsi.ts";
import { sql } from "drizzle-orm";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { improntaIr } from "../ricevute/impronta.ts";
import type { Motore, Regolamento } from "../engine-adapter.ts";

export interface EsitoSemina {
  inseriti: string[];
  scartati: { file: string; motivo: string }[];
}

/** regolamenti/ (regolamenti/load.ts REGOLAMENTI_DIR), without importing the loader and the language. */
const CARTELLA_SEMI = join(RADICE, "regolamenti");

/** The .regolamento files under a folder, as regolamenti/load.ts walks it. */
async function fileSemi(dir: string, out: string[] = []): Promise<string[]> {
  let voci;
  try { voci = await readdir(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of voci.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== "node_modules" && !e.name.startsWith(".")) await fileSemi(p, out); }
    else if (p.endsWith(".regolamento")) out.push(p);
  }
  return out;
}

/**
 * A header's `regolamento <id>` and `versione <v>` read line by line, without the parser (undefined
 * when the header is not laid out the usual way: then the parser reads it). Only to see that a file
 * is stored already: anything else goes through `readHeader`.
 */
export function idEVersione(sorgente: string): string | undefined {
  const righe = sorgente.split(/\r?\n/);
  let i = 0;
  while (i < righe.length && /^\s*(#.*)?$/.test(righe[i]!)) i++;
  const id = /^regolamento\s+([A-Za-z0-9._-]+)\s+"/.exec(righe[i] ?? "")?.[1];
  if (!id) return undefined;
  for (i++; i < righe.length && /^(\s+|\s*#|\s*$)/.test(righe[i]!); i++) {
    const v = /^\s+versione\s+(?:"([^"\n]+)"|([A-Za-z0-9._-]+))(\s|$)/.exec(righe[i]!);
    if (v) return `${id}@${v[1] ?? v[2]}`;
  }
  return undefined;
}

export async function semina(database: Database, motore: Motore, cartella?: string): Promise<EsitoSemina> {
  // Every file stored already (every start but the first, or a new seed's): the language is not
  // even loaded (a start parsed the 9 seeds' headers, ≈ 0.4–1 s; the parser library ≈ 70 MB).
  const file = await fileSemi(cartella ?? CARTELLA_SEMI);
  const nomi = await Promise.all(file.map(async (f) => idEVersione(await readFile(f, "utf8"))));
  if (nomi.every((n) => n !== undefined)) {
    const salvate = new Set(
      (await inTenant(database, null, (tx) => database.rows<{ n: string }>(tx, sql`select organismo_id || '@' || versione as n from regolamento_versioni where stato = 'pubblicata'`))).map((r) => r.n),
    );
    if (nomi.every((n) => salvate.has(n!))) return { inseriti: [], scartati: [] };
  }
  await motore.lingua();
  const { sources, errori } = await motore.sorgenti(cartella);
  // Compile in two passes: baselines (applied by someone, or under normativa/) first, so the
  // organismi compile against them.
  const basiId = new Set<string>();
  const intestazioni = sources.map((s) => ({ s, h: motore.readHeader(s.source) }));
  for (const { s, h } of intestazioni) {
    for (const a of h?.applica ?? []) basiId.add(a);
    if (/[\\/]normativa[\\/]/.test(s.file)) basiId.add(s.id);
  }
  const compilati = new Map<string, Regolamento>();
  const basiPer = (h: { applica: string[]; inVigoreDal: string }) =>
    h.applica
      .map((id) => [...compilati.values()].filter((r) => r.id === id && r.inVigoreDal <= h.inVigoreDal).sort((a, b) => b.inVigoreDal.localeCompare(a.inVigoreDal))[0])
      .filter((r): r is Regolamento => r !== undefined);
  const esito: EsitoSemina = { inseriti: [], scartati: [] };
  // Files the loader could not compile: `file:line:col: message`, one per diagnostic; one entry per file.
  for (const riga of errori) {
    const m = /^(.*?\.regolamento):(.*)$/.exec(riga);
    const file = m?.[1] ?? "?";
    if (!esito.scartati.some((x) => x.file === file)) esito.scartati.push({ file, motivo: `non compila (${(m?.[2] ?? riga).trim()})` });
  }
  // Versions already stored are not compiled again. Names only: the IR of a stored version is read
  // below, and only when a version to compile applies it.
  const esistenti = new Set(
    (
      await inTenant(database, null, (tx) =>
        database.rows<{ organismo_id: string; versione: string }>(tx, sql`select organismo_id, versione from regolamento_versioni where stato = 'pubblicata'`),
      )
    ).map((r) => `${r.organismo_id}@${r.versione}`),
  );
  const daCompilare = intestazioni.filter(({ s, h }) => h && !esistenti.has(`${s.id}@${s.versione}`));
  const basiServite = new Set(daCompilare.flatMap(({ h }) => h!.applica));
  if (basiServite.size > 0) {
    const righe = await inTenant(database, null, (tx) =>
      database.rows<{ organismo_id: string; versione: string; ir: Regolamento | null }>(
        tx,
        sql`select organismo_id, versione, ir from regolamento_versioni where stato = 'pubblicata' and organismo_id in ${sql`(${sql.join([...basiServite].map((b) => sql`${b}`), sql`, `)})`}`,
      ),
    );
    for (const r of righe) if (r.ir) compilati.set(`${r.organismo_id}@${r.versione}`, r.ir);
  }
  const ordinati = [...intestazioni].sort((a, b) => Number(!basiId.has(a.s.id)) - Number(!basiId.has(b.s.id)));
  // Baselines may apply other baselines (dm on dlgs): repeat until nothing new compiles.
  const daFare = [...ordinati];
  for (let giro = 0; giro < 3 && daFare.length; giro++) {
    for (const item of [...daFare]) {
      const { s, h } = item;
      if (!h) continue;
      if (esistenti.has(`${s.id}@${s.versione}`)) {
        daFare.splice(daFare.indexOf(item), 1);
        continue;
      }
      const { regolamento, diagnostics } = motore.compile(s.source, basiPer(h));
      if (!regolamento) continue;
      compilati.set(`${s.id}@${s.versione}`, regolamento);
      daFare.splice(daFare.indexOf(item), 1);
      const nuovo = await inTenant(database, regolamento.id, async (tx) => {
        await tx.execute(sql`insert into organismi (organismo_id, nome, registro, normativa)
          values (${regolamento.id}, ${regolamento.nome}, ${regolamento.registro ?? null}, ${basiId.has(regolamento.id)}) on conflict do nothing`);
        const r = await database.rows<{ versione: string }>(
          tx,
          sql`insert into regolamento_versioni (organismo_id, versione, stato, in_vigore_dal, sorgente, ir, impronta_ir, diagnostiche, pubblicato_il)
              values (${regolamento.id}, ${regolamento.versione}, 'pubblicata', ${regolamento.inVigoreDal}, ${s.source},
                      ${JSON.stringify(regolamento)}::jsonb, ${improntaIr(regolamento)}, ${JSON.stringify(diagnostics)}::jsonb, now())
              on conflict do nothing returning versione`,
        );
        return r.length > 0;
      });
      if (nuovo) esito.inseriti.push(`${regolamento.id}@${regolamento.versione}`);
    }
  }
  for (const { s, h } of daFare) {
    const primo = h ? motore.compile(s.source, basiPer(h)).diagnostics.find((d) => d.severity === "error") : undefined;
    esito.scartati.push({ file: s.file, motivo: primo ? `errori di compilazione (${primo.line}:${primo.col} ${primo.code} ${primo.message})` : h ? "errori di compilazione" : "intestazione illeggibile" });
  }
  return esito;
}
