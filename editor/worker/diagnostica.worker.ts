// The DSL worker: compiles the text (which also checks it) against the applied baselines and posts
// back diagnostics and, when there are no errors, the compiled form; formats on request. The DSL
// (chevrotain) lives only here, off the page's main thread and out of its bundle.
import { compile, format } from "../../dsl/index.ts";
import type { Regolamento } from "../../engine/ir.ts";
import type { AlWorker, DalWorker, EsitoVerifica } from "./protocollo.ts";

let basi: Regolamento[] = [];

self.onmessage = (e: MessageEvent<AlWorker>) => {
  const m = e.data;
  if (m.tipo === "basi") {
    basi = m.basi;
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
  if (regolamento) posta({ tipo: "compilato", id: m.id, regolamento });
};
