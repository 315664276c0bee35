// `regolamento compare <files-or-ids…> --caso <domanda> [--json]`: one question, several organismi.
// Without --caso: the topics × organismi table (`--valori 1000,25000,250000` for the fee rows).
import { parseArgs } from "node:util";
import { loadAll, readDocument, resolveRegolamento } from "../regolamenti/load.ts";
import { compare, matrix, dataDiRiferimento, type Domanda } from "../engine/index.ts";
import { eur } from "./formato.ts";

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { caso: { type: "string" }, json: { type: "boolean" }, valori: { type: "string" } } });
  } catch (e) { console.error(e instanceof Error ? e.message : String(e)); return 2; }
  const { values, positionals } = parsed;
  if (positionals.length === 0) { console.error("uso: regolamento compare <file o id…> --caso <domanda.json|yaml> [--json]"); return 2; }
  try {
    const { catalog } = await loadAll();
    const q = values.caso ? ((await readDocument(values.caso)) as Domanda) : undefined;
    const date = q ? dataDiRiferimento(q) : undefined;
    const ps = [];
    for (const spec of positionals) {
      const r = await resolveRegolamento(spec, catalog, date);
      ps.push(catalog.perDomanda(r.id, q ?? {}, spec.includes("@") || spec.endsWith(".regolamento") ? r.versione : undefined));
    }
    if (!q) {
      const valori = values.valori?.split(",").map(Number).filter((n) => Number.isFinite(n));
      const m = matrix(ps, valori?.length ? { valori } : undefined);
      if (values.json) { console.log(JSON.stringify(m, null, 2)); return 0; }
      for (const a of m.argomenti) {
        console.log(`\n${a.titolo}`);
        for (const o of m.organismi) {
          const c = m.celle[o.id]?.[a.chiave];
          console.log(`  ${o.id.padEnd(16)} ${c?.valore ?? "—"}${c?.cita ? ` (${c.cita}, ${c.fonte})` : ""}`);
        }
      }
      return 0;
    }
    const risposte = compare(ps, q);
    if (values.json) { console.log(JSON.stringify(risposte, null, 2)); return 0; }
    for (const { organismo, versione, risposta: r } of risposte) {
      console.log(`\n${organismo} ${versione}`);
      if (r.esito) console.log(`  esito: ${r.esito}${r.motivi.length ? ` — ${r.motivi.map((m) => `${m.regola} (${m.cita}, ${m.fonte})`).join("; ")}` : ""}`);
      console.log(`  fase: ${r.fase}`);
      for (const s of r.scadenze) console.log(`  ${s.nome}${s.parte ? ` (${s.parte})` : ""}: ${s.dal ? `dal ${s.dal} ` : ""}${s.entro ? `entro ${s.entro}` : ""} (${s.cita}, ${s.fonte})`);
      for (const p of r.indennita.per_parte) console.log(`  indennità ${p.parte}: ${eur(p.totale)}`);
      console.log(`  azioni consentite: ${r.azioni_consentite.join(", ")}`);
    }
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
