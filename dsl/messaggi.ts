// Syntax-error messages in Italian, written by hand for the mistakes authors make most
// (a missing ':' after a rule name, a keyword in capitals, '==' for '=').
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { PAROLE_CHIAVE } from "./tokens.ts";

function etichetta(t: TokenType): string {
  if (t === EOF) return "la fine del file";
  return t.LABEL ?? t.name;
}

export function descriviToken(t: IToken | undefined): string {
  if (!t || t.tokenType === EOF) return "la fine del file";
  const img = t.image.length > 40 ? t.image.slice(0, 37) + "…" : t.image;
  return `'${img.replace(/\n/g, " ")}'`;
}

/** Hints appended for recognisable slips. */
function suggerimento(actual: IToken | undefined, previous?: IToken): string {
  if (!actual || actual.tokenType === EOF) return "";
  const low = actual.image.toLowerCase();
  if (low !== actual.image && PAROLE_CHIAVE.has(low)) return ` (le parole chiave si scrivono in minuscolo: '${low}')`;
  if (actual.image === "=") return " (per confrontare si scrive un solo '=': 'materia = condominio')";
  if (previous?.image === "=" && (actual.image === ">" || actual.image === "<")) return ` (forse intendevi '${actual.image}='?)`;
  if (low === "euro" || low === "eur") return " (per gli euro scrivi '€': '25.000 €')";
  return "";
}

/** What a name-shaped token stands for, from where the parser wanted it. */
function nomeAtteso(ruleName: string, previous: IToken | undefined): string | undefined {
  const prec = previous?.image;
  switch (ruleName) {
    case "dichiarazione":
      return "il nome della regola (es. 'praticanti_fino_a_25000')";
    case "rif":
      return prec === "di" ? "la fonte della regola (es. 'dlgs-28-2010')" : "il nome della regola a cui si riferisce";
    case "ancora":
      return prec === "di" && previous?.tokenType.name === "K_di" ? "il nome dell'evento o del termine" : "l'evento da cui decorre il termine (es. 'deposito_domanda')";
    case "listaNomi":
      return "un nome (un ruolo, una fase, una voce)";
    case "percorso":
      if (prec === "o") return "il fatto che può dare la durata (es. 'formulazione_proposta.termine_giorni')";
      if (prec === "quantita" || prec === "quantità") return "il fatto che dà il numero (es. 'numero_invitate')";
      if (prec === "in") return "la lista di fatti (es. 'parti', 'azione.presenti')";
      return "il nome di un fatto dopo il '.'";
    case "quantificatore":
      return "il nome dell'elemento (es. 'ogni p in parti (p.avvocato)')";
    case "procedura":
      return "il nome della fase";
    case "clausola":
      if (prec === "per" || prec === ",") return "il nome di un'azione";
      if (prec === "mancanza") return "il nome dell'effetto";
      if (prec === "scadenza") return "il nome della scadenza";
      if (prec === "voce") return "il nome della voce";
      if (prec === "effetto") return "il nome dell'effetto";
      if (prec === "a") return "il nome della fase o del destinatario";
      if (prec === "quantita" || prec === "quantità") return "il fatto che dà il numero (es. 'numero_invitate')";
      if (prec === "parte") return "'invitata' ('per ciascuna parte invitata')";
      return undefined;
    default:
      return undefined;
  }
}

const NUMERO_DI: Record<string, string> = { articolo: "il numero dell'articolo", comma: "il numero del comma" };

function elenco(tipi: TokenType[]): string {
  const nomi = [...new Set(tipi.map(etichetta))];
  if (nomi.length <= 1) return nomi[0] ?? "altro";
  const mostrati = nomi.slice(0, 8);
  const resto = nomi.length > mostrati.length ? ", …" : "";
  return `uno tra ${mostrati.join(", ")}${resto}`;
}

const NOMI_REGOLE: Record<string, string> = {
  dichiarazione: "la regola",
  clausola: "la clausola",
  condizione: "la condizione",
  intestazione: "l'intestazione",
  finestra: "il termine",
  articolo: "l'articolo",
  comma: "il comma",
};

/** What a rule expects, said the way an author reads it. */
const ATTESI: Record<string, string> = {
  importo: "un importo (es. '40 €', '0,20 % del valore', 'da determinare')",
  euro: "un importo in euro (es. '25.000 €')",
  limite: "la durata del termine (es. '7 giorni', '5 giorni lavorativi', '3 mesi')",
  misura: "la misura (es. 'un terzo', 'la metà', '10%', '50 €', o una voce)",
  ancora: "da quando decorre il termine ('da <evento>', 'prima di <evento>.<campo>', 'da <fatto>', 'dalla scadenza di <termine>')",
  suffisso: "'bis', 'ter', 'quater' o 'quinquies'",
  esprDestra: "un valore (un nome, un numero, un testo, una data, 'vero' o 'falso')",
  esprSinistra: "un fatto, un numero, un testo o una data",
  negazione: "una condizione (es. 'materia = condominio', 'esiste adesione')",
  atomo: "una condizione (es. 'materia = condominio', 'esiste adesione')",
  confronto: "una condizione (es. 'materia = condominio', 'esiste adesione')",
  dichiarazione: "una regola: vincolo, termine, tariffa, riduzione, aumento, esenzione, insieme, effetto, visibilita, azione, eccezione, solidale o compenso",
  finestra: "la finestra del termine ('entro N giorni', 'non prima di N giorni', 'non oltre N giorni', 'non meno di N giorni')",
  quantificatore: "il nome dell'elemento (es. 'ogni p in parti (p.avvocato)', 'ogni voce r di azione.rappresentati (r.procura = notarile)')",
};

export const messaggiErrore: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (ruleName === "dichiarazione" && expected.name === "DuePunti")
      return `atteso ':' dopo il nome della regola${previous ? ` '${previous.image}'` : ""}, trovato ${descriviToken(actual)}${suggerimento(actual)}`;
    if (expected === EOF)
      return `non capisco ${descriviToken(actual)} qui: atteso un articolo, un comma, una lettera o una regola (vincolo, termine, tariffa, …)${suggerimento(actual, previous)}`;
    if (ruleName === "intestazione" && expected.name === "Stringa")
      return `atteso il nome dell'organismo tra virgolette dopo l'identificativo, trovato ${descriviToken(actual)}`;
    if (ruleName === "intestazione" && expected.name === "K_regolamento")
      return `il file deve cominciare con l'intestazione 'regolamento <id> "<nome>" versione … in vigore dal AAAA-MM-GG', trovato ${descriviToken(actual)}${suggerimento(actual)}`;
    const cosa =
      expected.name === "Nome" || expected.name === "Radice" || expected.name === "Identifier"
        ? nomeAtteso(ruleName, previous)
        : expected.name === "Numero"
          ? NUMERO_DI[ruleName]
          : undefined;
    return `atteso ${cosa ?? etichetta(expected)}, trovato ${descriviToken(actual)}${suggerimento(actual, previous)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `non capisco ${descriviToken(firstRedundant)} qui: atteso un articolo, un comma, una lettera o una regola (vincolo, termine, tariffa, …)${suggerimento(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const atteso = ATTESI[ruleName];
    if (ruleName === "clausola" && previous?.image === "per")
      return `atteso il nome di un'azione (o, in una tariffa, 'ciascuna parte invitata'), trovato ${descriviToken(actual[0])}${suggerimento(actual[0], previous)}`;
    if (atteso) return `atteso ${atteso}, trovato ${descriviToken(actual[0])}${suggerimento(actual[0], previous)}`;
    const primi = expectedPathsPerAlt.flatMap((alt: TokenType[][]) => alt.map((path: TokenType[]) => path[0]).filter((t): t is TokenType => !!t));
    const dove = NOMI_REGOLE[ruleName];
    const a = actual[0];
    return `atteso ${elenco(primi)}${dove ? ` (${dove})` : ""}, trovato ${descriviToken(a)}${suggerimento(a, previous)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const primi = expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => !!t);
    const a = actual[0];
    if (ruleName === "procedura") return `una procedura elenca almeno una 'fase', trovato ${descriviToken(a)}`;
    return `atteso almeno ${elenco(primi)}, trovato ${descriviToken(a)}${suggerimento(a)}`;
  },
};
