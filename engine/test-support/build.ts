// Hand-built IR for the engine's tests (independent of the DSL compiler).
import type {
  DefinizioneAzione, Eccezione, Effetto, Fase, Insieme, JsonLogic, Limite, Regolamento, Tariffa, Termine, Variazione,
  Vincolo, Visibilita, Ancora,
} from "../ir.ts";

export const v = (path: string): JsonLogic => ({ var: path });
export const eq = (path: string, x: JsonLogic): JsonLogic => ({ "==": [v(path), x] });
export const g = (n: number): Limite => ({ quantita: n, unita: "giorni" });
export const gl = (n: number): Limite => ({ quantita: n, unita: "giorni_lavorativi" });
export const mesi = (n: number): Limite => ({ quantita: n, unita: "mesi" });
export const eur = (e: number) => Math.round(e * 100);

export const FASI: Fase[] = [
  { nome: "domanda_depositata", iniziale: true, finale: false, cita: "art. 8 c. 1" },
  { nome: "primo_incontro_fissato", iniziale: false, finale: false, cita: "art. 8 c. 1" },
  { nome: "mediazione_in_corso", iniziale: false, finale: false, cita: "art. 8" },
  { nome: "proposta_formulata", iniziale: false, finale: false, cita: "art. 11" },
  { nome: "conclusa", iniziale: false, finale: true, cita: "art. 11" },
];

export function reg(over: Partial<Regolamento> & { id: string }): Regolamento {
  return {
    nome: over.id, versione: "1", inVigoreDal: "2024-01-01", applica: [], parametri: {},
    calendario: { festivi: [], chiusure: [] }, fasi: [], struttura: [], regole: [], ...over,
  };
}

type Base = { fonte?: string; cita?: string; quando?: JsonLogic; testo?: string };
const common = (nome: string, o: Base) => ({ nome, fonte: o.fonte ?? "test", cita: o.cita ?? "art. 1", ...(o.quando !== undefined ? { quando: o.quando } : {}), ...(o.testo ? { testo: o.testo } : {}) });

export function termine(nome: string, o: Base & Partial<Omit<Termine, "nome" | "tipo">> & { ancora: Ancora }): Termine {
  return { tipo: "termine", scadenza: nome, per: [], salvoAccordo: false, ciascunaParte: false, sospesoDaChiusure: true, ...o, ...common(nome, o) } as Termine;
}
export function vincolo(nome: string, o: Base & { azioni: string[]; richiede: JsonLogic; da?: Vincolo["da"]; inFase?: string[]; motivo?: string }): Vincolo {
  return { tipo: "vincolo", ...o, ...common(nome, o) } as Vincolo;
}
export function tariffa(nome: string, o: Base & Partial<Omit<Tariffa, "nome" | "tipo">> & { scaglioni: Tariffa["scaglioni"] }): Tariffa {
  return { tipo: "tariffa", voce: nome, ivaPercento: 22, ...o, ...common(nome, o) } as Tariffa;
}
export function variazione(nome: string, o: Base & Partial<Omit<Variazione, "nome" | "tipo">> & { misura: Variazione["misura"]; su: string[] }): Variazione {
  return { tipo: "variazione", voce: nome, segno: -1, finoA: false, base: "tabella", ...o, ...common(nome, o) } as Variazione;
}
export function azione(name: string, o: Base & { da?: DefinizioneAzione["da"]; inFase?: string[]; transizioni?: DefinizioneAzione["transizioni"] }): DefinizioneAzione {
  return { tipo: "azione", azione: name, transizioni: [], ...o, ...common(`azione_${name}`, o) } as DefinizioneAzione;
}
export function eccezione(nome: string, o: Base & { a: Eccezione["a"]; quando: JsonLogic; modifica?: Eccezione["modifica"] }): Eccezione {
  return { tipo: "eccezione", ...o, ...common(nome, o) } as Eccezione;
}
export function effetto(nome: string, o: Base & { perParte?: boolean; effetto?: string }): Effetto {
  return { tipo: "effetto", effetto: o.effetto ?? nome, perParte: o.perParte ?? false, ...common(nome, o) } as Effetto;
}
export function insieme(nome: string, o: Base & { da: Insieme["da"] }): Insieme {
  return { tipo: "insieme", da: o.da, ...common(nome, o) } as Insieme;
}
export function visibilita(nome: string, o: Base & { documenti: string; visibileA: Visibilita["visibileA"] }): Visibilita {
  return { tipo: "visibilita", documenti: o.documenti, visibileA: o.visibileA, ...common(nome, o) } as Visibilita;
}

/** A small national baseline, shaped like regolamenti/normativa (names of regolamenti/README.md). */
export function baseline(): Regolamento {
  const f = { fonte: "dlgs-28-2010" };
  return reg({
    id: "dlgs-28-2010", versione: "2025", inVigoreDal: "2025-01-25", fasi: FASI,
    parametri: {
      materie_obbligatorie: { nome: "materie_obbligatorie", valore: ["condominio", "responsabilita_medica", "locazione"], cita: "art. 5 c. 1" },
      proroga_termini_festivi: { nome: "proroga_termini_festivi", valore: true, cita: "art. 155 c.p.c." },
    },
    regole: [
      azione("deposito_domanda", { ...f, da: ["istante"], cita: "art. 4" }),
      azione("adesione", { ...f, da: ["invitata"], inFase: ["domanda_depositata", "primo_incontro_fissato"], cita: "art. 8" }),
      azione("fissazione_primo_incontro", { ...f, da: ["organismo"], cita: "art. 8 c. 1", transizioni: [{ fase: "primo_incontro_fissato" }] }),
      azione("primo_incontro", { ...f, da: ["organismo"], inFase: ["primo_incontro_fissato", "domanda_depositata"], cita: "art. 8", transizioni: [
        { fase: "mediazione_in_corso", quando: eq("azione.esito", "prosecuzione") }, { fase: "conclusa" }] }),
      azione("formulazione_proposta", { ...f, da: ["mediatore"], cita: "art. 11 c. 1", transizioni: [{ fase: "proposta_formulata" }] }),
      azione("risposta_proposta", { ...f, da: ["istante", "invitata"], inFase: ["proposta_formulata"], cita: "art. 11 c. 2" }),
      azione("verbale", { ...f, da: ["mediatore"], cita: "art. 11 c. 3", transizioni: [{ fase: "conclusa" }] }),
      termine("primo_incontro", { ...f, cita: "art. 8 c. 1", ancora: { evento: "deposito_domanda", verso: "da" }, nonPrimaDi: g(20), entro: g(40),
        per: [{ azione: "fissazione_primo_incontro", campo: "data_incontro" }, { azione: "primo_incontro" }], salvoAccordo: true }),
      insieme("richiedenti_proposta", { ...f, cita: "art. 11 c. 1", da: [{ azione: "richiesta_proposta" },
        { azione: "deposito_domanda", quando: v("evento.richiesta_proposta") }, { azione: "adesione", quando: v("evento.richiesta_proposta") }] }),
      vincolo("proposta_su_richiesta_congiunta", { ...f, cita: "art. 11 c. 1", azioni: ["formulazione_proposta"], quando: { "!": v("azione.d_ufficio") },
        richiede: v("richiedenti_proposta.tutte"), motivo: "la proposta è dovuta solo su richiesta di tutte le parti" }),
      termine("risposta_proposta", { ...f, cita: "art. 11 c. 2", ancora: { evento: "formulazione_proposta", verso: "da" }, entro: g(7),
        per: [{ azione: "risposta_proposta" }], ciascunaParte: true, inMancanza: "proposta_rifiutata" }),
      termine("durata_procedimento", { ...f, cita: "art. 6 c. 1", ancora: { evento: "deposito_domanda", verso: "da" }, entro: mesi(6),
        per: [{ azione: "verbale" }], sospesoDaChiusure: false }),
      effetto("tentativo_fallito", { ...f, cita: "art. 5 c. 4", quando: eq("primo_incontro.esito", "mancato_accordo") }),
    ],
  });
}

/** A D.M. 150/2023-like fee baseline. */
export function tariffeBase(): Regolamento {
  const f = { fonte: "dm-150-2023" };
  const obbl: JsonLogic = { in: [v("tipo"), ["obbligatoria", "demandata"]] };
  const dovuto: JsonLogic = { or: [eq("parte.ruolo", "istante"), v("parte.aderito")] };
  return reg({
    id: "dm-150-2023", versione: "2023", inVigoreDal: "2023-11-15",
    regole: [
      tariffa("spese_avvio", { ...f, cita: "art. 28 c. 4", quando: dovuto, scaglioni: [{ fino: eur(1000), importo: { tipo: "fisso", centesimi: eur(40) } },
        { fino: eur(50000), importo: { tipo: "fisso", centesimi: eur(75) } }, { importo: { tipo: "fisso", centesimi: eur(110) } }],
        indeterminato: { tipo: "fisso", centesimi: eur(110) } }),
      tariffa("spese_mediazione_primo_incontro", { ...f, cita: "art. 28 c. 5", quando: dovuto, scaglioni: [{ fino: eur(1000), importo: { tipo: "fisso", centesimi: eur(60) } },
        { fino: eur(50000), importo: { tipo: "fisso", centesimi: eur(120) } }, { importo: { tipo: "fisso", centesimi: eur(170) } }] }),
      variazione("riduzione_materia_obbligatoria", { ...f, cita: "art. 28 c. 8", quando: obbl, misura: { tipo: "frazione", num: 1, den: 5 },
        su: ["spese_avvio", "spese_mediazione_primo_incontro"] }),
    ],
  });
}
