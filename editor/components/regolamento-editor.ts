// <regolamento-editor>: Monaco on one regolamento version, with diagnostics while typing (the DSL
// in a worker), completion, hover, formatting, the outline of articoli, save as draft and publish.
import { LitElement, html, css, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { monaco } from "../monaco/setup.ts";
import { LINGUA, TEMA, registraLingua } from "../monaco/lingua.ts";
import { registraFornitori } from "../monaco/fornitori.ts";
import { adottaStiliDocumento } from "../monaco/stili-shadow.ts";
import { isolaMovimentiMouse } from "../monaco/mouse-shadow.ts";
import { Verificatore } from "../monaco/verificatore.ts";
import { dimenticaModello, statoModello } from "../monaco/stato-modelli.ts";
import { marcatore } from "../logica/marcatori.ts";
import { indiceArticoli, quotaCodificata, type VoceIndice } from "../logica/indice-articoli.ts";
import { basiApplicate } from "../logica/intestazione.ts";
import { api } from "../api/istanza.ts";
import { ErroreApi } from "../api/client.ts";
import { leggiChiave, salvaChiave } from "../api/chiave.ts";
import { caricaBasi } from "../api/basi.ts";
import type { VersioneInfo } from "../api/tipi.ts";
import type { Diagnostic } from "../../dsl/index.ts";
import type { EsitoVerifica, RilievoEditor } from "../worker/protocollo.ts";
import { stiliComuni } from "./stili-comuni.ts";

/** The skeleton of a first regolamento: the header is required, the rest is the author's. */
export function modelloNuovo(organismo: string): string {
  const oggi = new Date().toISOString().slice(0, 10);
  return `regolamento ${organismo} "Nome dell'organismo"
  versione "1" in vigore dal ${oggi}
  applica dlgs-28-2010, dm-150-2023

articolo 1 "Ambito di applicazione"
  comma 1 "…"
`;
}

type Messaggio = { tipo: "ok" | "errore"; testo: string } | undefined;

@customElement("regolamento-editor")
export class RegolamentoEditor extends LitElement {
  static override styles = [
    stiliComuni,
    css`
      :host { display: flex; flex-direction: column; height: 100%; min-height: 0; }
      .corpo { flex: 1; display: grid; grid-template-columns: 260px 1fr; min-height: 0; }
      nav { overflow: auto; border-right: 1px solid #d9e2ec; background: #fbfcfe; padding: 8px 0; }
      nav h3 { padding: 0 12px; }
      nav ol { list-style: none; margin: 0; padding: 0; }
      nav li button { display: block; width: 100%; text-align: left; border: 0; background: none; border-radius: 0; padding: 3px 12px; font-size: 12.5px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      nav li button:hover { background: #e6f0ff; }
      nav li.comma button { padding-left: 28px; color: #52606d; }
      nav li.corrente button { background: #dbeafe; color: #1e3a8a; font-weight: 600; }
      nav .quota { padding: 0 12px; margin: -4px 0 6px; color: #475569; font-size: 12px; }
      nav .stato-comma { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: middle; }
      nav .stato-comma.codificato { background: #16a34a; }
      nav .stato-comma.ambiguo { background: #d97706; }
      nav .stato-comma.da-codificare { background: #dc2626; }
      nav .stato-comma.non-operativo { background: #cbd5e1; }
      .monaco { min-height: 0; min-width: 0; }
      .piede { display: grid; grid-template-columns: 1fr auto; border-top: 1px solid #d9e2ec; background: #fff; max-height: 160px; }
      .problemi { overflow: auto; margin: 0; padding: 4px 0; list-style: none; font-size: 12.5px; }
      .problemi li { padding: 2px 12px; cursor: pointer; }
      .problemi li:hover { background: #f0f4f8; }
      .conformita h4 { margin: 4px 12px; font-size: 12px; color: #52606d; text-transform: uppercase; }
      .conformita .controesempio { font-size: 11.5px; color: #52606d; padding-left: 18px; }
      .problemi .error { color: #b91c1c; }
      .problemi .warning { color: #b45309; }
      .stato { padding: 6px 12px; font-size: 12px; color: #52606d; white-space: nowrap; align-self: end; }
    `,
  ];

  @property() organismo = "";
  /** Version to open; empty: the one in force, else the latest. */
  @property() versione = "";

  @state() private versioni: VersioneInfo[] = [];
  @state() private indice: VoceIndice[] = [];
  @state() private diagnostiche: Diagnostic[] = [];
  @state() private conformita: RilievoEditor[] = [];
  @state() private msVerifica: number | undefined;
  @state() private messaggio: Messaggio;
  @state() private chiave = leggiChiave() ?? "";
  @state() private occupato = false;
  /** Line of the cursor, to mark in the outline the article being edited. */
  @state() private rigaCursore = 1;

  /** The Monaco editor (exposed for tests and the benchmark). */
  editor: monaco.editor.IStandaloneCodeEditor | undefined;
  private modello: monaco.editor.ITextModel | undefined;
  private verificatore: Verificatore | undefined;
  private versioneAperta: VersioneInfo | undefined;
  private caricamento = 0;
  private indiceInAttesa: number | undefined;

  override firstUpdated(): void {
    adottaStiliDocumento(this.shadowRoot!);
    registraLingua();
    registraFornitori();
    const contenitore = this.renderRoot.querySelector<HTMLElement>(".monaco")!;
    isolaMovimentiMouse(contenitore);
    this.modello = monaco.editor.createModel("", LINGUA, monaco.Uri.parse(`regolamento://${this.organismo || "nuovo"}/${Date.now()}.regolamento`));
    this.editor = monaco.editor.create(contenitore, {
      model: this.modello,
      theme: TEMA,
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: "on",
      fontSize: 13,
      renderWhitespace: "none",
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
    });
    // Ctrl/Cmd+S saves the draft, as in every editor.
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void this.salva());
    this.verificatore = new Verificatore(
      (e) => this.applicaEsito(e),
      (c) => {
        if (this.modello) statoModello(this.modello.uri.toString()).regolamento = c.regolamento;
      },
      (c) => this.applicaConformita(c.rilievi),
    );
    this.modello.onDidChangeContent(() => this.testoCambiato());
    this.editor.onDidChangeCursorPosition((e) => (this.rigaCursore = e.position.lineNumber));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.verificatore?.chiudi();
    if (this.modello) dimenticaModello(this.modello.uri.toString());
    this.editor?.dispose();
    this.modello?.dispose();
    this.editor = undefined;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed.has("organismo") || changed.has("versione")) && this.organismo) void this.carica();
  }

  /** The text in the editor. */
  get testo(): string {
    return this.modello?.getValue() ?? "";
  }

  set testo(t: string) {
    this.modello?.setValue(t);
  }

  private async carica(): Promise<void> {
    const n = ++this.caricamento;
    this.messaggio = undefined;
    try {
      const versioni = await api.versioni(this.organismo);
      if (n !== this.caricamento) return;
      this.versioni = versioni;
      const scelta = this.versione || this.versionePredefinita(versioni);
      if (!scelta) {
        // An organismo without any version yet: start from the header the language requires.
        this.versioneAperta = undefined;
        this.testo = modelloNuovo(this.organismo);
        return;
      }
      const v = await api.versione(this.organismo, scelta);
      if (n !== this.caricamento) return;
      this.versioneAperta = v;
      this.testo = v.sorgente;
      this.editor?.setScrollTop(0);
      const basi = await caricaBasi(v.regolamento?.applica ?? basiApplicate(v.sorgente), v.in_vigore_dal);
      if (n !== this.caricamento || !this.modello) return;
      statoModello(this.modello.uri.toString()).basi = basi;
      this.verificatore?.impostaBasi(basi);
      this.verificatore?.verifica(this.testo);
    } catch (e) {
      this.messaggio = { tipo: "errore", testo: `Impossibile caricare ${this.organismo}: ${(e as Error).message}` };
    }
  }

  private versionePredefinita(vs: VersioneInfo[]): string | undefined {
    const pubblicate = vs.filter((v) => v.pubblicata !== false);
    return (pubblicate.at(-1) ?? vs.at(-1))?.versione;
  }

  private testoCambiato(): void {
    this.verificatore?.verifica(this.testo);
    // The outline waits for an idle moment: the diagnostics come first.
    if (this.indiceInAttesa === undefined) {
      this.indiceInAttesa = requestIdleCallback(() => {
        this.indiceInAttesa = undefined;
        this.indice = indiceArticoli(this.testo);
      }, { timeout: 500 });
    }
  }

  private applicaEsito(e: EsitoVerifica): void {
    if (!this.modello) return;
    monaco.editor.setModelMarkers(this.modello, "regolamento", e.diagnostiche.map(marcatore));
    this.diagnostiche = e.diagnostiche;
    this.msVerifica = e.ms;
    this.dispatchEvent(new CustomEvent("diagnostiche", { detail: { diagnostiche: e.diagnostiche, ms: e.ms }, bubbles: true, composed: true }));
  }

  /** Conformity findings: Monaco markers (errors where the law is broken) with the counterexample in the hover, and the panel. */
  private applicaConformita(rilievi: RilievoEditor[]): void {
    if (!this.modello) return;
    const righe = this.modello.getLineCount();
    monaco.editor.setModelMarkers(this.modello, "conformita", rilievi.map((x) => {
      const riga = Math.min(Math.max(1, x.riga), righe);
      return {
        severity: x.gravita === "errore" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: `${x.messaggio}${x.controesempio ? `\n\nControesempio: ${x.controesempio}` : ""}`,
        code: x.codice, source: "conformità alla legge",
        startLineNumber: riga, startColumn: 1, endLineNumber: riga, endColumn: this.modello!.getLineMaxColumn(riga),
      };
    }));
    this.conformita = rilievi;
  }

  private vaiA(riga: number, colonna = 1): void {
    if (!this.editor) return;
    this.editor.revealLineNearTop(riga, monaco.editor.ScrollType.Immediate);
    this.editor.setPosition({ lineNumber: riga, column: colonna });
    this.editor.focus();
  }

  /** The innermost outline entry at or above the cursor. */
  private voceCorrente(): number {
    let k = -1;
    this.indice.forEach((v, i) => {
      if (v.riga <= this.rigaCursore) k = i;
    });
    return k;
  }

  private formatta(): void {
    void this.editor?.getAction("editor.action.formatDocument")?.run();
  }

  private errori(): number {
    return this.diagnostiche.filter((d) => d.severity === "error").length;
  }

  private async salva(): Promise<void> {
    if (!this.chiave) {
      this.messaggio = { tipo: "errore", testo: "Per salvare una bozza serve la chiave del responsabile dell'organismo." };
      return;
    }
    this.occupato = true;
    try {
      const aperta = this.versioneAperta;
      const bozza = aperta && aperta.pubblicata === false;
      const v = bozza ? await api.aggiornaBozza(this.organismo, aperta.versione, this.testo) : await api.salvaBozza(this.organismo, this.testo);
      this.versioneAperta = { ...v, pubblicata: false };
      this.versioni = await api.versioni(this.organismo);
      const err = v.diagnostiche.filter((d) => d.severity === "error").length;
      this.messaggio = { tipo: err ? "errore" : "ok", testo: `Bozza ${v.versione} salvata${err ? ` con ${err} errori` : ""}.` };
    } catch (e) {
      this.messaggio = { tipo: "errore", testo: this.spiegaErrore(e, "Salvataggio non riuscito") };
    } finally {
      this.occupato = false;
    }
  }

  private async pubblica(): Promise<void> {
    const aperta = this.versioneAperta;
    if (!aperta) return;
    if (!this.chiave) {
      this.messaggio = { tipo: "errore", testo: "Per pubblicare serve la chiave del responsabile dell'organismo." };
      return;
    }
    this.occupato = true;
    try {
      let v;
      try {
        v = await api.pubblica(this.organismo, aperta.versione);
      } catch (e) {
        // In force from a past date: it changes answers for past dates, so the server asks for a confirmation.
        const code = e instanceof ErroreApi ? (e.corpo as { errore?: { code?: string } } | undefined)?.errore?.code : undefined;
        if (code !== "retroactive_publication" || !confirm(`${(e as Error).message}\n\nPubblicare comunque, con effetto retroattivo?`)) throw e;
        v = await api.pubblica(this.organismo, aperta.versione, true);
      }
      this.versioneAperta = { ...aperta, ...v, pubblicata: true };
      this.versioni = await api.versioni(this.organismo);
      this.messaggio = { tipo: "ok", testo: `Versione ${aperta.versione} pubblicata.` };
    } catch (e) {
      this.messaggio = { tipo: "errore", testo: this.spiegaErrore(e, "Pubblicazione non riuscita") };
    } finally {
      this.occupato = false;
    }
  }

  private spiegaErrore(e: unknown, prefisso: string): string {
    if (e instanceof ErroreApi && (e.stato === 401 || e.stato === 403)) return `${prefisso}: chiave mancante o senza i permessi necessari (${e.message}).`;
    if (e instanceof ErroreApi && e.stato === 409) return `${prefisso}: la versione è già pubblicata o esiste già (${e.message}).`;
    return `${prefisso}: ${(e as Error).message}`;
  }

  private cambiaChiave(ev: Event): void {
    this.chiave = (ev.target as HTMLInputElement).value.trim();
    salvaChiave(this.chiave || undefined);
  }

  private scegliVersione(ev: Event): void {
    this.versione = (ev.target as HTMLSelectElement).value;
  }

  override render() {
    const aperta = this.versioneAperta;
    const err = this.errori();
    const avv = this.diagnostiche.length - err;
    const corrente = this.voceCorrente();
    const quota = quotaCodificata(this.indice);
    return html`
      <div class="barra">
        <label>Versione
          <select @change=${this.scegliVersione} aria-label="Versione">
            ${this.versioni.map((v) => html`<option value=${v.versione} ?selected=${v.versione === aperta?.versione}>${v.versione}${v.pubblicata === false ? " (bozza)" : ""}${v.in_vigore_dal ? ` — dal ${v.in_vigore_dal}` : ""}</option>`)}
          </select>
        </label>
        <button @click=${this.formatta} title="Formatta il documento (Maiusc+Alt+F)">Formatta</button>
        <button @click=${this.salva} ?disabled=${this.occupato} class="salva" title="Salva come bozza (Ctrl+S)">Salva bozza</button>
        <button @click=${this.pubblica} ?disabled=${this.occupato || !aperta || aperta.pubblicata !== false} class="primario pubblica">Pubblica</button>
        <label>Chiave responsabile
          <input type="password" .value=${this.chiave} @change=${this.cambiaChiave} placeholder="chiave" autocomplete="off" size="14" />
        </label>
        <span class="spazio"></span>
        ${this.messaggio ? html`<span class="messaggio ${this.messaggio.tipo}" role="status">${this.messaggio.testo}</span>` : null}
      </div>
      <div class="corpo">
        <nav aria-label="Articoli">
          <h3>Articoli</h3>
          ${quota === undefined ? null : html`<p class="quota" title="commi codificati (anche ambigui, con il parametro che sceglie la lettura) sul totale">${Math.round(quota * 100)}% dei commi codificato</p>`}
          <ol class="indice">
            ${this.indice.map(
              (v, i) => html`<li class="${v.livello} ${corrente === i ? "corrente" : ""}"><button @click=${() => this.vaiA(v.riga, v.colonna)} title=${[v.titolo, v.stato].filter(Boolean).join(" — ")}>${v.stato ? html`<span class="stato-comma ${v.stato.replace(" ", "-")}" aria-label=${v.stato}></span>` : null}${v.livello === "articolo" ? `Art. ${v.numero}` : `c. ${v.numero}`}${v.titolo ? ` — ${v.titolo}` : ""}</button></li>`,
            )}
          </ol>
        </nav>
        <div class="monaco"></div>
      </div>
      <div class="piede">
        <ul class="problemi" aria-label="Problemi">
          ${this.diagnostiche.map(
            (d) => html`<li class=${d.severity} @click=${() => this.vaiA(d.line, d.col)}>${d.severity === "error" ? "✖" : "⚠"} riga ${d.line}:${d.col} ${d.code} ${d.message}</li>`,
          )}
        </ul>
        ${this.conformita.length
          ? html`<section class="conformita" aria-label="Conformità"><h4>Conformità alla legge</h4><ul class="problemi">
              ${this.conformita.map((x) => html`<li class=${x.gravita === "errore" ? "error" : "warning"} @click=${() => this.vaiA(x.riga)}>${x.gravita === "errore" ? "✖" : "⚠"} riga ${x.riga} ${x.codice} ${x.messaggio}${x.controesempio ? html`<div class="controesempio">controesempio: ${x.controesempio}</div>` : null}</li>`)}
            </ul></section>`
          : null}
        <div class="stato">
          ${err} ${err === 1 ? "errore" : "errori"} · ${avv} ${avv === 1 ? "avviso" : "avvisi"}${this.msVerifica !== undefined ? html` · verificato in ${this.msVerifica.toFixed(1)} ms` : null}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "regolamento-editor": RegolamentoEditor;
  }
}
