// <regolamento-confronto>: the topic × organismo matrix, and a case simulator that asks every
// organismo the same question (`POST /v1/compare`) and shows the answers side by side.
import { LitElement, html, css } from "lit";
import { customElement, state } from "lit/decorators.js";
import { api } from "../api/istanza.ts";
import { MotoriOffline, èErroreDiRete } from "../api/offline.ts";
import type { Matrix, OrganismoInfo, RispostaConfronto } from "../api/tipi.ts";
import { AZIONI, MATERIE, TIPI_PROCEDIMENTO } from "../../engine/vocabolario.ts";
import { CASI_ESEMPIO, casoEsempio, domandaDa, type CasoForm, type EventoForm } from "../logica/caso.ts";
import { parole } from "../logica/formato.ts";
import { stiliComuni } from "./stili-comuni.ts";
import "./esito-risposta.ts";

@customElement("regolamento-confronto")
export class RegolamentoConfronto extends LitElement {
  static override styles = [
    stiliComuni,
    css`
      :host { overflow: auto; height: 100%; padding: 12px; }
      section { margin-bottom: 16px; padding: 12px; }
      table.matrice { border-collapse: collapse; font-size: 12.5px; width: 100%; }
      .matrice th, .matrice td { border: 1px solid #e4e7eb; padding: 4px 6px; vertical-align: top; text-align: left; }
      .matrice thead th { background: #f0f4f8; position: sticky; top: 0; }
      .matrice td .cita { display: block; font-size: 11px; }
      .matrice-contenitore { max-height: 340px; overflow: auto; }
      form { display: grid; gap: 8px; }
      .riga { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
      fieldset { border: 1px solid #d9e2ec; border-radius: 4px; padding: 6px 8px; }
      legend { font-size: 12px; color: #52606d; }
      .evento { display: flex; gap: 6px; margin-bottom: 4px; align-items: center; }
      .evento input.campi { flex: 1; min-width: 200px; }
      .risposte { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 10px; margin-top: 12px; }
      .organismi label { margin-right: 8px; }
    `,
  ];

  @state() private organismi: OrganismoInfo[] = [];
  @state() private scelti = new Set<string>();
  @state() private matrice: Matrix | undefined;
  @state() private caso: CasoForm = casoEsempio();
  @state() private risposte: RispostaConfronto[] | undefined;
  @state() private errore = "";
  @state() private inCorso = false;
  /** Set when the last answers were computed in the browser because the server could not be reached. */
  @state() private offline = false;
  private readonly motoriOffline = new MotoriOffline((id, v) => api.compilato(id, v));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.carica();
  }

  private async carica(): Promise<void> {
    try {
      this.organismi = await api.organismi();
      this.scelti = new Set(this.organismi.map((o) => o.id));
      void this.motoriOffline.prepara(this.organismi);
      this.matrice = await api.matrice();
    } catch (e) {
      this.errore = `Caricamento non riuscito: ${(e as Error).message}`;
    }
  }

  private aggiorna(patch: Partial<CasoForm>): void {
    this.caso = { ...this.caso, ...patch };
  }

  private aggiornaEvento(i: number, patch: Partial<EventoForm>): void {
    this.aggiorna({ eventi: this.caso.eventi.map((e, k) => (k === i ? { ...e, ...patch } : e)) });
  }

  private async simula(ev: Event): Promise<void> {
    ev.preventDefault();
    this.inCorso = true;
    this.errore = "";
    try {
      const domanda = domandaDa(this.caso);
      try {
        this.risposte = await api.compare([...this.scelti], domanda);
        this.offline = false;
      } catch (e) {
        const risposte = èErroreDiRete(e) ? this.motoriOffline.confronta([...this.scelti], domanda) : [];
        if (risposte.length === 0) throw e;
        this.risposte = risposte;
        this.offline = true;
      }
      this.dispatchEvent(new CustomEvent("simulazione", { detail: { risposte: this.risposte.length }, bubbles: true, composed: true }));
    } catch (e) {
      this.errore = `Simulazione non riuscita: ${(e as Error).message}`;
    } finally {
      this.inCorso = false;
    }
  }

  private nome(id: string): string {
    return this.organismi.find((o) => o.id === id)?.nome ?? id;
  }

  private selectAzione(valore: string, onChange: (v: string) => void, vuota = false) {
    return html`<select aria-label="Azione" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${vuota ? html`<option value="" ?selected=${!valore}>— nessuna —</option>` : null}
      ${AZIONI.map((a) => html`<option value=${a} ?selected=${a === valore}>${parole(a)}</option>`)}
    </select>`;
  }

  private selectParte(valore: string, onChange: (v: string) => void) {
    return html`<select aria-label="Parte" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!valore}>organismo</option>
      ${this.caso.parti.map((p) => html`<option value=${p.id} ?selected=${p.id === valore}>${p.id} (${p.ruolo})</option>`)}
    </select>`;
  }

  private renderMatrice() {
    const m = this.matrice;
    if (!m) return html`<p class="vuoto">Caricamento della matrice…</p>`;
    return html`<div class="matrice-contenitore"><table class="matrice">
      <thead><tr><th>Argomento</th>${m.organismi.map((o) => html`<th title=${o.nome}>${o.id}</th>`)}</tr></thead>
      <tbody>
        ${m.argomenti.map(
          (a) => html`<tr><th>${a.titolo}</th>${m.organismi.map((o) => {
            const c = m.celle[o.id]?.[a.chiave];
            return html`<td>${c ? html`${c.valore}${c.cita ? html`<span class="cita">${c.cita}${c.fonte && c.fonte !== o.id ? ` (${c.fonte})` : ""}</span>` : null}` : html`<span class="vuoto">—</span>`}</td>`;
          })}</tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private renderForm() {
    const c = this.caso;
    const domanda = domandaDa(c);
    return html`<form @submit=${this.simula}>
      <div class="riga organismi">
        ${this.organismi.map(
          (o) => html`<label><input type="checkbox" .checked=${this.scelti.has(o.id)} @change=${(e: Event) => {
            const s = new Set(this.scelti);
            if ((e.target as HTMLInputElement).checked) s.add(o.id);
            else s.delete(o.id);
            this.scelti = s;
          }} />${o.nome || o.id}</label>`,
        )}
      </div>
      <div class="riga">
        <label>Materia <select name="materia" @change=${(e: Event) => this.aggiorna({ materia: (e.target as HTMLSelectElement).value })}>
          ${MATERIE.map((m) => html`<option value=${m} ?selected=${m === c.materia}>${parole(m)}</option>`)}</select></label>
        <label>Tipo <select name="tipo" @change=${(e: Event) => this.aggiorna({ tipo: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!c.tipo}>secondo la materia</option>
          ${TIPI_PROCEDIMENTO.map((t) => html`<option value=${t} ?selected=${t === c.tipo}>${t}</option>`)}</select></label>
        <label>Valore (€) <input name="valore" .value=${c.valore} placeholder="indeterminato" size="10" @change=${(e: Event) => this.aggiorna({ valore: (e.target as HTMLInputElement).value })} /></label>
        <label>Data <input type="date" name="data" .value=${c.data} @change=${(e: Event) => this.aggiorna({ data: (e.target as HTMLInputElement).value })} /></label>
      </div>
      <fieldset><legend>Parti</legend>
        ${c.parti.map(
          (p, i) => html`<span class="riga" style="display:inline-flex;margin-right:12px">${p.id}
            <select aria-label="Ruolo" @change=${(e: Event) => this.aggiorna({ parti: c.parti.map((q, k) => (k === i ? { ...q, ruolo: (e.target as HTMLSelectElement).value as "istante" | "invitata" } : q)) })}>
              <option value="istante" ?selected=${p.ruolo === "istante"}>istante</option><option value="invitata" ?selected=${p.ruolo === "invitata"}>invitata</option></select>
            <label><input type="checkbox" .checked=${!!p.avvocato} @change=${(e: Event) => this.aggiorna({ parti: c.parti.map((q, k) => (k === i ? { ...q, avvocato: (e.target as HTMLInputElement).checked } : q)) })} />avvocato</label></span>`,
        )}
        <button type="button" @click=${() => this.aggiorna({ parti: [...c.parti, { id: String.fromCharCode(65 + c.parti.length), ruolo: "invitata" }] })}>+ parte</button>
      </fieldset>
      <fieldset><legend>Eventi già avvenuti (dal più vecchio)</legend>
        ${c.eventi.map(
          (e, i) => html`<div class="evento">
            ${this.selectAzione(e.azione, (v) => this.aggiornaEvento(i, { azione: v }))}
            <input type="date" aria-label="Data evento" .value=${e.data} @change=${(ev: Event) => this.aggiornaEvento(i, { data: (ev.target as HTMLInputElement).value })} />
            ${this.selectParte(e.parte, (v) => this.aggiornaEvento(i, { parte: v }))}
            <input class="campi" aria-label="Altri campi" placeholder="altri campi, es. esito: prosecuzione" .value=${e.campi} @change=${(ev: Event) => this.aggiornaEvento(i, { campi: (ev.target as HTMLInputElement).value })} />
            <button type="button" title="Togli" @click=${() => this.aggiorna({ eventi: c.eventi.filter((_, k) => k !== i) })}>✕</button>
          </div>`,
        )}
        <button type="button" @click=${() => this.aggiorna({ eventi: [...c.eventi, { azione: "adesione", data: c.data, parte: "", campi: "" }] })}>+ evento</button>
      </fieldset>
      <fieldset><legend>Azione da valutare</legend>
        <div class="evento">
          ${this.selectAzione(c.azione?.azione ?? "", (v) => this.aggiorna({ azione: v ? { ...(c.azione ?? { data: c.data, parte: "", campi: "" }), azione: v } : undefined }), true)}
          ${c.azione
            ? html`<input type="date" aria-label="Data azione" .value=${c.azione.data} @change=${(ev: Event) => this.aggiorna({ azione: { ...c.azione!, data: (ev.target as HTMLInputElement).value } })} />
                ${this.selectParte(c.azione.parte, (v) => this.aggiorna({ azione: { ...c.azione!, parte: v } }))}
                <input class="campi" aria-label="Altri campi dell'azione" .value=${c.azione.campi} @change=${(ev: Event) => this.aggiorna({ azione: { ...c.azione!, campi: (ev.target as HTMLInputElement).value } })} />`
            : null}
        </div>
      </fieldset>
      <div class="riga">
        <button class="primario simula" type="submit" ?disabled=${this.inCorso || this.scelti.size === 0}>Simula con ${this.scelti.size} organismi</button>
        <label>Casi d'esempio
          <select name="esempio" @change=${(e: Event) => {
            const i = Number((e.target as HTMLSelectElement).value);
            if (CASI_ESEMPIO[i]) this.caso = CASI_ESEMPIO[i].caso();
          }}>
            <option value="" selected>—</option>
            ${CASI_ESEMPIO.map((c, i) => html`<option value=${i}>${c.titolo}</option>`)}
          </select></label>
        <details><summary style="font-size:12px;color:#52606d">Domanda JSON</summary><pre style="font-size:11px">${JSON.stringify(domanda, null, 2)}</pre></details>
      </div>
    </form>`;
  }

  override render() {
    const domanda = domandaDa(this.caso);
    return html`
      ${this.errore ? html`<p class="messaggio errore">${this.errore}</p>` : null}
      <section class="pannello">
        <h2>Matrice: argomenti × organismi</h2>
        ${this.renderMatrice()}
      </section>
      <section class="pannello">
        <h2>Simulatore di un caso</h2>
        ${this.renderForm()}
        ${this.risposte && this.offline
          ? html`<p class="messaggio avviso offline" role="status">Server non raggiungibile: risposte calcolate nel browser con lo stesso motore, sulla versione in vigore oggi di ciascun organismo (${this.risposte.length} di ${this.scelti.size}).</p>`
          : null}
        ${this.risposte
          ? html`<div class="risposte">
              ${this.risposte.map(
                (r) => html`<esito-risposta data-organismo=${r.organismo} .nome=${this.nome(r.organismo)} .risposta=${r} .domanda=${domanda}></esito-risposta>`,
              )}
            </div>`
          : null}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "regolamento-confronto": RegolamentoConfronto;
  }
}
