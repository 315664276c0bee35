// <linea-temporale>: a procedure drawn on a date axis — its events, the action asked, the open
// terms as bars from `dal` to `entro` (red when run out), and the evaluation day.
import { LitElement, html, svg, css } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import type { Azione, Scadenza } from "../../engine/contract.ts";
import { disponi } from "../logica/linea-temporale.ts";
import { formatData } from "../logica/formato.ts";

const MARGINE = 16;

@customElement("linea-temporale")
export class LineaTemporaleEl extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; font-family: system-ui, sans-serif; }
    .asse { stroke: #9aa5b1; }
    .tacca text { font-size: 10px; fill: #7b8794; }
    .evento circle { fill: #1d4ed8; }
    .evento.chiesta circle { fill: #fff; stroke: #1d4ed8; stroke-width: 2; }
    .evento text { font-size: 10.5px; fill: #1f2933; }
    .termine rect { fill: #a7f3d0; stroke: #059669; }
    .termine.scaduta rect { fill: #fecaca; stroke: #dc2626; }
    .termine text { font-size: 10.5px; fill: #1f2933; }
    .oggi { stroke: #d97706; stroke-dasharray: 3 3; }
    .oggi-testo { font-size: 10px; fill: #d97706; }
  `;

  @property({ attribute: false }) eventi: Azione[] = [];
  @property({ attribute: false }) scadenze: Scadenza[] = [];
  @property({ attribute: false }) azione: Azione | undefined;
  @property() data = "";

  /** Drawn at the host's own width, so text keeps its size in a narrow card or a wide page. */
  @state() private larghezza = 640;
  private osservatore: ResizeObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.osservatore = new ResizeObserver(([e]) => {
      const w = Math.round(e?.contentRect.width ?? 0);
      if (w > 100 && Math.abs(w - this.larghezza) > 4) this.larghezza = w;
    });
    this.osservatore.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.osservatore?.disconnect();
  }

  override render() {
    const LARGHEZZA = this.larghezza;
    const l = disponi(this.eventi, this.scadenze, this.data || undefined, this.azione, MARGINE, LARGHEZZA - MARGINE);
    const righeEventi = Math.max(1, ...l.eventi.map((e) => e.riga + 1));
    const yAsse = 14 + righeEventi * 13 + 8;
    const yTermini = yAsse + 22;
    const altezza = yTermini + l.termini.length * 20 + 18;
    return html`<svg viewBox="0 0 ${LARGHEZZA} ${altezza}" role="img" aria-label="Linea temporale del procedimento">
      <line class="asse" x1=${MARGINE} x2=${LARGHEZZA - MARGINE} y1=${yAsse} y2=${yAsse} />
      ${l.tacche.map((t) => svg`<g class="tacca"><line class="asse" x1=${t.x} x2=${t.x} y1=${yAsse} y2=${yAsse + 4} /><text x=${t.x} y=${yAsse + 14} text-anchor="middle">${t.etichetta}</text></g>`)}
      ${l.oggi !== undefined ? svg`<line class="oggi" x1=${l.oggi} x2=${l.oggi} y1=${8} y2=${altezza - 12} /><text class="oggi-testo" x=${l.oggi} y=${altezza - 2} text-anchor=${l.oggi > LARGHEZZA / 2 ? "end" : "start"}>data della domanda ${formatData(this.data)}</text>` : null}
      ${l.eventi.map(
        (e) => svg`<g class="evento ${e.chiesta ? "chiesta" : ""}">
          <line class="asse" x1=${e.x} x2=${e.x} y1=${14 + e.riga * 13 + 3} y2=${yAsse} />
          <circle cx=${e.x} cy=${yAsse} r="4" />
          <text x=${e.x + 2} y=${14 + e.riga * 13}>${e.etichetta}${e.chiesta ? " ?" : ""}<title>${e.etichetta} — ${formatData(e.data)}</title></text>
        </g>`,
      )}
      ${l.termini.map((t) => {
        const y = yTermini + t.corsia * 20;
        const testo = `${t.etichetta} · entro ${formatData(t.entro)}`;
        const lungo = testo.length * 6 + 8;
        // Inside the bar when it fits, else after it, else before it (right edge).
        const [x, ancora] = t.x1 - t.x0 > lungo ? [t.x0 + 4, "start"] : t.x1 + lungo < LARGHEZZA ? [t.x1 + 4, "start"] : [t.x0 - 4, "end"];
        return svg`<g class="termine ${t.scaduta ? "scaduta" : ""}">
          <rect x=${t.x0} y=${y} width=${t.x1 - t.x0} height="14" rx="3" />
          <text x=${x} y=${y + 11} text-anchor=${ancora}>${testo}</text>
          <title>${t.etichetta}: dal ${formatData(t.dal)} entro ${formatData(t.entro)} (${t.cita})</title>
        </g>`;
      })}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "linea-temporale": LineaTemporaleEl;
  }
}
