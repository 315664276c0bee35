// The DSL worker: compiles the text (which also checks it) against the applied baselines and posts
// back diagnostics and, when there are no errors, the compiled form; formats on request. The DSL
// (chevrotain) lives only here, off the page's main thread and out of its bundle.
import { compile, format } from "../../dsl/index.ts";
import type { Regolamento } from "../../engine/ir.ts";
import type { AlWorker, DalWorker, EsitoVerifica, RilievoEditor } from "./protocollo.ts";
import { Catalog } from "../../engine/catalog.ts";
import { conformitaDi, descriviControesempio } from "../../engine/analisi/conformita.ts";

let basi: Regolamento[] = [];
/** The last compiled form, for the conformity check asked after a pause. */
let ultimo: { id: number; regolamento: Regolamento } | undefined;

function conformitaDelTesto(r: Regolamento): RilievoEditor[] {
  const c = new Catalog();
  for (const b of basi) c.add(b);
  return conformitaDi(c, r).map((x) => ({
    codice: x.codice,
    gravita: x.gravita,
    messaggio: x.messaggio,
    riga: (x.regola && r.regole.find((g) => g.nome === x.regola!.nome)?.riga) ?? 1,
    ...(x.controesempio ? { controesempio: descriviControesempio(x) } : {}),
  }));
}

self.onmessage = (e: MessageEvent<AlWorker>) => {
  const m = e.data;
  if (m.tipo === "basi") {
    basi = m.basi;
    return;
  }
  if (m.tipo === "conformita") {
    if (ultimo?.id !== m.id || basi.length === 0) return;
    let rilievi: RilievoEditor[] = [];
    try {
      rilievi = conformitaDelTesto(ultimo.regolamento);
    } catch {
      rilievi = []; // a draft the analysis cannot read yet: the diagnostics already say why
    }
    (self as unknown as Worker).postMessage({ tipo: "conformita", id: m.id, rilievi } satisfies DalWorker);
    return;
  }
  if (m.tipo === "formatta") {
    let text: string | undefined;
    try {
      text = format(m.sorgente).text;
    } catch {
      text = undefined; // the formatter failing leaves the text as it is
    }
    (self as unknown as Worker).postMessage({ tipo: "formattato", id: m.id, text } satisfies DalWorker);
    return;
  }
  const t0 = performance.now();
  let risposta: EsitoVerifica;
  let regolamento: Regolamento | undefined;
  try {
    const r = compile(m.sorgente, { bases: basi });
    regolamento = r.regolamento;
    risposta = { tipo: "esito", id: m.id, diagnostiche: r.diagnostics, ms: performance.now() - t0 };
  } catch (err) {
    // A crash of the checker must not leave the editor silent: report it where the text starts.
    const messaggio = `errore interno del verificatore: ${err instanceof Error ? err.message : String(err)}`;
    risposta = {
      tipo: "esito", id: m.id, ms: performance.now() - t0,
      diagnostiche: [{ code: "E000", severity: "error", message: messaggio, line: 1, col: 1, endLine: 1, endCol: 2 }],
    };
  }
  const posta = (x: DalWorker) => (self as unknown as Worker).postMessage(x);
  posta(risposta);
  ultimo = regolamento ? { id: m.id, regolamento } : undefined;
  if (regolamento) posta({ tipo: "compilato", id: m.id, regolamento });
};
