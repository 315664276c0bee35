// <diff-procedimenti>: in the diff view, the two versions of one organismo put to its own past
// procedures (GET …/diff/{b}/casi): the recorded acts the new version would deny, the terms that
// move, the fees that change — what a Responsabile checks before publishing a draft. Needs the
// responsabile's key (procedures and drafts are the organismo's); run on request (it replays
// hundreds of procedures).
import { LitElement, html, css, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { api } from "../api/istanza.ts";
import { ErroreApi } from "../api/client.ts";
import { leggiChiave, salvaChiave } from "../api/chiave.ts";
import type { EsitoDiffCasi } from "../api/tipi.ts";
import { formatDifferenza, riassuntoCasi, righeCambio, titoloProcedimento } from "../logica/diff-casi.ts";
import { parole } from "../logica/formato.ts";
import { stiliComuni } from "./stili-comuni.ts";

@customElement("diff-procedimenti")
export class DiffProcedimenti extends LitElement {
  static override styles = [
    stiliComuni,
    css`
      :host { margin-top: 14px; padding-top: 10px; border-top: 1px solid #d9e2ec; font-size: 13px; }
      p.nota { color: #52606d; margin: 0 0 8px; font-size: 12.5px; }
      .comandi { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; margin-bottom: 8px; }
      .riassunto { color: #52606d; margin-bottom: 6px; }
      table.totali { border-collapse: collapse; width: 100%; margin-bottom: 10px; }
      table.totali th, table.totali td { text-align: left; padding: 3px 4px; border-bottom: 1px solid #e4e7eb; font-size: 12.5px; }
      table.totali td.importo { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      ul { list-style: none; margin: 0; padding: 0; }
      li.caso { border: 1px solid #d9e2ec; border-left: 4px solid #d97706; border-radius: 4px; padding: 6px 8px; margin-bottom: 6px; background: #fff; }
      li.caso.negato { border-left-color: #dc2626; }
      .titolo { font-size: 12px; color: #52606d; margin-bottom: 2px; }
      .riga { margin-top: 2px; }
      .riga.esito { font-weight: 600; }
      .su { color: #b42318; }
      .giu { color: #05603a; }
    `,
  ];

  @property() organismo = "";
  /** Before (usually the published version) and after (the draft). */
  @property() a = "";
  @property() b = "";

  @state() private esito: EsitoDiffCasi | undefined;
  @state() private errore = "";
  @state() private inCorso = false;
  @state() private chiave = leggiChiave() ?? "";
  /** The key field stays while the view is open once it was needed. */
  private readonly chiedeChiave = !this.chiave;
  private richiesta = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    // Another pair of versions: the last answer no longer applies.
    if (changed.has("organismo") || changed.has("a") || changed.has("b")) {
      this.esito = undefined;
      this.errore = "";
      this.richiesta++;
      this.inCorso = false;
    }
  }

  private async esegui(): Promise<void> {
    if (!this.chiave) {
      this.errore = "Serve la chiave del responsabile dell'organismo: i procedimenti e le bozze sono suoi.";
      return;
    }
    const n = ++this.richiesta;
    this.errore = "";
    this.inCorso = true;
    try {
      const d = await api.diffCasi(this.organismo, this.a, this.b);
      if (n === this.richiesta) this.esito = d;
    } catch (e) {
      if (n !== this.richiesta) return;
      this.errore = e instanceof ErroreApi && (e.stato === 401 || e.stato === 403)
        ? `Prova non riuscita: chiave mancante o senza i permessi del responsabile (${e.message}).`
        : `Prova non riuscita: ${(e as Error).message}`;
    } finally {
      if (n === this.richiesta) this.inCorso = false;
    }
  }

  private cambiaChiave(ev: Event): void {
    this.chiave = (ev.target as HTMLInputElement).value.trim();
    salvaChiave(this.chiave || undefined);
  }

  private risultato(d: EsitoDiffCasi) {
    const descrizioni = new Map(d.procedimenti.map((p) => [p.id, p]));
    return html`
      <p class="riassunto">${riassuntoCasi(d)}</p>
      ${d.totali_per_voce.length
        ? html`<table class="totali" aria-label="Differenza per voce">
            <thead><tr><th>Voce</th><th>Procedimenti</th><th>Differenza</th></tr></thead>
            <tbody>${d.totali_per_voce.map(
              (t) => html`<tr class="totale"><td>${parole(t.voce)}</td><td>${t.casi}</td><td class="importo ${t.differenza > 0 ? "su" : t.differenza < 0 ? "giu" : ""}">${formatDifferenza(t.differenza)}</td></tr>`,
            )}</tbody>
          </table>
          <p class="nota">Somma su procedimenti e parti dell'imponibile (IVA esclusa): quanto in più (+) o in meno (−) avrebbero pagato con «Dopo».</p>`
        : null}
      ${d.cambiati.length === 0
        ? html`<p class="vuoto">Nessun procedimento cambia: esiti, termini e indennità restano gli stessi.</p>`
        : html`<ul class="casi">
            ${d.cambiati.map(
              (c) => html`<li class="caso ${c.esito?.dopo === "negato" ? "negato" : ""}" data-id=${c.caso}>
                <div class="titolo" title=${c.caso}>Procedimento ${titoloProcedimento(c.caso, descrizioni.get(c.caso))}</div>
                ${righeCambio(c).map(
                  (r) => html`<div class="riga ${r.tipo} ${r.verso ?? ""}">${r.testo}${r.cita ? html` <span class="cita">${r.cita}</span>` : null}</div>`,
                )}
              </li>`,
            )}
          </ul>`}
    `;
  }

  override render() {
    return html`
      <h3>Sui procedimenti dell'organismo</h3>
      <p class="nota">Gli ultimi procedimenti depositati (al più 500) valutati con «Prima» e con «Dopo»: gli atti registrati che «Dopo» giudicherebbe diversamente, i termini e le indennità che cambiano.</p>
      <div class="comandi">
        ${!this.chiedeChiave
          ? null
          : html`<label>Chiave responsabile <input type="password" .value=${this.chiave} @change=${this.cambiaChiave} placeholder="chiave" autocomplete="off" size="14" /></label>`}
        <button class="primario prova" ?disabled=${this.inCorso || !this.organismo || !this.a || !this.b} @click=${() => void this.esegui()}>
          ${this.inCorso ? "Valutazione…" : "Prova sui procedimenti"}
        </button>
      </div>
      ${this.errore ? html`<p class="messaggio errore">${this.errore}</p>` : null}
      ${this.esito ? this.risultato(this.esito) : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "diff-procedimenti": DiffProcedimenti;
  }
}
