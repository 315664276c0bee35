// <app-regolamenti>: the page — a header with the views (editor, differenze, confronto, grafici)
// and the organismo being edited; the view lives in the URL hash.
import { LitElement, html, css } from "lit";
import { customElement, state } from "lit/decorators.js";
import { api } from "../api/istanza.ts";
import type { OrganismoInfo } from "../api/tipi.ts";
import { leggiRotta, scriviRotta, type Rotta } from "../logica/rotta.ts";
import { stiliComuni } from "./stili-comuni.ts";
import "./regolamento-editor.ts";
import "./regolamento-diff.ts";
import "./regolamento-confronto.ts";
import "./grafico-indennita.ts";

const VISTE: { vista: Rotta["vista"]; titolo: string }[] = [
  { vista: "editor", titolo: "Editor" },
  { vista: "diff", titolo: "Differenze" },
  { vista: "confronto", titolo: "Confronto e simulatore" },
  { vista: "grafici", titolo: "Grafici" },
];

@customElement("app-regolamenti")
export class AppRegolamenti extends LitElement {
  static override styles = [
    stiliComuni,
    css`
      :host { display: flex; flex-direction: column; height: 100vh; }
      header { display: flex; align-items: center; gap: 16px; padding: 0 12px; background: #102a43; color: #fff; height: 44px; flex: none; }
      header h1 { font-size: 15px; margin: 0; font-weight: 600; white-space: nowrap; }
      header nav { display: flex; gap: 2px; height: 100%; }
      header nav a { color: #bcccdc; text-decoration: none; padding: 0 12px; display: flex; align-items: center; font-size: 13.5px; border-bottom: 3px solid transparent; white-space: nowrap; }
      header nav a.attiva { color: #fff; border-bottom-color: #60a5fa; }
      header select { background: #243b53; color: #fff; border-color: #486581; max-width: 420px; }
      header label { color: #bcccdc; }
      main { flex: 1; min-height: 0; display: flex; flex-direction: column; }
      main > * { flex: 1; min-height: 0; }
      .grafici { overflow: auto; padding: 16px; }
      .grafici p { font-size: 13px; color: #52606d; max-width: 760px; }
    `,
  ];

  @state() private rotta: Rotta = leggiRotta(location.hash);
  @state() private organismi: OrganismoInfo[] = [];

  private readonly suHash = () => (this.rotta = leggiRotta(location.hash));

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener("hashchange", this.suHash);
    void api.organismi().then((o) => {
      this.organismi = o;
      const r = this.rotta;
      if (r.vista === "editor" && !r.organismo && o[0]) this.vai({ vista: "editor", organismo: o[0].id });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener("hashchange", this.suHash);
  }

  private vai(r: Rotta): void {
    location.hash = scriviRotta(r);
  }

  private vista() {
    const r = this.rotta;
    switch (r.vista) {
      case "editor":
        return html`<regolamento-editor .organismo=${r.organismo ?? ""} .versione=${r.versione ?? ""}></regolamento-editor>`;
      case "diff":
        return html`<regolamento-diff .organismo=${r.organismo ?? ""} .a=${r.a ?? ""} .b=${r.b ?? ""} .altroOrganismo=${r.altro ?? ""}></regolamento-diff>`;
      case "confronto":
        return html`<regolamento-confronto></regolamento-confronto>`;
      case "grafici":
        return html`<div class="grafici">
          <h2>Indennità per parte secondo il valore della controversia</h2>
          <p>Ogni punto è una risposta del motore: lo stesso caso (due parti, la materia scelta, il procedimento condotto fin dove indicato) valutato per ciascun organismo a valori crescenti. La linea a gradini segue gli scaglioni delle tabelle.</p>
          <grafico-indennita .organismi=${this.organismi.map((o) => o.id)}></grafico-indennita>
        </div>`;
    }
  }

  override render() {
    const r = this.rotta;
    const organismo = r.vista === "editor" || r.vista === "diff" ? r.organismo : undefined;
    return html`
      <header>
        <h1>Regolamenti di mediazione</h1>
        <nav>
          ${VISTE.map((v) => html`<a href=${scriviRotta(v.vista === "editor" || v.vista === "diff" ? { vista: v.vista, organismo } : { vista: v.vista } as Rotta)} class=${v.vista === r.vista ? "attiva" : ""}>${v.titolo}</a>`)}
        </nav>
        ${r.vista === "editor"
          ? html`<label>Organismo
              <select aria-label="Organismo" @change=${(e: Event) => this.vai({ vista: "editor", organismo: (e.target as HTMLSelectElement).value })}>
                ${this.organismi.map((o) => html`<option value=${o.id} ?selected=${o.id === organismo}>${o.nome || o.id}</option>`)}
              </select></label>`
          : null}
      </header>
      <main>${this.vista()}</main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "app-regolamenti": AppRegolamenti;
  }
}
