// Editor benchmark: time from a keystroke to diagnostics on the largest seed regolamento, measured
// in headless Chromium on the built editor served by the real server (median of N edits). Without
// Chromium or without a build, it times `check()` in Node instead and says so.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { check, readHeader } from "../dsl/index.ts";
import type { Regolamento } from "../engine/ir.ts";
import { loadAll } from "../regolamenti/load.ts";
import { apriChromium, chromiumPresente } from "../test/browser/chromium.ts";
import { avviaServer, RADICE } from "../test/browser/servizio.ts";

const MODIFICHE = 31;
const DIST = join(RADICE, "editor/dist/index.html");

function mediana(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const tondo = (x: number) => Math.round(x * 100) / 100;

/** Seed files of organismi (not the national baselines), largest first. */
function semi(): { file: string; byte: number; id: string }[] {
  const dir = join(RADICE, "regolamenti");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".regolamento"))
    .map((f) => {
      const file = join(dir, f);
      return { file, byte: statSync(file).size, id: readHeader(readFileSync(file, "utf8"))?.id ?? "" };
    })
    .filter((s) => s.id)
    .sort((a, b) => b.byte - a.byte);
}

async function nelBrowser(): Promise<Record<string, number | string>> {
  const server = await avviaServer();
  const sessione = await apriChromium();
  try {
    const caricati = new Set(((await (await fetch(`${server.url}/v1/organismi`)).json()) as { id: string }[]).map((o) => o.id));
    const seme = semi()[0];
    if (!seme || caricati.size === 0) throw new Error("nessun regolamento di organismo caricato dal server");
    // Open the editor on that organismo if the server has it (else on any: its baselines are the same),
    // then put the largest seed's text in it.
    const p = await sessione.pagina();
    await p.goto(`${server.url}/#/editor/${caricati.has(seme.id) ? seme.id : [...caricati][0]}`);
    await p.waitForFunction(() => {
      const ed = document.querySelector("app-regolamenti")?.shadowRoot?.querySelector("regolamento-editor");
      return !!ed?.shadowRoot?.querySelector(".stato")?.textContent?.includes("verificato");
    }, undefined, { timeout: 60_000 });
    await p.evaluate(async (testo) => {
      const el = document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as unknown as HTMLElement & { testo: string };
      const pronto = new Promise((ok) => el.addEventListener("diagnostiche", ok, { once: true }));
      el.testo = testo;
      await pronto;
    }, readFileSync(seme.file, "utf8"));
    const misure = await p.evaluate(async (n) => {
      type Ed = { trigger(s: string, h: string, a: unknown): void; setPosition(p: { lineNumber: number; column: number }): void; getModel(): { getLineCount(): number; getLineMaxColumn(l: number): number }; focus(): void };
      const el = document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as unknown as HTMLElement & { editor: Ed };
      const ed = el.editor;
      const m = ed.getModel();
      ed.focus();
      ed.setPosition({ lineNumber: m.getLineCount(), column: m.getLineMaxColumn(m.getLineCount()) });
      const fino: number[] = [];
      const dipinto: number[] = [];
      const dsl: number[] = [];
      for (let i = 0; i < n; i++) {
        const arrivo = new Promise<number>((ok) => el.addEventListener("diagnostiche", (e) => ok((e as CustomEvent<{ ms: number }>).detail.ms), { once: true }));
        const t0 = performance.now();
        // One keystroke: a space typed, then deleted, alternately (the text stays the seed's).
        if (i % 2 === 0) ed.trigger("keyboard", "type", { text: " " });
        else ed.trigger("keyboard", "deleteLeft", null);
        dsl.push(await arrivo);
        fino.push(performance.now() - t0);
        await new Promise((ok) => requestAnimationFrame(() => ok(null)));
        dipinto.push(performance.now() - t0);
        // A fast typist's pace (~15 keys/s): each keystroke finds the page idle, as in real use.
        await new Promise((ok) => setTimeout(ok, 60));
      }
      return { fino, dipinto, dsl };
    }, MODIFICHE);
    const js = readdirSync(join(RADICE, "editor/dist/assets")).filter((f) => f.endsWith(".js"));
    const kb = (f: string) => Math.round(statSync(join(RADICE, "editor/dist/assets", f)).size / 1024);
    return {
      editor_diagnostics_ms: tondo(mediana(misure.fino)),
      editor_diagnostics_p90_ms: tondo([...misure.fino].sort((a, b) => a - b)[Math.floor(misure.fino.length * 0.9)]!),
      editor_diagnostics_painted_ms: tondo(mediana(misure.dipinto)),
      editor_diagnostics_dsl_ms: tondo(mediana(misure.dsl)),
      editor_diagnostics_file: `${seme.id} (${Math.round(seme.byte / 1024)} KiB, ${readFileSync(seme.file, "utf8").split("\n").length} righe)`,
      editor_diagnostics_metodo: `headless Chromium, worker DSL, mediana di ${MODIFICHE} battute a 60 ms l'una dall'altra`,
      editor_bundle_main_kb: kb(js.find((f) => f.startsWith("index-")) ?? js[0]!),
      editor_bundle_total_js_kb: js.reduce((a, f) => a + kb(f), 0),
    };
  } finally {
    await sessione.chiudi();
    await server.ferma();
  }
}

async function inNode(motivo: string): Promise<Record<string, number | string>> {
  const seme = semi()[0]!;
  const sorgente = readFileSync(seme.file, "utf8");
  const h = readHeader(sorgente);
  const { catalog } = await loadAll(undefined, { skipBroken: true });
  const basi: Regolamento[] = (h?.applica ?? []).map((id) => catalog.inForce(id, h!.inVigoreDal)).filter((r): r is Regolamento => !!r);
  const tempi: number[] = [];
  for (let i = 0; i < MODIFICHE; i++) {
    const testo = i % 2 ? sorgente : `${sorgente} `;
    const t0 = performance.now();
    check(testo, { bases: basi });
    tempi.push(performance.now() - t0);
  }
  return {
    editor_diagnostics_ms: tondo(mediana(tempi)),
    editor_diagnostics_file: `${seme.id} (${Math.round(seme.byte / 1024)} KiB)`,
    editor_diagnostics_metodo: `ripiego: check() in Node, senza browser (${motivo})`,
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  if (!chromiumPresente()) return inNode("chromium assente in /usr/bin/chromium");
  if (!existsSync(DIST)) return inNode("editor non compilato: npm run build:editor");
  return nelBrowser();
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await bench());
