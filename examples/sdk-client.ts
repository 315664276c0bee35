import { clientApi } from "../sdk/client.ts"; // fuori dal repository: sdk/dist/client.js (npm run build:sdk)

// Una chiave di segreteria dell'organismo (POST /v1/chiavi) e l'indirizzo del server.
const api = clientApi(process.env.SERVER ?? "http://127.0.0.1:3000", { chiave: process.env.CHIAVE });
const id = process.env.ORGANISMO ?? "napoli";

// Apre un procedimento. Il client invia da sé Idempotency-Key: se la risposta va persa riprova, e il server non registra due volte.
const p = await api.v1.organismi[":id"].procedimenti.$post({
  param: { id },
  json: { parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }], eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A" }] },
});
if (!p.ok) throw new Error(`${p.stato} ${p.errore.code}: ${p.errore.messaggio}`); // gli errori sono valori, tipati
console.log(`procedimento ${String(p.dati.id)} aperto, fase ${String(p.dati.fase)}`);

// Un'azione negata non è un'eccezione: { ok: false, stato: 422, errore: { code: "action_denied", … } }.
const a = await api.v1.organismi[":id"].procedimenti[":pid"].azioni.$post({ param: { id, pid: String(p.dati.id) }, json: { azione: "adesione", data: "2026-03-05", parte: "B" } });
console.log(a.ok ? `azione registrata (revisione ${String(a.dati.revisione)})` : `azione rifiutata: ${a.stato} ${a.errore.code}`);

// Le risposte hanno i tipi degli schemi del server: qui VoceElencoProcedimenti.
const elenco = await api.v1.organismi[":id"].procedimenti.$get({ param: { id }, query: { ordine: "-depositato_il", limite: "3" } });
if (elenco.ok) for (const v of elenco.dati.procedimenti) console.log(v.id, v.fase, v.prossima_scadenza ?? "nessuna scadenza");
