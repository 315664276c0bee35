// Formatting through the DSL worker (one for the page, started on first use), so the page's bundle
// does not carry the parser.
import type { DalWorker } from "../worker/protocollo.ts";
import DslWorker from "../worker/diagnostica.worker.ts?worker";

let worker: Worker | undefined;
let prossimo = 0;
const inAttesa = new Map<number, (text: string | undefined) => void>();

export function formatta(sorgente: string): Promise<string | undefined> {
  if (!worker) {
    worker = new DslWorker();
    worker.onmessage = (e: MessageEvent<DalWorker>) => {
      if (e.data.tipo !== "formattato") return;
      inAttesa.get(e.data.id)?.(e.data.text);
      inAttesa.delete(e.data.id);
    };
  }
  const id = ++prossimo;
  return new Promise((ok) => {
    inAttesa.set(id, ok);
    worker!.postMessage({ tipo: "formatta", id, sorgente });
  });
}
