// <grafico-indennita>: what one party pays against the dispute value, for several organismi on one
// chart. The points come from the engine itself: one `/v1/compare` per value on a synthetic case.
import { LitElement, html, svg, css, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { api } from "../api/istanza.ts";
import { domandaDa } from "../logica/caso.ts";
import { TAPPE, casoGrafico, type Tappa } from "../logica/caso-grafico.ts";
import { MATERIE } from "../../engine/vocabolario.ts";
import { aggiungiRisposte, percorsoAGradini, scalaLineare, scalaLog, tacche, taccheLog, valoriLog, type Serie } from "../logica/grafico.ts";
import { formatEuro, formatNumero } from "../logica/formato.ts";

const COLORI = ["#1d4ed8", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0e7490", "#be185d"];
// Organismi that apply the same national table draw the same line: dashes keep each one visible.
const TRATTI = ["", "7 4", "2 3", "10 3 2 3", "4 2", "1 4", "12 4"];
const L = 720;
const H = 380;
const M = { sx: 70, dx: 150, su: 16, giu: 44 };

@customElement("grafico-indennita")
export class GraficoIndennita extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, sans-serif; }
    svg { width: 100%; max-width: ${L}px; height: auto; background: #fff; }
    .asse { stroke: #9aa5b1; }
    .griglia { stroke: #e4e7eb; }
    text { font-size: 11px; fill: #52606d; }
    .titolo-asse { font-size: 12px; fill: #1f2933; }
    path.serie { fill: none; stroke-width: 2; }
    path.serie.parziale { stroke-opacity: 0.55; }
    .note { font-size: 12px; color: #52606d; max-width: ${L}px; }
    .legenda text { font-size: 12px; fill: #1f2933; }
    .stato { font-size: 13px; color: #52606d; }
    .controlli { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 8px; font-size: 13px; color: #52606d; }
    select { font: inherit; padding: 3px 6px; border: 1px solid #bcccdc; border-radius: 4px; background: #fff; }
  `;

  @property({ attribute: false }) organismi: string[] = [];
  @property() materia = "condominio";
  @property() tappa: Tappa = "accordo";
  @property() parte = "A";
  @property({ type: Number }) da = 1000;
  @property({ type: Number }) a = 1_000_000;
  @property({ type: Number }) punti = 24;

  @state() private serie: Serie[] = [];
  @state() private stato = "";

  override updated(changed: PropertyValues<this>): void {
    if (["organismi", "materia", "tappa", "parte", "da", "a", "punti"].some((k) => (changed as Map<string, unknown>).has(k)) && this.organismi.length) void this.calcola();
  }

  private calcolo = 0;

  private async calcola(): Promise<void> {
    const n = ++this.calcolo;
    this.stato = "Calcolo delle indennità…";
    const mappa = new Map<string, Serie>();
    const valori = valoriLog(this.da, this.a, this.punti);
    try {
      await Promise.all(
        valori.map(async (v) => aggiungiRisposte(mappa, v, await api.compare(this.organismi, domandaDa(casoGrafico(this.materia, this.tappa), v)), this.parte)),
      );
    } catch (e) {
      if (n === this.calcolo) this.stato = `Calcolo non riuscito: ${(e as Error).message}`;
      return;
    }
    if (n !== this.calcolo) return;
    this.serie = this.organismi.map((o) => mappa.get(o)).filter((s): s is Serie => !!s && s.punti.length > 0);
    this.stato = "";
    this.dispatchEvent(new CustomEvent("grafico-pronto", { detail: { serie: this.serie.length }, bubbles: true, composed: true }));
  }

  override render() {
    const max = Math.max(1, ...this.serie.flatMap((s) => s.punti.map((p) => p.importo)));
    const ty = tacche(max);
    const top = ty.at(-1) ?? max;
    const x = scalaLog(this.da, this.a, M.sx, L - M.dx);
    const y = scalaLineare(0, top, H - M.giu, M.su);
    const scegli = (campo: "materia" | "tappa" | "parte") => (e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      if (campo === "materia") this.materia = v;
      else if (campo === "parte") this.parte = v;
      else this.tappa = v as Tappa;
    };
    return html`
      <div class="controlli">
        <label>Materia <select name="materia" @change=${scegli("materia")}>${MATERIE.map((m) => html`<option value=${m} ?selected=${m === this.materia}>${m.replace(/_/g, " ")}</option>`)}</select></label>
        <label>Fin dove <select name="tappa" @change=${scegli("tappa")}>${Object.entries(TAPPE).map(([k, t]) => html`<option value=${k} ?selected=${k === this.tappa}>${t}</option>`)}</select></label>
        <label>Parte <select name="parte" @change=${scegli("parte")}><option value="A" ?selected=${this.parte === "A"}>A (istante)</option><option value="B" ?selected=${this.parte === "B"}>B (invitata)</option></select></label>
      </div>
      ${this.stato ? html`<p class="stato">${this.stato}</p>` : null}
      <svg viewBox="0 0 ${L} ${H}" role="img" aria-label="Indennità per parte secondo il valore della controversia">
        ${ty.map((t) => svg`<line class="griglia" x1=${M.sx} x2=${L - M.dx} y1=${y(t)} y2=${y(t)} /><text x=${M.sx - 6} y=${y(t) + 4} text-anchor="end">${formatNumero(t)} €</text>`)}
        ${taccheLog(this.da, this.a).map((v) => svg`<line class="griglia" x1=${x(v)} x2=${x(v)} y1=${M.su} y2=${H - M.giu} /><text x=${x(v)} y=${H - M.giu + 14} text-anchor="middle">${v >= 1_000_000 ? `${v / 1_000_000} mln` : v >= 1000 ? `${v / 1000}k` : v}</text>`)}
        <line class="asse" x1=${M.sx} x2=${L - M.dx} y1=${H - M.giu} y2=${H - M.giu} />
        <line class="asse" x1=${M.sx} x2=${M.sx} y1=${M.su} y2=${H - M.giu} />
        <text class="titolo-asse" x=${(M.sx + L - M.dx) / 2} y=${H - 8} text-anchor="middle">valore della controversia (€, scala logaritmica)</text>
        <text class="titolo-asse" transform="translate(14 ${(H - M.giu + M.su) / 2}) rotate(-90)" text-anchor="middle">indennità della parte ${this.parte} (€, IVA inclusa)</text>
        ${this.serie.map(
          (s, i) => svg`<path class="serie ${s.vociMancanti.length ? "parziale" : ""}" stroke=${COLORI[i % COLORI.length]} stroke-dasharray=${TRATTI[i % TRATTI.length] || "none"} d=${percorsoAGradini(s.punti, x, y)}>
            <title>${s.organismo}: ${s.punti.map((p) => `${formatEuro(p.valore)} → ${formatEuro(p.importo)}`).join("; ")}</title></path>`,
        )}
        <g class="legenda">
          ${this.serie.map((s, i) => svg`<g transform="translate(${L - M.dx + 14} ${M.su + 8 + i * 20})"><line x1="0" x2="16" y1="-4" y2="-4" stroke-width="2" stroke=${COLORI[i % COLORI.length]} stroke-dasharray=${TRATTI[i % TRATTI.length] || "none"} /><text x="22" y="0">${s.organismo}${s.vociMancanti.length ? " *" : ""}</text></g>`)}
        </g>
      </svg>
      ${this.serie.some((s) => s.vociMancanti.length)
        ? html`<p class="note">* Importo parziale: il testo non dà l'importo di
            ${this.serie.filter((s) => s.vociMancanti.length).map((s) => `${s.organismo} (${s.vociMancanti.map((v) => v.replace(/_/g, " ")).join(", ")})`).join("; ")}
            — la linea conta solo le voci determinabili (la tabella va indicata nel caso, docs/contratto.md «tabella»).</p>`
        : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "grafico-indennita": GraficoIndennita;
  }
}
