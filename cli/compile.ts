// `regolamento compile <file> [--json]`: the IR (with --json) or a readable summary of it.
import { compile } from "../dsl/index.ts";
import type { Regola } from "../engine/ir.ts";
import { basiPer, fontiBasi, leggiSorgente, opzioneBasi, riga } from "./check.ts";

function descrivi(r: Regola): string {
  switch (r.tipo) {
    case "vincolo":
      return `${r.azioni.join(", ")}${r.richiede === false ? " vietata" : ""}`;
    case "termine": {
      const ev = "evento" in r.ancora ? `${r.ancora.evento}${r.ancora.campo ? "." + r.ancora.campo : ""}` : "fatto" in r.ancora ? r.ancora.fatto : "";
      const a = "termine" in r.ancora ? `dalla scadenza di ${r.ancora.termine}` : r.ancora.verso === "prima" ? `prima di ${ev}` : `da ${ev}`;
      const w = [r.nonPrimaDi && `non prima di ${r.nonPrimaDi.quantita} ${r.nonPrimaDi.unita}`, r.entro && `entro ${r.entro.quantita} ${r.entro.unita}`].filter(Boolean).join(", ");
      return `${w} ${a}`;
    }
    case "tariffa":
      return `voce ${r.voce}, ${r.scaglioni.length} scaglioni, iva ${r.ivaPercento}%${r.tabella ? `, tabella ${r.tabella}` : ""}`;
    case "variazione":
      return `${r.segno > 0 ? "+" : "−"} su ${r.su.join(", ")}`;
    case "eccezione":
      return `a ${r.a.nome}${r.a.fonte ? ` di ${r.a.fonte}` : ""}`;
    case "azione":
      return `${r.azione}${r.transizioni.length ? ` → ${r.transizioni.map((t) => t.fase).join(" | ")}` : ""}`;
    default:
      return "";
  }
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const { files, basi } = opzioneBasi(args.filter((a) => a !== "--json"));
  const [file] = files;
  if (!file || files.length > 1) {
    console.error("uso: regolamento compile <file> [--json] [--basi <cartella>]");
    return 2;
  }
  const source = await leggiSorgente(file);
  if (source === undefined) return 2;
  const bases = basiPer(source, file, await fontiBasi(basi));
  const { regolamento, diagnostics } = compile(source, bases ? { bases } : {});
  for (const d of diagnostics) console.error(riga(file, d));
  if (!regolamento) return 1;
  if (json) {
    console.log(JSON.stringify(regolamento, null, 2));
    return 0;
  }
  const r = regolamento;
  console.log(`${r.id} — ${r.nome}`);
  console.log(`versione ${r.versione}, in vigore dal ${r.inVigoreDal}${r.registro ? `, registro ${r.registro}` : ""}`);
  if (r.applica.length) console.log(`applica ${r.applica.join(", ")}${bases ? ` (basi: ${bases.map((b) => `${b.id} ${b.versione}`).join(", ")})` : ""}`);
  const conta = new Map<string, number>();
  for (const g of r.regole) conta.set(g.tipo, (conta.get(g.tipo) ?? 0) + 1);
  console.log(`${r.regole.length} regole (${[...conta].map(([t, n]) => `${n} ${t}`).join(", ")}), ${r.fasi.length} fasi, ${Object.keys(r.parametri).length} parametri, ${r.struttura.length} articoli`);
  // The names a question may use with it (procedimento.tabella.nome, parametri): engine/nomi.ts.
  if (r.tabelle?.length) console.log(`tabelle (procedimento.tabella.nome): ${r.tabelle.join(", ")}`);
  for (const par of Object.values(r.parametri)) {
    const valori = par.valori ? `valori ${par.valori.map((v) => JSON.stringify(v)).join(" | ")}` : par.elementi ? `elenco di ${par.elementi.slice(0, 6).join(", ")}${par.elementi.length > 6 ? ", …" : ""}` : "un numero";
    console.log(`parametro ${par.nome} = ${JSON.stringify(par.valore)} (predefinito; ${valori})${par.cita ? ` ${par.cita}` : ""}`);
  }
  const larg = Math.max(0, ...r.regole.map((g) => g.cita.length));
  for (const g of r.regole) console.log(`  ${g.cita.padEnd(larg)}  ${g.tipo.padEnd(10)} ${g.nome}  ${descrivi(g)}`);
  return 0;
}
