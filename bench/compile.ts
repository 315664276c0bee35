// Compile time: the largest real regolamento (with its baselines), and generated files of 1k, 5k and
// 10k lines to show linear growth. One parser instance, reused by dsl/ (Chevrotain's guidance).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compile, readHeader } from "../dsl/index.ts";
import { risolviBasi } from "../dsl/basi.ts";

const radice = fileURLToPath(new URL("../", import.meta.url));

function mediana(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function misura(fn: () => void, volte: number, riscaldamento = 5): number {
  for (let i = 0; i < riscaldamento; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < volte; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return Math.round(mediana(t) * 1000) / 1000;
}

/** A valid regolamento of about `righe` lines, every statement kind, unique names. */
export function generato(righe: number): string {
  const out = [`regolamento generato "Regolamento generato per il bench"`, "  versione 1 in vigore dal 2026-01-01", ""];
  for (let i = 1; out.length < righe; i++) {
    out.push(
      `articolo ${i} "Articolo ${i}"`,
      `  comma 1 "Il mediatore designato accetta l'incarico entro due giorni."`,
      `    vincolo v${i}:`,
      `      per designazione_mediatore`,
      `      quando azione.mediatore.categoria = praticante_abilitato e materia in [condominio, locazione]`,
      `      richiede valore <= ${i}000 €`,
      `    termine t${i}:`,
      `      non prima di 2 giorni e entro ${10 + (i % 30)} giorni da deposito_domanda`,
      `      per fissazione_primo_incontro.data_incontro`,
      `  comma 2 "Le spese sono dovute da ciascuna parte."`,
      `    tariffa s${i} iva 22%:`,
      `      quando parte.ruolo = istante o parte.aderito`,
      `      fino a 1.000 €: 40 €`,
      `      oltre: 75 €`,
      "",
    );
  }
  return out.join("\n");
}

async function piuGrande(): Promise<{ file: string; source: string; fonti: { file: string; source: string }[] }> {
  const dir = path.join(radice, "regolamenti");
  const nomi = ((await readdir(dir, { recursive: true })) as string[]).filter((f) => f.endsWith(".regolamento"));
  const fonti = await Promise.all(nomi.map(async (n) => ({ file: path.join(dir, n), source: await readFile(path.join(dir, n), "utf8") })));
  const reali = fonti.filter((f) => !f.file.includes(`${path.sep}normativa${path.sep}`));
  const scelta = (reali.length ? reali : fonti).sort((a, b) => b.source.length - a.source.length)[0];
  if (scelta) return { ...scelta, fonti: fonti.filter((f) => f.file.includes(`${path.sep}normativa${path.sep}`)) };
  const fixture = path.join(radice, "dsl/fixtures/esempio.regolamento");
  return { file: fixture, source: await readFile(fixture, "utf8"), fonti: [] };
}

export async function bench(): Promise<Record<string, number | string>> {
  const reale = await piuGrande();
  const h = readHeader(reale.source);
  const bases = h && h.applica.length ? risolviBasi(h, reale.fonti).bases : undefined;
  const opts = bases ? { bases } : {};
  if (!compile(reale.source, opts).regolamento) throw new Error(`${reale.file} non compila`);
  const out: Record<string, number | string> = {
    compile_file: path.relative(radice, reale.file),
    compile_file_righe: reale.source.split("\n").length,
    compile_ms_median: misura(() => compile(reale.source, opts), 100, 30),
  };
  for (const [chiave, righe, volte, riscaldamento] of [["1k", 1_000, 30, 10], ["5k", 5_000, 15, 5], ["10k", 10_000, 11, 3]] as const) {
    const src = generato(righe);
    if (!compile(src).regolamento) throw new Error(`il regolamento generato di ${righe} righe non compila`);
    out[`compile_${chiave}_ms_median`] = misura(() => compile(src), volte, riscaldamento);
  }
  return out;
}
