// The simulator's case: the form's state and the question (docs/contratto.md) built from it.
// Extra fields of an action are typed as `chiave: valore` pairs (JSON values or bare words).
import type { Azione, Domanda, Parte, Procedimento } from "../../engine/contract.ts";

export interface EventoForm {
  azione: string;
  data: string;
  parte: string; // "" when not a party's action
  campi: string; // `esito: prosecuzione, richiesta_proposta: true`
}

export interface CasoForm {
  data: string;
  materia: string;
  tipo: string; // "" → derived by the national rules
  valore: string; // "" → indeterminato
  parti: Parte[];
  eventi: EventoForm[];
  azione: EventoForm | undefined;
}

/** The contract's example: medical malpractice, one party asks for a proposal. */
export function casoEsempio(): CasoForm {
  return {
    data: "2026-04-01",
    materia: "responsabilita_medica",
    tipo: "",
    valore: "30000",
    parti: [
      { id: "A", ruolo: "istante", avvocato: true },
      { id: "B", ruolo: "invitata", avvocato: true },
    ],
    eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A", campi: "richiesta_proposta: true" }],
    azione: { azione: "richiesta_proposta", data: "2026-04-01", parte: "A", campi: "" },
  };
}

/** A mediator in training designated above the € 25.000 that Velletri allows (art. 5 c. 4). */
export function casoPraticante(): CasoForm {
  return {
    data: "2026-03-03",
    materia: "condominio",
    tipo: "",
    valore: "30000",
    parti: [
      { id: "A", ruolo: "istante" },
      { id: "B", ruolo: "invitata" },
    ],
    eventi: [{ azione: "deposito_domanda", data: "2026-03-02", parte: "A", campi: "" }],
    azione: { azione: "designazione_mediatore", data: "2026-03-03", parte: "", campi: 'mediatore: {"categoria": "praticante_abilitato"}' },
  };
}

export const CASI_ESEMPIO: { titolo: string; caso: () => CasoForm }[] = [
  { titolo: "Proposta chiesta da una sola parte (responsabilità medica)", caso: casoEsempio },
  { titolo: "Praticante designato oltre € 25.000", caso: casoPraticante },
];

function valoreCampo(s: string): unknown {
  const t = s.trim();
  if (t === "") return "";
  try {
    return JSON.parse(t);
  } catch {
    if (/^\[.*\]$/.test(t)) return t.slice(1, -1).split(",").map((x) => valoreCampo(x));
    return t;
  }
}

/** `a: 1, b: vero, c: [A, B]` → { a: 1, b: true, c: ["A","B"] }. Commas inside [] do not split. */
export function leggiCampi(testo: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pezzi: string[] = [];
  let prof = 0;
  let corrente = "";
  for (const c of testo) {
    if (c === "[" || c === "{") prof++;
    if (c === "]" || c === "}") prof--;
    if (c === "," && prof === 0) {
      pezzi.push(corrente);
      corrente = "";
    } else corrente += c;
  }
  pezzi.push(corrente);
  for (const p of pezzi) {
    const i = p.indexOf(":");
    if (i < 0) continue;
    const k = p.slice(0, i).trim();
    if (!k) continue;
    let v = valoreCampo(p.slice(i + 1));
    if (v === "vero") v = true;
    if (v === "falso") v = false;
    out[k] = v;
  }
  return out;
}

export function azioneDa(e: EventoForm): Azione {
  const a: Azione = { ...leggiCampi(e.campi), azione: e.azione };
  if (e.data) a.data = e.data;
  if (e.parte) a.parte = e.parte;
  return a;
}

export function domandaDa(c: CasoForm, valore?: number | null): Domanda {
  const procedimento: Procedimento = {
    materia: c.materia,
    valore: valore !== undefined ? valore : c.valore.trim() === "" ? null : Number(c.valore.replace(/\./g, "").replace(",", ".")),
    parti: c.parti,
    eventi: c.eventi.filter((e) => e.azione).map(azioneDa),
  };
  if (c.tipo) procedimento.tipo = c.tipo as Procedimento["tipo"];
  const d: Domanda = { data: c.data, procedimento };
  if (c.azione?.azione) d.azione = azioneDa(c.azione);
  return d;
}
