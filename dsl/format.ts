// The canonical layout: 2 spaces per level (articolo 0, comma 2, lettera 4, statements one level
// deeper than their unit, clauses one level deeper than their statement, each on its own line),
// one blank line before each articolo, comments kept where they were (own line, or end of line).
// Printed from the AST, so format(format(x)) == format(x) and compile(format(x)) == compile(x).
import type {
  AncoraAst, ArticoloAst, AstFile, CalendarioAst, Clausola, CommaAst, Cond, Contenuto, Dichiarazione, Espr, ImportoAst,
  LetteraAst, LimiteAst, MisuraAst, ParametroAst, ProceduraAst, RifAst, Span,
} from "./ast.ts";
import { haErrori, type Diagnostic } from "./diagnostica.ts";
import { parse } from "./parse.ts";

/** Beyond this width a parametro's note moves to its own line. */
const LARGHEZZA = 100;

interface Riga {
  rientro: number;
  testo: string;
  origine: number; // source line of its first token
  colonna: number; // source column of its first token
  /** Indentation of what sits inside it (a header's children); a leaf's own indentation. */
  figli: number;
  vuotaPrima?: boolean;
}

const euro = (n: { numero: { raw: string }; euroPrima: boolean }): string => (n.euroPrima ? `€ ${n.numero.raw}` : `${n.numero.raw} €`);

function espr(e: Espr): string {
  switch (e.t) {
    case "percorso":
      return e.segmenti.map((s) => s.testo).join(".");
    case "numero":
      if (e.unita === "€") return e.euroPrima ? `€ ${e.numero.raw}` : `${e.numero.raw} €`;
      return e.unita === "%" ? `${e.numero.raw}%` : e.numero.raw;
    case "stringa":
      return e.stringa.raw;
    case "data":
      return e.data.testo;
    case "letterale":
      return e.parola.testo;
    case "booleano":
      return e.valore ? "vero" : "falso";
    case "conteggio":
      return `quanti ${e.nome.testo} in ${espr(e.lista)} (${condizione(e.x)})${e.oltre ? ` oltre ${e.oltre.raw}` : ""}`;
  }
}

export function condizione(c: Cond): string {
  switch (c.t) {
    case "o":
      return c.parti.map(condizione).join(" o ");
    case "e":
      return c.parti.map(condizione).join(" e ");
    case "non":
      return `non ${condizione(c.x)}`;
    case "parentesi":
      return `(${condizione(c.x)})`;
    case "esiste":
      return `${c.negato ? "non " : ""}esiste ${espr(c.percorso)}`;
    case "confronto":
      return `${espr(c.a)} ${c.op} ${espr(c.b)}`;
    case "inLista":
      return `${espr(c.a)} ${c.negato ? "non in" : "in"} [${c.lista.map(espr).join(", ")}]`;
    case "inPercorso":
      return `${espr(c.a)} in ${espr(c.percorso)}`;
    case "vero":
      return espr(c.percorso);
    case "costante":
      return c.valore ? "vero" : "falso";
    case "quantificatore":
      return `${testaQuantificatore(c)}(${condizione(c.x)})`;
  }
}

const fonti = (fs: { azione: { testo: string }; se?: Cond }[]): string => fs.map((f) => (f.se ? `${f.azione.testo} se ${condizione(f.se)}` : f.azione.testo)).join(", ");

/** `ogni p in parti `: the quantifier as written (`almeno un`, `nessun` are kept), up to its parenthesis. */
const testaQuantificatore = (c: Cond & { t: "quantificatore" }): string =>
  c.voci ? `${c.parola} voce ${c.nome.testo} di ${espr(c.lista)} ` : `${c.parola} ${c.nome.testo} in ${espr(c.lista)} `;

const limite = (l: LimiteAst): string => `${l.quantita.raw} ${l.unitaRaw}${l.quantitaDa ? ` o ${espr(l.quantitaDa)}` : ""}`;

function ancora(a: AncoraAst): string {
  if (a.t === "termine") return `dalla scadenza di ${a.termine.testo}`;
  if (a.t === "fatto") return a.verso === "prima" ? `prima di ${espr(a.percorso)}` : `${a.parolaDa ?? "da"} ${espr(a.percorso)}`;
  const ev = a.campo ? `${a.evento.testo}.${a.campo.testo}` : a.evento.testo;
  return a.verso === "prima" ? `prima di ${ev}` : `${a.parolaDa ?? "da"} ${ev}`;
}

function misura(m: MisuraAst): string {
  switch (m.t) {
    case "frazione":
      return m.nome;
    case "percentuale":
      return `${m.numero.raw}%`;
    case "euro":
      return euro(m);
    case "voce":
      return m.voce.testo;
  }
}

function importo(i: ImportoAst | undefined): string {
  if (!i) return "";
  switch (i.t) {
    case "euro":
      return euro(i);
    case "percentuale":
      return `${i.numero.raw} % del valore`;
    case "da_determinare":
      return "da determinare";
  }
}

const rif = (r: RifAst): string => (r.di ? `${r.nome.testo} di ${r.di.testo}` : r.nome.testo);
const nomi = (ps: { testo: string }[]): string => ps.map((p) => p.testo).join(", ");

/**
 * A condition that may span lines: when its one-line form would pass LARGHEZZA, one line per operand
 * of its `o`/`e`, the connective leading each continuation line (one level deeper than the clause;
 * inside parentheses, just inside the parenthesis). `col`: the column where it starts; `cont`: the
 * indentation of its continuation lines.
 */
function condizioneLarga(c: Cond, col: number, cont: number): string {
  const riga = condizione(c);
  if (col + riga.length <= LARGHEZZA) return riga;
  switch (c.t) {
    case "o":
    case "e": {
      const [primo, ...resto] = c.parti;
      let out = condizioneLarga(primo!, col, cont + 2);
      for (const p of resto) out += `\n${" ".repeat(cont)}${c.t} ${condizioneLarga(p, cont + c.t.length + 1, cont + 2)}`;
      return out;
    }
    case "parentesi":
      return `(${condizioneLarga(c.x, col + 1, col + 1)})`;
    case "quantificatore": {
      const testa = testaQuantificatore(c);
      return `${testa}(${condizioneLarga(c.x, col + testa.length + 1, col + testa.length + 1)})`;
    }
    case "non":
      return `non ${condizioneLarga(c.x, col + 4, cont)}`;
    default:
      return riga;
  }
}

function condizioneACapo(parola: string, c: Cond, rientro: number): string {
  return `${parola} ${condizioneLarga(c, rientro + parola.length + 1, rientro + 2)}`;
}

/** One clause as one line; undefined for clauses printed in the statement's header. */
function clausola(c: Clausola, rientro: number): string | undefined {
  switch (c.k) {
    case "quando":
      return condizioneACapo("quando", c.cond, rientro);
    case "richiede":
      return condizioneACapo("richiede", c.cond, rientro);
    case "testo":
    case "nota":
    case "motivo":
      return `${c.k} ${c.testo.raw}`;
    case "deroga":
      return `deroga ${c.tipo.testo}${c.per ? ` per ${c.per.testo}` : ""}`;
    case "per":
      return `per ${c.bersagli.map((b) => (b.campo ? `${b.azione.testo}.${b.campo.testo}` : b.azione.testo)).join(", ")}`;
    case "da":
      return `da ${nomi(c.ruoli)}`;
    case "inFase":
      return `in fase ${nomi(c.fasi)}`;
    case "inMancanza":
      return `in mancanza ${c.effetto.testo}`;
    case "vieta":
      return "vieta";
    case "finestra": {
      const parti: string[] = [];
      if (c.nonPrimaDi) parti.push(`non prima di ${limite(c.nonPrimaDi)}`);
      if (c.entro) parti.push(`${c.formaEntro ?? "entro"} ${limite(c.entro)}`);
      const w = parti.join(" e ");
      return c.ancora ? `${w} ${ancora(c.ancora)}` : w;
    }
    case "salvoAccordo":
      return "salvo diverso accordo delle parti"; // the words of the law (art. 8 c. 1 D.Lgs. 28/2010)
    case "ciascunaParte":
      return "ciascuna parte";
    case "senzaSospensione":
      return "senza sospensione";
    case "senzaSanzione":
      return "senza sanzione";
    case "scadenza":
    case "voce":
    case "effetto":
      return `${c.k} ${c.nome.testo}`;
    case "finoA":
      if (c.soglia) return `fino a ${euro(c.soglia)}: ${importo(c.importo)}`;
      return c.misura ? `fino a ${misura(c.misura)}` : undefined;
    case "oltre":
      return `oltre${c.soglia ? ` ${euro(c.soglia)}` : ""}: ${importo(c.importo)}`;
    case "indeterminato":
      return `indeterminato${c.grado ? ` ${c.grado.testo}` : ""}: ${c.comeValore ? `come valore ${euro(c.comeValore)}` : importo(c.importo)}`;
    case "importo":
      return importo(c.importo);
    case "di":
      return `di ${misura(c.misura)}`;
    case "su":
      return `${c.totale ? "sul totale di" : "su"} ${nomi(c.voci)}`;
    case "scaglioni":
      return `scaglioni ${c.da}-${c.a}`;
    case "partiDi":
      return `parti di ${fonti(c.fonti)}${c.tranne ? ` tranne parti di ${fonti(c.tranne)}` : ""}`;
    case "documenti":
      return `documenti ${c.documenti.testo} visibili a ${nomi(c.visibiliA)}`;
    case "porta":
      return `porta a ${c.fase.testo}${c.quando ? ` quando ${condizione(c.quando)}` : ""}`;
    case "quantita":
      return c.invitate ? "per ciascuna parte invitata" : `quantita ${c.percorso ? espr(c.percorso) : c.conteggio ? espr(c.conteggio) : ""}`;
    case "tabella":
    case "iva":
      return undefined;
  }
}

class Stampante {
  righe: Riga[] = [];
  constructor(private readonly sorgente: string) {}

  private testo(s: Span): string {
    return this.sorgente.slice(s.offset, s.endOffset);
  }
  private riga(rientro: number, testo: string, span: Span, vuotaPrima = false): void {
    this.righe.push({ rientro, testo, origine: span.line, colonna: span.col, figli: rientro + 2, vuotaPrima });
  }
  /** A line with nothing inside it (a clause, a row, a header field). */
  private foglia(rientro: number, testo: string, span: Span, vuotaPrima = false): void {
    this.righe.push({ rientro, testo, origine: span.line, colonna: span.col, figli: rientro, vuotaPrima });
  }

  file(ast: AstFile): void {
    const h = ast.intestazione;
    if (h) {
      this.riga(0, `regolamento ${h.id ? this.testo(h.id.span) : ""} ${h.nome?.raw ?? '""'}`, h.span);
      if (h.registro) this.foglia(2, `registro ${this.testo(h.registro.span)}`, h.registro.span);
      if (h.versione && h.inVigoreDal)
        this.foglia(2, `versione ${this.testo(h.versione.span)} in vigore dal ${h.inVigoreDal.testo}`, h.versione.span);
      if (h.applica.length) this.foglia(2, `applica ${nomi(h.applica)}`, h.applica[0]!.span);
      for (const p of h.parametri) this.parametro(p, 2);
    }
    for (const e of ast.elementi) {
      if (e.n === "articolo") this.articolo(e);
      else if (e.n === "lettera") this.lettera(e, 0, true);
      else this.contenuto(e, 0, true);
    }
  }

  private articolo(a: ArticoloAst): void {
    const num = `${a.numero?.raw ?? ""}${a.suffisso ? ` ${a.suffisso}` : ""}`;
    this.riga(0, `articolo ${num}${a.titolo ? ` ${a.titolo.raw}` : ""}`, a.span, true);
    if (a.testo) this.foglia(2, `testo ${a.testo.raw}`, a.testo.span);
    for (const f of a.figli) {
      if (f.n === "comma") this.comma(f, 2);
      else if (f.n === "lettera") this.lettera(f, 2);
      else this.contenuto(f, 2);
    }
  }

  private comma(c: CommaAst, rientro: number): void {
    const num = `${c.numero?.raw ?? ""}${c.suffisso ? ` ${c.suffisso}` : ""}`;
    this.riga(rientro, `comma ${num}${c.testo ? ` ${c.testo.raw}` : ""}`, c.span);
    for (const f of c.figli) {
      if (f.n === "lettera") this.lettera(f, rientro + 2);
      else this.contenuto(f, rientro + 2);
    }
  }

  private lettera(l: LetteraAst, rientro: number, vuotaPrima = false): void {
    this.riga(rientro, `lettera ${l.lettera?.testo ?? ""}${l.testo ? ` ${l.testo.raw}` : ""}`, l.span, vuotaPrima);
    for (const f of l.figli) this.contenuto(f, rientro + 2);
  }

  private contenuto(c: Contenuto, rientro: number, vuotaPrima = false): void {
    switch (c.n) {
      case "dichiarazione":
        return this.dichiarazione(c, rientro, vuotaPrima);
      case "parametro":
        return this.parametro(c, rientro, vuotaPrima);
      case "calendario":
        return this.calendario(c, rientro, vuotaPrima);
      case "procedura":
        return this.procedura(c, rientro, vuotaPrima);
    }
  }

  private parametro(p: ParametroAst, rientro: number, vuotaPrima = false): void {
    const v = p.valore ? (p.valore.t === "lista" ? `[${p.valore.valori.map(espr).join(", ")}]` : espr(p.valore)) : "";
    const testa = `parametro ${p.nome?.testo ?? ""} = ${v}`;
    // a long note goes on its own line, one level deeper, as authors write it
    if (p.nota && testa.length + p.nota.raw.length + rientro > LARGHEZZA) {
      this.foglia(rientro, testa, p.span, vuotaPrima);
      this.foglia(rientro + 2, p.nota.raw, p.nota.span);
    } else this.foglia(rientro, `${testa}${p.nota ? ` ${p.nota.raw}` : ""}`, p.span, vuotaPrima);
  }

  private calendario(c: CalendarioAst, rientro: number, vuotaPrima: boolean): void {
    this.riga(rientro, "calendario", c.span, vuotaPrima);
    for (const v of c.voci) {
      const nome = v.nome ? ` ${v.nome.raw}` : "";
      if (v.t === "festivo") this.foglia(rientro + 2, `festivo ${v.data.testo}${nome}`, v.span);
      else this.foglia(rientro + 2, `chiusura dal ${v.dal.testo} al ${v.al.testo}${nome}`, v.span);
    }
  }

  private procedura(p: ProceduraAst, rientro: number, vuotaPrima: boolean): void {
    this.riga(rientro, "procedura", p.span, vuotaPrima);
    for (const f of p.fasi) this.foglia(rientro + 2, ["fase", f.nome.testo, ...f.marche].join(" "), f.span);
  }

  private dichiarazione(d: Dichiarazione, rientro: number, vuotaPrima: boolean): void {
    let testa = `${d.tipoRaw} ${d.nome?.testo ?? ""}`;
    if (d.sostituisce) testa += ` sostituisce ${rif(d.sostituisce)}`;
    if (d.a) testa += ` a ${rif(d.a)}`;
    for (const c of d.clausole) {
      if (c.k === "tabella") testa += ` tabella ${c.nome.testo}`;
      if (c.k === "iva") testa += ` iva ${c.numero.raw}%`;
    }
    this.riga(rientro, `${testa}:`, d.span, vuotaPrima);
    for (const c of d.clausole) {
      const t = clausola(c, rientro + 2);
      if (t !== undefined) this.foglia(rientro + 2, t, c.span);
    }
  }
}

/** Puts the comments back: at the end of the line they ended, or on their own line before the next one. */
function conCommenti(righe: Riga[], ast: AstFile, sorgente: string): string {
  const inizi = [0];
  for (let i = sorgente.indexOf("\n"); i >= 0; i = sorgente.indexOf("\n", i + 1)) inizi.push(i + 1);
  const inizioRiga = (line: number): number => inizi[line - 1] ?? sorgente.length;
  const finali = new Map<number, string[]>(); // index of the line → trailing comments
  // index of a line → own-line comments before it; `chiude` ones end the block above (they go
  // before the blank line that opens an articolo), the others introduce the line.
  const prima = new Map<number, { testo: string; rientro: number; chiude: boolean }[]>();
  const inCoda: { testo: string; rientro: number }[] = [];
  // An own-line comment indented deeper than the line after it belongs to the block before it: it
  // takes the level of that block nearest to where the author wrote it; otherwise it goes with the next line.
  const collocazione = (col: number, i: number): { rientro: number; chiude: boolean } => {
    const dopo = righe[i];
    const prec = righe[i - 1];
    const voluto = Math.floor((col - 1) / 2) * 2;
    if (!dopo) return { rientro: prec && col > 1 ? Math.min(prec.figli, voluto) : 0, chiude: true };
    if (prec && col > dopo.colonna) {
      const r = Math.min(prec.figli, Math.max(dopo.rientro, voluto));
      if (r > dopo.rientro) return { rientro: r, chiude: true };
    }
    return { rientro: dopo.rientro, chiude: false };
  };
  for (const c of ast.commenti) {
    const daInizio = sorgente.slice(inizioRiga(c.span.line), c.span.offset);
    const accodato = daInizio.trim().length > 0;
    if (accodato) {
      let idx = -1;
      for (let i = righe.length - 1; i >= 0; i--) if (righe[i]!.origine === c.span.line) { idx = i; break; }
      if (idx >= 0) {
        finali.set(idx, [...(finali.get(idx) ?? []), c.testo]);
        continue;
      }
    }
    const idx = righe.findIndex((r) => r.origine > c.span.line);
    if (idx < 0) inCoda.push({ testo: c.testo, rientro: collocazione(c.span.col, righe.length).rientro });
    else prima.set(idx, [...(prima.get(idx) ?? []), { testo: c.testo, ...collocazione(c.span.col, idx) }]);
  }
  const out: string[] = [];
  righe.forEach((r, i) => {
    const commenti = prima.get(i) ?? [];
    for (const c of commenti) if (c.chiude) out.push(" ".repeat(c.rientro) + c.testo.trimEnd());
    if (r.vuotaPrima && out.length > 0) out.push("");
    const pad = " ".repeat(r.rientro);
    for (const c of commenti) if (!c.chiude) out.push(" ".repeat(c.rientro) + c.testo.trimEnd());
    const fine = finali.get(i);
    out.push(pad + r.testo + (fine ? " " + fine.map((x) => x.trimEnd()).join(" ") : ""));
  });
  if (inCoda.length && out.length && inCoda[0]!.rientro === 0) out.push("");
  for (const c of inCoda) out.push(" ".repeat(c.rientro) + c.testo.trimEnd());
  return out.join("\n") + "\n";
}

export function format(source: string): { text?: string; diagnostics: Diagnostic[] } {
  const { ast, diagnostics } = parse(typeof source === "string" ? source : "");
  if (!ast || haErrori(diagnostics)) return { diagnostics };
  const s = new Stampante(source);
  s.file(ast);
  return { text: conCommenti(s.righe, ast, source), diagnostics };
}
