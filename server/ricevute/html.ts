// The receipt as a printable HTML page (a fascicolo keeps it): self-contained, every value escaped.
import type { Ricevuta } from "./servizio.ts";

const esc = (x: unknown) =>
  String(x ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function ricevutaHtml(r: Ricevuta): string {
  const { azione: _a, ...campi } = r.evento.azione;
  const righeAzione = Object.entries(campi)
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(typeof v === "object" ? JSON.stringify(v) : v)}</td></tr>`)
    .join("");
  const regole = r.regole
    .map((g) => `<li><strong>${esc(g.regola)}</strong> — ${esc(g.cita)} (${esc(g.fonte)})${g.esito ? `: ${esc(g.esito)}` : ""}${g.testo ? `<blockquote>${esc(g.testo)}</blockquote>` : ""}</li>`)
    .join("");
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Ricevuta evento ${esc(r.evento.seq)} — procedimento ${esc(r.procedimento)}</title>
<style>body{font:14px/1.45 Georgia,serif;max-width:46em;margin:2em auto;color:#111}h1{font-size:1.4em}th{text-align:left;padding-right:1em;vertical-align:top}
code{font-size:.85em;word-break:break-all}blockquote{margin:.3em 0 .6em 1em;font-style:italic}@media print{body{margin:0}}</style></head>
<body>
<h1>Ricevuta dell'evento ${esc(r.evento.seq)}: ${esc(r.evento.azione.azione)}</h1>
<table>
<tr><th>Organismo</th><td>${esc(r.organismo)}</td></tr>
<tr><th>Procedimento</th><td>${esc(r.procedimento)}</td></tr>
<tr><th>Registrato il</th><td>${esc(r.evento.registrato_il)}</td></tr>
<tr><th>Attore</th><td>${esc(JSON.stringify(r.evento.attore))}</td></tr>
${righeAzione}
<tr><th>Regolamento</th><td>${esc(r.versione.regolamento)}, versione ${esc(r.versione.versione)}</td></tr>
<tr><th>Impronta (SHA-256)</th><td><code>${esc(r.versione.impronta_ir ?? "non registrata")}</code></td></tr>
<tr><th>Verifica</th><td>${r.versione.corrisponde ? "l'impronta corrisponde alla versione pubblicata" : "l'impronta NON corrisponde alla versione caricata ora"}</td></tr>
</table>
<h2>Regole che hanno deciso</h2>
<ol>${regole}</ol>
<p><small>L'impronta è lo SHA-256 del JSON canonico (chiavi ordinate, senza spazi) della forma compilata della versione
(<code>GET /v1/organismi/${esc(r.organismo)}/regolamenti/${esc(r.versione.versione)}/compilato</code>, campo <code>regolamento</code>).</small></p>
</body></html>
`;
}
