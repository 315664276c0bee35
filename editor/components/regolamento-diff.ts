// <regolamento-diff>: two versions of one organismo, or two organismi, in Monaco's diff editor,
// beside the engine's semantic diff as a list a lawyer reads; a click reveals the change in both texts.
// For two versions of one organismo, <diff-procedimenti> puts them to its past procedures.
import { LitElement, html, css, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { monaco } from "../monaco/setup.ts";
import { LINGUA, TEMA, registraLingua } from "../monaco/lingua.ts";
import { adottaStiliDocumento } from "../monaco/stili-shadow.ts";
import { isolaMovimentiMouse } from "../monaco/mouse-shadow.ts";
import { righeModifica, type Lato } from "../logica/righe-modifica.ts";
import { parole } from "../logica/formato.ts";
import { api } from "../api/istanza.ts";
import type { Change, OrganismoInfo, VersioneInfo } from "../api/tipi.ts";
import { stiliComuni } from "./stili-comuni.ts";
import "./diff-procedimenti.ts";

const SEGNI: Record<Change["kind"], string> = { aggiunta: "+", rimossa: "−", modificata: "≠" };
const GENERI: Record<Change["kind"], string> = { aggiunta: "Aggiunta", rimossa: "Rimossa", modificata: "Modificata" };

@customElement("regolamento-diff")
export class RegolamentoDiff extends LitElement {
  static override styles = [
    stiliComuni,
    css`
      :host { display: flex; flex-direction: column; height: 100%; min-height: 0; }
      .corpo { flex: 1; display: grid; grid-template-columns: 380px 1fr; min-height: 0; }
      aside { overflow: auto; border-right: 1px solid #d9e2ec; background: #fbfcfe; padding: 10px; }
      .monaco { min-height: 0; min-width: 0; }
      .lato { display: inline-flex; gap: 4px; align-items: center; padding: 2px 6px; border-radius: 4px; background: #f0f4f8; }
      .lato select { max-width: 320px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li.modifica { border: 1px solid #d9e2ec; border-left-width: 4px; border-radius: 4px; padding: 6px 8px; margin-bottom: 6px; cursor: pointer; background: #fff; font-size: 13px; }
      li.modifica:hover { background: #f0f7ff; }
      li.modifica.scelta { background: #e6f0ff; box-shadow: 0 0 0 1px #60a5fa; }
      li.aggiunta { border-left-color: #16a34a; }
      li.rimossa { border-left-color: #dc2626; }
      li.modificata { border-left-color: #d97706; }
      .intestazione { display: flex; gap: 6px; align-items: baseline; font-size: 12px; color: #52606d; }
      .segno { font-weight: 700; width: 1em; }
      .descrizione { margin-top: 2px; }
      .riassunto { font-size: 13px; color: #52606d; margin-bottom: 8px; }
    `,
  ];

  /** Left side. */
  @property() organismo = "";
  @property() a = "";
  /** Right side: another version of `organismo`, or of `altroOrganismo` when set. */
  @property() b = "";
  @property({ attribute: "altro-organismo" }) altroOrganismo = "";

  @state() private organismi: OrganismoInfo[] = [];
  @state() private versioniA: VersioneInfo[] = [];
  @state() private versioniB: VersioneInfo[] = [];
  @state() private modifiche: Change[] | undefined;
  @state() private errore = "";
  @state() private scelta: Change | undefined;

  diffEditor: monaco.editor.IStandaloneDiffEditor | undefined;
  private prima: Lato = {};
  private dopo: Lato = {};
  private caricamento = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void api.organismi().then((o) => (this.organismi = o)).catch(() => undefined);
  }

  override firstUpdated(): void {
    adottaStiliDocumento(this.shadowRoot!);
    registraLingua();
    const contenitore = this.renderRoot.querySelector<HTMLElement>(".monaco")!;
    isolaMovimentiMouse(contenitore);
    this.diffEditor = monaco.editor.createDiffEditor(contenitore, {
      theme: TEMA,
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      wordWrap: "on",
      fontSize: 12.5,
      ignoreTrimWhitespace: true,
      renderOverviewRuler: true,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const m = this.diffEditor?.getModel();
    this.diffEditor?.dispose();
    m?.original.dispose();
    m?.modified.dispose();
    this.diffEditor = undefined;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has("organismo") && this.organismo) {
      void api
        .versioni(this.organismo)
        .then((v) => {
          this.versioniA = v;
          // Opened on an organismo alone: its two latest versions, the usual question.
          if (!this.a && !this.b && !this.altroOrganismo && v.length >= 2) {
            this.a = v.at(-2)!.versione;
            this.b = v.at(-1)!.versione;
          }
        })
        .catch(() => undefined);
    }
    if ((changed.has("altroOrganismo") || changed.has("organismo")) && (this.altroOrganismo || this.organismo)) {
      void api.versioni(this.altroOrganismo || this.organismo).then((v) => (this.versioniB = v)).catch(() => undefined);
    }
    if (["organismo", "a", "b", "altroOrganismo"].some((k) => (changed as Map<string, unknown>).has(k)) && this.organismo && this.a && this.b) void this.confronta();
  }

  private async confronta(): Promise<void> {
    const n = ++this.caricamento;
    this.errore = "";
    this.modifiche = undefined;
    const idB = this.altroOrganismo || this.organismo;
    try {
      const [esito, va, vb] = await Promise.all([
        api.diff(this.organismo, this.a, this.b, this.altroOrganismo ? `${this.altroOrganismo}@${this.b}` : undefined),
        api.versione(this.organismo, this.a),
        api.versione(idB, this.b),
      ]);
      if (n !== this.caricamento || !this.diffEditor) return;
      this.prima = { regolamento: va.regolamento, testo: va.sorgente };
      this.dopo = { regolamento: vb.regolamento, testo: vb.sorgente };
      const vecchio = this.diffEditor.getModel();
      this.diffEditor.setModel({
        original: monaco.editor.createModel(va.sorgente, LINGUA),
        modified: monaco.editor.createModel(vb.sorgente, LINGUA),
      });
      vecchio?.original.dispose();
      vecchio?.modified.dispose();
      this.modifiche = esito.semantico;
      this.dispatchEvent(new CustomEvent("diff-caricato", { detail: { modifiche: esito.semantico.length }, bubbles: true, composed: true }));
    } catch (e) {
      if (n === this.caricamento) this.errore = `Confronto non riuscito: ${(e as Error).message}`;
    }
  }

  private mostra(c: Change): void {
    this.scelta = c;
    const d = this.diffEditor;
    if (!d) return;
    const { prima, dopo } = righeModifica(c, this.prima, this.dopo);
    const evidenzia = (ed: monaco.editor.ICodeEditor, riga: number | undefined) => {
      if (riga === undefined) return;
      ed.revealLineInCenter(riga, monaco.editor.ScrollType.Smooth);
      ed.setSelection(new monaco.Range(riga, 1, riga, ed.getModel()?.getLineMaxColumn(riga) ?? 1));
    };
    evidenzia(d.getOriginalEditor(), prima);
    evidenzia(d.getModifiedEditor(), dopo);
  }

  private scegli(campo: "organismo" | "a" | "b" | "altroOrganismo", ev: Event): void {
    const v = (ev.target as HTMLSelectElement).value;
    if (campo === "organismo") this.a = "";
    if (campo === "altroOrganismo" || campo === "organismo") this.b = "";
    this[campo] = v;
  }

  private opzioniVersioni(vs: VersioneInfo[], scelta: string) {
    return html`<option value="" ?selected=${!scelta}>—</option>${vs.map((v) => html`<option value=${v.versione} ?selected=${v.versione === scelta}>${v.versione}${v.pubblicata === false ? " (bozza)" : ""}</option>`)}`;
  }

  private opzioniOrganismi(scelto: string, vuoto: string) {
    return html`<option value="" ?selected=${!scelto}>${vuoto}</option>${this.organismi.map((o) => html`<option value=${o.id} ?selected=${o.id === scelto}>${o.nome || o.id}</option>`)}`;
  }

  override render() {
    const m = this.modifiche;
    const conteggio = (k: Change["kind"]) => m?.filter((c) => c.kind === k).length ?? 0;
    return html`
      <div class="barra">
        <span class="lato">Prima:
          <select aria-label="Organismo di partenza" @change=${(e: Event) => this.scegli("organismo", e)}>${this.opzioniOrganismi(this.organismo, "—")}</select>
          <select aria-label="Versione di partenza" @change=${(e: Event) => this.scegli("a", e)}>${this.opzioniVersioni(this.versioniA, this.a)}</select>
        </span>
        <span class="lato">Dopo:
          <select aria-label="Altro organismo" @change=${(e: Event) => this.scegli("altroOrganismo", e)}>${this.opzioniOrganismi(this.altroOrganismo, "stesso organismo")}</select>
          <select aria-label="Versione di arrivo" @change=${(e: Event) => this.scegli("b", e)}>${this.opzioniVersioni(this.versioniB, this.b)}</select>
        </span>
        <span class="spazio"></span>
        ${this.errore ? html`<span class="messaggio errore">${this.errore}</span>` : null}
      </div>
      <div class="corpo">
        <aside aria-label="Modifiche">
          <h3>Che cosa cambia</h3>
          ${m === undefined
            ? html`<p class="vuoto">Scegli due versioni da confrontare.</p>`
            : m.length === 0
              ? html`<p class="vuoto">Nessuna differenza nelle regole: cambia solo il testo.</p>`
              : html`<p class="riassunto">${conteggio("modificata")} modificate · ${conteggio("aggiunta")} aggiunte · ${conteggio("rimossa")} rimosse</p>
                  <ul class="modifiche">
                    ${m.map(
                      (c) => html`<li class="modifica ${c.kind} ${c === this.scelta ? "scelta" : ""}" @click=${() => this.mostra(c)} title="Mostra nei due testi">
                        <div class="intestazione"><span class="segno">${SEGNI[c.kind]}</span><span>${GENERI[c.kind]} · ${parole(c.tipo)} <code>${c.regola}</code></span>
                          <span class="cita">${c.cita_prima && c.cita_dopo && c.cita_prima !== c.cita_dopo ? `${c.cita_prima} → ${c.cita_dopo}` : (c.cita_dopo ?? c.cita_prima ?? "")}</span>
                          ${c.fonte ? html`<span>(${c.fonte})</span>` : null}</div>
                        <div class="descrizione">${c.descrizione}</div>
                      </li>`,
                    )}
                  </ul>`}
          ${this.organismo && this.a && this.b && !this.altroOrganismo
            ? html`<diff-procedimenti .organismo=${this.organismo} .a=${this.a} .b=${this.b}></diff-procedimenti>`
            : null}
        </aside>
        <div class="monaco"></div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "regolamento-diff": RegolamentoDiff;
  }
}
