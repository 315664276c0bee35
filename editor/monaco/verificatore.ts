// Runs the DSL in a worker while the author types. Light debounce by construction: at most one
// check in flight; edits made meanwhile collapse into one more check of the latest text.
import type { Regolamento } from "../../engine/ir.ts";
import type { AlWorker, Compilato, DalWorker, EsitoConformita, EsitoVerifica } from "../worker/protocollo.ts";
import DiagnosticaWorker from "../worker/diagnostica.worker.ts?worker";

export class Verificatore {
  private readonly worker: Worker = new DiagnosticaWorker();
  private ultimo = 0;
  private inVolo = false;
  private inAttesa: string | undefined;
  private conformitaInAttesa: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onEsito: (e: EsitoVerifica) => void,
    private readonly onCompilato: (c: Compilato) => void = () => {},
    private readonly onConformita: (c: EsitoConformita) => void = () => {},
  ) {
    this.worker.onmessage = (e: MessageEvent<DalWorker>) => {
      if (e.data.tipo === "esito") this.ricevi(e.data);
      // The compiled form of the latest text only (older ones would point hovers at moved lines).
      else if (e.data.tipo === "compilato" && e.data.id === this.ultimo && !this.inVolo) {
        this.onCompilato(e.data);
        // Conformity takes longer than the diagnostics: asked once typing pauses, for this text only.
        clearTimeout(this.conformitaInAttesa);
        const id = e.data.id;
        this.conformitaInAttesa = setTimeout(() => { if (id === this.ultimo && !this.inVolo) this.invia({ tipo: "conformita", id }); }, 800);
      } else if (e.data.tipo === "conformita" && e.data.id === this.ultimo && !this.inVolo) this.onConformita(e.data);
    };
  }

  impostaBasi(basi: Regolamento[]): void {
    this.invia({ tipo: "basi", basi });
  }

  verifica(sorgente: string): void {
    if (this.inVolo) {
      this.inAttesa = sorgente;
      return;
    }
    this.inVolo = true;
    this.invia({ tipo: "verifica", id: ++this.ultimo, sorgente });
  }

  chiudi(): void {
    clearTimeout(this.conformitaInAttesa);
    this.worker.terminate();
  }

  private ricevi(e: EsitoVerifica): void {
    this.inVolo = false;
    const prossimo = this.inAttesa;
    this.inAttesa = undefined;
    if (prossimo !== undefined) this.verifica(prossimo);
    // A result for text that has already changed would put markers in the wrong places.
    else this.onEsito(e);
  }

  private invia(m: AlWorker): void {
    this.worker.postMessage(m);
  }
}
