// <esito-risposta>: one organismo's answer to the simulated case — esito, motivi with citation and
// text, deadlines, fees per party, effects — and the procedure's timeline with its open terms.
import { LitElement, html, css } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { Domanda } from "../../engine/contract.ts";
import type { RispostaConfronto } from "../api/tipi.ts";
import { formatData, formatEuro, parole } from "../logica/formato.ts";
import { stiliComuni } from "./stili-comuni.ts";
import "./linea-temporale.ts";

/** A total that leaves out voci due without an amount says so, next to it (contract: `voci_senza_importo`). */
const senzaImporto = (voci: string[] | undefined) =>
  voci?.length ? html`<span class="nota">senza ${voci.map(parole).join(", ")}: importo non indicato dal testo</span>` : null;

@customElement("esito-risposta")
export class EsitoRisposta extends LitElement {
  static override styles = [
    stiliComuni,
    css`
      :host { display: block; background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 10px; font-size: 13px; }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 6px; }
      .nome { font-weight: 600; }
      .versione { color: #7b8794; font-size: 12px; }
      .esito { font-weight: 700; padding: 2px 8px; border-radius: 10px; font-size: 12px; text-transform: uppercase; }
      .esito.consentito { background: #dcfce7; color: #166534; }
      .esito.negato { background: #fee2e2; color: #991b1b; }
      .esito.nessuno { background: #f0f4f8; color: #52606d; }
      h4 { margin: 8px 0 4px; font-size: 12px; color: #52606d; text-transform: uppercase; letter-spacing: 0.03em; }
      ul { margin: 0; padding-left: 16px; }
      li { margin-bottom: 3px; }
      blockquote { margin: 2px 0 0; padding-left: 8px; border-left: 3px solid #d9e2ec; color: #52606d; font-style: italic; }
      table { border-collapse: collapse; width: 100%; font-size: 12px; }
      td, th { padding: 2px 4px; border-bottom: 1px solid #f0f4f8; text-align: left; }
      td.num, th.num, td.data { text-align: right; white-space: nowrap; }
      td .cita { display: block; white-space: normal; font-size: 11px; }
      tr.parte td { font-weight: 600; padding-top: 6px; }
      td .nota { display: block; font-size: 11px; color: #7b8794; font-style: italic; }
      summary { cursor: pointer; margin-top: 8px; }
      .scaduta { color: #b91c1c; }
      .totale { font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) risposta!: RispostaConfronto;
  @property({ attribute: false }) domanda: Domanda | undefined;
  @property() nome = "";

  override render() {
    const { risposta: r, organismo, versione } = this.risposta;
    const esito = r.esito ?? "nessuno";
    return html`
      <header>
        <span><span class="nome">${this.nome || organismo}</span> <span class="versione">${versione ? `v. ${versione}` : ""} · fase ${parole(r.fase ?? "")}</span></span>
        <span class="esito ${esito}">${r.esito ?? "—"}</span>
      </header>
      ${r.motivi?.length
        ? html`<h4>Motivi</h4><ul class="motivi">${r.motivi.map(
            (m) => html`<li><span class="cita">${m.cita}</span> <small>(${m.fonte})</small> ${m.messaggio ?? parole(m.regola)}
              ${m.testo ? html`<blockquote>${m.testo}</blockquote>` : null}</li>`,
          )}</ul>`
        : null}
      ${r.per_consentire?.length
        ? html`<h4>Per consentire</h4><ul class="per-consentire">${r.per_consentire.map(
            (m) => html`<li>${m.descrizione} <span class="cita">${m.regole.map((x) => x.cita).join(", ")}</span></li>`,
          )}</ul>`
        : null}
      ${r.conflitti?.length ? html`<h4>Conflitti</h4><ul>${r.conflitti.map((c) => html`<li>${c.messaggio}</li>`)}</ul>` : null}
      ${r.scadenze?.length
        ? html`<h4>Scadenze</h4><table class="scadenze"><tr><th>termine</th><th>dal</th><th>entro</th></tr>
            ${r.scadenze.map((s) => html`<tr class=${s.scaduta ? "scaduta" : ""}><td>${parole(s.nome)}${s.parte ? ` (${s.parte})` : ""}<span class="cita">${(s.fonti ?? [s]).map((f) => `${f.cita}${f.fonte !== organismo ? ` · ${f.fonte}` : ""}`).join("; ")}</span></td><td class="data">${formatData(s.dal)}</td><td class="data">${formatData(s.entro)}${s.scaduta ? " (scaduto)" : ""}</td></tr>`)}</table>`
        : null}
      ${r.indennita?.per_parte?.length
        ? html`<h4>Indennità</h4><table class="indennita"><tr><th>voce</th><th class="num">imponibile</th><th class="num">IVA</th></tr>
            ${r.indennita.per_parte.map(
              (p) => html`<tr class="parte"><td colspan="3">Parte ${p.parte}</td></tr>
                ${p.voci.map((v) => html`<tr><td>${parole(v.voce)}${v.quantita && v.quantita !== 1 ? ` ×${v.quantita}` : ""}<span class="cita">${v.cita}${v.fonte && v.fonte !== organismo ? ` · ${v.fonte}` : ""}</span>${v.nota ? html`<span class="nota">${v.nota}</span>` : null}</td><td class="num">${formatEuro(v.imponibile)}</td><td class="num">${v.iva === null ? "—" : formatEuro(v.iva)}</td></tr>`)}
                <tr class="totale"><td>totale parte ${p.parte}${senzaImporto(p.voci_senza_importo)}</td><td class="num" colspan="2">${formatEuro(p.totale)}</td></tr>`,
            )}
            <tr class="totale"><td>totale procedimento${senzaImporto(r.indennita.voci_senza_importo)}</td><td class="num" colspan="2">${formatEuro(r.indennita.totale)}</td></tr>
          </table>`
        : null}
      ${r.effetti?.length ? html`<h4>Effetti</h4><ul>${r.effetti.map((e) => html`<li>${parole(e.effetto)}${e.parte ? ` (${e.parte})` : ""} <span class="cita">${e.cita}</span></li>`)}</ul>` : null}
      ${r.azioni_consentite?.length
        ? html`<details><summary><h4 style="display:inline">Azioni consentite ora (${r.azioni_consentite.length})</h4></summary><div style="font-size:12px">${r.azioni_consentite.map(parole).join(", ")}</div></details>`
        : null}
      ${this.domanda
        ? html`<h4>Linea temporale</h4><linea-temporale .eventi=${this.domanda.procedimento.eventi ?? []} .scadenze=${r.scadenze ?? []} .azione=${this.domanda.azione} .data=${this.domanda.data ?? ""}></linea-temporale>`
        : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "esito-risposta": EsitoRisposta;
  }
}
