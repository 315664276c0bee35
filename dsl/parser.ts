// The grammar of dsl/SPEC.md as a Chevrotain embedded-actions parser that builds the typed AST
// directly (no CST pass). One instance, reused for every parse (Chevrotain's performance guidance).
// Error recovery is on: a rule that fails returns undefined and the builders below drop what is
// missing, so an author with three mistakes sees three diagnostics in one pass.
// Chevrotain first runs every rule once in a "recording phase" with dummy tokens to learn the
// grammar: node building is skipped then (`this.RECORDING_PHASE`), instead of wrapping it in
// ACTION closures, which would cost one allocation per call on the hot path.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IOrAlt, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.ts";
import { K } from "./tokens.ts";
import { messaggiErrore } from "./messaggi.ts";
import { numeroItaliano } from "./numeri.ts";
import { FATTI } from "../engine/vocabolario.ts";
import type * as A from "./ast.ts";

export interface ErroreCostruzione {
  message: string;
  span: A.Span;
}

const TIPI_DICH: [TokenType, A.TipoDichiarazione][] = [
  [K.vincolo, "vincolo"], [K.termine, "termine"], [K.tariffa, "tariffa"], [K.riduzione, "riduzione"],
  [K.aumento, "aumento"], [K.esenzione, "esenzione"], [K.insieme, "insieme"], [K.effetto, "effetto"],
  [K.visibilita, "visibilita"], [K.azione, "azione"], [K.eccezione, "eccezione"], [K.solidale, "solidale"],
  [K.compenso, "compenso"],
];

/** Roots of an anchor that are procedure facts (`da termine_deposito_giudice`), not actions. */
const FATTI_ANCORA: ReadonlySet<string> = new Set(FATTI);

function unquote(raw: string): string {
  return raw.slice(1, -1).replace(/\\(["\\])/g, "$1");
}

function valido(t: IToken | undefined): t is IToken {
  return t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset) && t.tokenType !== EOF;
}

export function spanTok(a: IToken, b: IToken = a): A.Span {
  return {
    line: a.startLine ?? 1,
    col: a.startColumn ?? 1,
    endLine: b.endLine ?? b.startLine ?? 1,
    endCol: (b.endColumn ?? b.startColumn ?? 0) + 1,
    offset: a.startOffset,
    endOffset: (b.endOffset ?? b.startOffset) + 1,
  };
}

export function unisci(a: A.Span, b: A.Span): A.Span {
  return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol, offset: a.offset, endOffset: b.endOffset };
}

function parola(t: IToken): A.Parola {
  const p: A.Parola = { testo: t.image, span: spanTok(t) };
  if (t.tokenType !== T.Identifier && T.PAROLE_CHIAVE.has(t.image)) p.chiave = true;
  return p;
}

function numero(t: IToken): A.NumeroAst {
  return { valore: numeroItaliano(t.image), raw: t.image, span: spanTok(t) };
}

function stringa(t: IToken): A.StringaAst {
  return { valore: unquote(t.image), raw: t.image, span: spanTok(t) };
}

const FRAZIONI: Record<string, A.FrazioneNome> = {
  "un terzo": "un terzo", "un quarto": "un quarto", "un quinto": "un quinto", "un sesto": "un sesto",
  "un decimo": "un decimo", "la metà": "la metà", "la meta": "la metà", "due terzi": "due terzi",
  "tre quarti": "tre quarti", "per intero": "per intero",
};

/** How far ahead recovery looks for a token where parsing may resume. */
const RESYNC_ORIZZONTE = 200;

/** Syntax errors reported before the parser gives up on a file. */
export const MASSIMO_ERRORI = 100;

/** Thrown to stop a parse that has already found MASSIMO_ERRORI errors. */
export class TroppiErrori extends Error {
  constructor() {
    super("troppi errori di sintassi");
  }
}

class ParserRegolamento extends EmbeddedActionsParser {
  /** Problems found while building nodes (e.g. a keyword used as a rule name); reset per parse. */
  costruzione: ErroreCostruzione[] = [];

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 4, errorMessageProvider: messaggiErrore });
    this.performSelfAnalysis();
    // Recovery re-syncs recursively, one level per error, and grows worse than linearly with the
    // number of errors: past MASSIMO_ERRORI the parse stops (parse() reports what was found).
    const interno = this as unknown as {
      SAVE_ERROR(e: unknown): unknown;
      findReSyncTokenType(): TokenType;
      flattenFollowSet(): TokenType[];
    };
    const salva = interno.SAVE_ERROR.bind(this);
    interno.SAVE_ERROR = (e: unknown) => {
      const r = salva(e);
      if (this.errors.length >= MASSIMO_ERRORI) throw new TroppiErrori();
      return r;
    };
    // Chevrotain looks for the next token where parsing may resume by scanning ahead without limit;
    // at the top level only the end of file follows, so every error there scanned the whole rest of
    // the file. Looking RESYNC_ORIZZONTE tokens ahead is enough: past that, resume at the end
    // (the repetition's own lookahead still resumes at the next article or rule on the way).
    interno.findReSyncTokenType = () => {
      const seguiti = interno.flattenFollowSet();
      for (let k = 1; k <= RESYNC_ORIZZONTE; k++) {
        const t = this.LA(k);
        if (t.tokenType === EOF) return EOF;
        for (const f of seguiti) if (tokenMatcher(t, f)) return f;
      }
      return EOF;
    };
  }

  private inizio(): IToken {
    return this.LA(1);
  }
  /** The range from `da` to the last token consumed. */
  private finoA(da: IToken): A.Span {
    const fine = this.LA(0);
    if (!valido(da)) return spanTok(valido(fine) ? fine : this.LA(1));
    return spanTok(da, valido(fine) && fine.startOffset >= da.startOffset ? fine : da);
  }
  private errore(message: string, span: A.Span): void {
    (this.RECORDING_PHASE ? undefined : this.costruzione.push({ message, span }));
  }

  // Alternatives of the hottest rules, built once (Chevrotain performance guide: cache OR arrays).
  private alt_clausola?: IOrAlt<A.Clausola | undefined>[];
  private alt_atomo?: IOrAlt<A.Cond | undefined>[];
  private alt_negazione?: IOrAlt<A.Cond | undefined>[];
  private alt_numeroEspr?: IOrAlt<A.Espr | undefined>[];
  private alt_esprSinistra?: IOrAlt<A.Espr | undefined>[];
  private alt_esprDestra?: IOrAlt<A.Espr | undefined>[];
  private alt_contenuto?: IOrAlt<A.Contenuto | undefined>[];

  // ---- file ------------------------------------------------------------------------------------
  public file = this.RULE("file", (): A.AstFile => {
    const elementi: A.ElementoFile[] = [];
    const intestazione = this.SUBRULE(this.intestazione);
    this.MANY(() => {
      const e = this.OR([
        { ALT: () => this.SUBRULE(this.articolo) as A.ElementoFile | undefined },
        { ALT: () => this.SUBRULE(this.lettera) },
        { ALT: () => this.SUBRULE(this.contenuto) },
      ]);
      if (e) elementi.push(e);
    });
    return { intestazione, elementi, commenti: [] };
  });

  private intestazione = this.RULE("intestazione", (): A.Intestazione => {
    const t0 = this.CONSUME(K.regolamento);
    let id: A.Parola | undefined;
    this.OR([
      { ALT: () => { const t = this.CONSUME(T.IdFonte); id = (this.RECORDING_PHASE ? undefined : parola(t)); } },
      { ALT: () => { const t = this.CONSUME(T.Numero); id = (this.RECORDING_PHASE ? undefined : parola(t)); } },
      { ALT: () => { const t = this.CONSUME(T.Nome); id = (this.RECORDING_PHASE ? undefined : parola(t)); } },
    ]);
    const n = this.CONSUME(T.Stringa);
    let registro: A.Parola | undefined;
    this.OPTION(() => {
      this.CONSUME(K.registro);
      this.OR2([
        { ALT: () => { const t = this.CONSUME2(T.Numero); registro = (this.RECORDING_PHASE ? undefined : parola(t)); } },
        { ALT: () => { const t = this.CONSUME2(T.Stringa); registro = (this.RECORDING_PHASE ? undefined : ({ testo: unquote(t.image), span: spanTok(t) })); } },
      ]);
    });
    this.CONSUME(K.versione);
    let versione: A.Parola | undefined;
    this.OR3([
      { ALT: () => { const t = this.CONSUME3(T.Stringa); versione = (this.RECORDING_PHASE ? undefined : ({ testo: unquote(t.image), span: spanTok(t) })); } },
      {
        ALT: () => {
          const a = this.CONSUME3(T.Numero);
          let b = a;
          this.MANY(() => {
            this.CONSUME(T.Punto);
            b = this.CONSUME4(T.Numero);
          });
          versione = (this.RECORDING_PHASE ? undefined : (() => {
            const s = spanTok(a, b);
            return { testo: this.testoTra(a, b), span: s };
          })());
        },
      },
    ]);
    this.CONSUME(K.in);
    this.CONSUME(K.vigore);
    this.CONSUME(K.dal);
    const d = this.CONSUME(T.Data);
    const applica: A.Parola[] = [];
    this.OPTION2(() => {
      this.CONSUME(K.applica);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Virgola,
        DEF: () => {
          const t = this.OR4([{ ALT: () => this.CONSUME2(T.IdFonte) }, { ALT: () => this.CONSUME(T.Identifier) }]);
          (this.RECORDING_PHASE ? undefined : valido(t) && applica.push(parola(t)));
        },
      });
    });
    const parametri: A.ParametroAst[] = [];
    this.MANY2(() => {
      const p = this.SUBRULE(this.parametro);
      if (p) parametri.push(p);
    });
    return (this.RECORDING_PHASE ? undefined : ({
      id,
      nome: valido(n) ? stringa(n) : undefined,
      registro,
      versione,
      inVigoreDal: valido(d) ? parola(d) : undefined,
      applica,
      parametri,
      span: this.finoA(t0),
    }))!;
  });

  /** The source text between two tokens (a version written `2024.1` is three tokens). */
  private testoTra(a: IToken, b: IToken): string {
    return this.sorgente.slice(a.startOffset, (b.endOffset ?? b.startOffset) + 1);
  }
  sorgente = "";

  private parametro = this.RULE("parametro", (): A.ParametroAst => {
    const t0 = this.CONSUME(K.parametro);
    const nome = this.CONSUME(T.Nome);
    this.CONSUME(T.Uguale);
    const valore = this.OR([
      { ALT: () => this.SUBRULE(this.lista) as A.ParametroAst["valore"] },
      { ALT: () => this.SUBRULE(this.esprDestra) },
    ]);
    let nota: A.StringaAst | undefined;
    this.OPTION(() => {
      const s = this.CONSUME(T.Stringa);
      nota = (this.RECORDING_PHASE ? undefined : stringa(s));
    });
    return (this.RECORDING_PHASE ? undefined : ({
      n: "parametro" as const,
      nome: valido(nome) ? parola(nome) : undefined,
      valore,
      nota,
      span: this.finoA(t0),
    }))!;
  });

  private lista = this.RULE("lista", (): { t: "lista"; valori: A.Espr[]; span: A.Span } => {
    const t0 = this.CONSUME(T.QuadraAperta);
    const valori: A.Espr[] = [];
    this.MANY_SEP({
      SEP: T.Virgola,
      DEF: () => {
        const v = this.SUBRULE(this.esprDestra);
        if (v) valori.push(v);
      },
    });
    this.CONSUME(T.QuadraChiusa);
    return (this.RECORDING_PHASE ? undefined : ({ t: "lista" as const, valori, span: this.finoA(t0) }))!;
  });

  private contenuto = this.RULE("contenuto", (): A.Contenuto | undefined => {
    return this.OR((this.alt_contenuto ??= [
      { ALT: () => this.SUBRULE(this.dichiarazione) as A.Contenuto | undefined },
      { ALT: () => this.SUBRULE(this.parametro) },
      { ALT: () => this.SUBRULE(this.calendario) },
      { ALT: () => this.SUBRULE(this.procedura) },
    ]));
  });

  private calendario = this.RULE("calendario", (): A.CalendarioAst => {
    const t0 = this.CONSUME(K.calendario);
    const voci: A.CalendarioAst["voci"] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const f = this.CONSUME(K.festivo);
            const d = this.OR2([{ ALT: () => this.CONSUME(T.GiornoMese) }, { ALT: () => this.CONSUME(T.Data) }]);
            let nome: A.StringaAst | undefined;
            this.OPTION(() => {
              const s = this.CONSUME(T.Stringa);
              nome = (this.RECORDING_PHASE ? undefined : stringa(s));
            });
            (this.RECORDING_PHASE ? undefined : valido(d) && voci.push({ t: "festivo", data: parola(d), nome, span: this.finoA(f) }));
          },
        },
        {
          ALT: () => {
            const c = this.CONSUME(K.chiusura);
            this.CONSUME(K.dal);
            const dal = this.CONSUME2(T.Data);
            this.CONSUME(K.al);
            const al = this.CONSUME3(T.Data);
            let nome: A.StringaAst | undefined;
            this.OPTION2(() => {
              const s = this.CONSUME2(T.Stringa);
              nome = (this.RECORDING_PHASE ? undefined : stringa(s));
            });
            this.ACTION(
              () => valido(dal) && valido(al) && voci.push({ t: "chiusura", dal: parola(dal), al: parola(al), nome, span: this.finoA(c) }),
            );
          },
        },
      ]);
    });
    return (this.RECORDING_PHASE ? undefined : ({ n: "calendario" as const, voci, span: this.finoA(t0) }))!;
  });

  private procedura = this.RULE("procedura", (): A.ProceduraAst => {
    const t0 = this.CONSUME(K.procedura);
    const fasi: A.ProceduraAst["fasi"] = [];
    this.AT_LEAST_ONE(() => {
      const f = this.CONSUME(K.fase);
      const nome = this.CONSUME(T.Nome);
      const marche: string[] = [];
      this.MANY(() => {
        const m = this.OR([{ ALT: () => this.CONSUME(K.iniziale) }, { ALT: () => this.CONSUME(K.finale) }]);
        marche.push(m.image);
      });
      this.ACTION(
        () =>
          valido(nome) &&
          fasi.push({ nome: parola(nome), iniziale: marche.includes("iniziale"), finale: marche.includes("finale"), marche, span: this.finoA(f) }),
      );
    });
    return (this.RECORDING_PHASE ? undefined : ({ n: "procedura" as const, fasi, span: this.finoA(t0) }))!;
  });

  // ---- structure ---------------------------------------------------------------------------------
  private suffisso = this.RULE("suffisso", (): string => {
    this.OPTION(() => this.CONSUME(T.Meno));
    const t = this.OR([
      { ALT: () => this.CONSUME(K.bis) },
      { ALT: () => this.CONSUME(K.ter) },
      { ALT: () => this.CONSUME(K.quater) },
      { ALT: () => this.CONSUME(K.quinquies) },
    ]);
    return t.image;
  });

  private articolo = this.RULE("articolo", (): A.ArticoloAst => {
    const t0 = this.CONSUME(K.articolo);
    const n = this.CONSUME(T.Numero);
    let suffisso: string | undefined;
    this.OPTION(() => { suffisso = this.SUBRULE(this.suffisso); });
    let titolo: A.StringaAst | undefined;
    let testo: A.StringaAst | undefined;
    this.OPTION2(() => {
      const s = this.CONSUME(T.Stringa);
      titolo = (this.RECORDING_PHASE ? undefined : stringa(s));
    });
    this.OPTION3(() => {
      this.CONSUME(K.testo);
      const s = this.CONSUME2(T.Stringa);
      testo = (this.RECORDING_PHASE ? undefined : stringa(s));
    });
    const figli: A.ArticoloAst["figli"] = [];
    this.MANY(() => {
      const f = this.OR([
        { ALT: () => this.SUBRULE(this.comma) as A.ArticoloAst["figli"][number] | undefined },
        { ALT: () => this.SUBRULE(this.lettera) },
        { ALT: () => this.SUBRULE(this.contenuto) },
      ]);
      if (f) figli.push(f);
    });
    return (this.RECORDING_PHASE ? undefined : ({
      n: "articolo" as const,
      numero: valido(n) ? numero(n) : undefined,
      suffisso: suffisso || undefined,
      titolo,
      testo,
      figli,
      span: this.finoA(t0),
    }))!;
  });

  private comma = this.RULE("comma", (): A.CommaAst => {
    const t0 = this.CONSUME(K.comma);
    const n = this.CONSUME(T.Numero);
    let suffisso: string | undefined;
    this.OPTION(() => { suffisso = this.SUBRULE(this.suffisso); });
    let testo: A.StringaAst | undefined;
    this.OPTION2(() => {
      const s = this.CONSUME(T.Stringa);
      testo = (this.RECORDING_PHASE ? undefined : stringa(s));
    });
    const figli: A.CommaAst["figli"] = [];
    this.MANY(() => {
      const f = this.OR([
        { ALT: () => this.SUBRULE(this.lettera) as A.CommaAst["figli"][number] | undefined },
        { ALT: () => this.SUBRULE(this.contenuto) },
      ]);
      if (f) figli.push(f);
    });
    return (this.RECORDING_PHASE ? undefined : ({
      n: "comma" as const,
      numero: valido(n) ? numero(n) : undefined,
      suffisso: suffisso || undefined,
      testo,
      figli,
      span: this.finoA(t0),
    }))!;
  });

  private lettera = this.RULE("lettera", (): A.LetteraAst => {
    const t0 = this.CONSUME(K.lettera);
    const l = this.OR([{ ALT: () => this.CONSUME(T.Nome) }, { ALT: () => this.CONSUME(T.Numero) }]);
    this.OPTION(() => this.CONSUME(T.ParentesiChiusa)); // `lettera a)` as the texts write it
    let testo: A.StringaAst | undefined;
    this.OPTION2(() => {
      const s = this.CONSUME(T.Stringa);
      testo = (this.RECORDING_PHASE ? undefined : stringa(s));
    });
    const figli: A.Contenuto[] = [];
    this.MANY(() => {
      const f = this.SUBRULE(this.contenuto);
      if (f) figli.push(f);
    });
    return (this.RECORDING_PHASE ? undefined : ({
      n: "lettera" as const,
      lettera: valido(l) ? parola(l) : undefined,
      testo,
      figli,
      span: this.finoA(t0),
    }))!;
  });

  // ---- statements --------------------------------------------------------------------------------
  private dichiarazione = this.RULE("dichiarazione", (): A.Dichiarazione | undefined => {
    const t0 = this.OR(
      TIPI_DICH.map(([tok]) => ({ ALT: () => this.CONSUME(tok) })),
    );
    const nomeTok = this.CONSUME(T.Nome, { LABEL: "il nome della regola" });
    let sostituisce: A.RifAst | undefined;
    let a: A.RifAst | undefined;
    const clausole: A.Clausola[] = [];
    this.MANY(() => {
      this.OR2([
        { ALT: () => { this.CONSUME(K.sostituisce); sostituisce = this.SUBRULE(this.rif); } },
        { ALT: () => { this.CONSUME(K.a); a = this.SUBRULE2(this.rif); } },
        { ALT: () => { const c = this.SUBRULE(this.clausolaTabella); if (c) clausole.push(c); } },
        { ALT: () => { const c = this.SUBRULE(this.clausolaIva); if (c) clausole.push(c); } },
      ]);
    });
    this.CONSUME(T.DuePunti);
    this.MANY2({
      // `effetto NOME:` after a statement starts the next statement, not an `effetto` clause
      GATE: () => !(this.LA(1).tokenType === K.effetto && (this.LA(3).tokenType === T.DuePunti || this.LA(3).tokenType === K.sostituisce)),
      DEF: () => {
        const c = this.SUBRULE(this.clausola);
        if (c) clausole.push(c);
      },
    });
    if (this.RECORDING_PHASE) return undefined;
    const tipo = TIPI_DICH.find(([tok]) => tok === t0.tokenType || (tok === K.visibilita && t0.image === "visibilità"))?.[1];
    if (!tipo) return undefined;
    let nome: A.Parola | undefined;
    if (valido(nomeTok)) {
      nome = parola(nomeTok);
      if (nome.chiave)
        this.costruzione.push({
          message: `'${nome.testo}' è una parola chiave del linguaggio e non può essere il nome di una regola: scegli un altro nome (es. '${nome.testo}_${tipo}')`,
          span: nome.span,
        });
    }
    return { n: "dichiarazione" as const, tipo, tipoRaw: t0.image, nome, sostituisce, a, clausole, span: this.finoA(t0) };
  });

  private rif = this.RULE("rif", (): A.RifAst | undefined => {
    const n = this.CONSUME(T.Nome);
    let di: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(K.di);
      di = this.OR([{ ALT: () => this.CONSUME(T.IdFonte) }, { ALT: () => this.CONSUME2(T.Nome) }, { ALT: () => this.CONSUME(T.Numero) }]);
    });
    return (this.RECORDING_PHASE ? undefined : (valido(n) ? { nome: parola(n), di: valido(di) ? parola(di) : undefined, span: this.finoA(n) } : undefined));
  });

  private clausolaTabella = this.RULE("clausolaTabella", (): A.Clausola | undefined => {
    const t0 = this.CONSUME(K.tabella);
    const n = this.CONSUME(T.Nome);
    return (this.RECORDING_PHASE ? undefined : (valido(n) ? { k: "tabella" as const, nome: parola(n), span: this.finoA(t0) } : undefined));
  });

  private clausolaIva = this.RULE("clausolaIva", (): A.Clausola | undefined => {
    const t0 = this.CONSUME(K.iva);
    const n = this.CONSUME(T.Numero);
    this.CONSUME(T.Percento);
    return (this.RECORDING_PHASE ? undefined : (valido(n) ? { k: "iva" as const, numero: numero(n), span: this.finoA(t0) } : undefined));
  });

  private listaNomi = this.RULE("listaNomi", (): A.Parola[] => {
    const out: A.Parola[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Virgola,
      DEF: () => {
        const t = this.CONSUME(T.Radice);
        (this.RECORDING_PHASE ? undefined : valido(t) && out.push(parola(t)));
      },
    });
    return out;
  });

  private clausola = this.RULE("clausola", (): A.Clausola | undefined => {
    return this.OR((this.alt_clausola ??= [
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.quando);
          const cond = this.SUBRULE(this.condizione);
          return (this.RECORDING_PHASE ? undefined : (cond ? { k: "quando" as const, cond, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.testo);
          const s = this.CONSUME(T.Stringa);
          return (this.RECORDING_PHASE ? undefined : (valido(s) ? { k: "testo" as const, testo: stringa(s), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.nota);
          const s = this.CONSUME2(T.Stringa);
          return (this.RECORDING_PHASE ? undefined : (valido(s) ? { k: "nota" as const, testo: stringa(s), span: this.finoA(t0) } : undefined));
        },
      },
      {
        // `deroga nessuna|massimo|minimo|fisso|libera [per pubblici|privati]` (docs/linguaggio.md § Derogabilità)
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.deroga);
          const tipo = this.CONSUME8(T.Nome, { LABEL: "'nessuna', 'massimo', 'minimo', 'fisso' o 'libera'" });
          let per: IToken | undefined;
          // Only `per pubblici|privati`: a `per <azione>` on the next line is the rule's own clause.
          this.OPTION9({
            GATE: () => ["pubblici", "privati"].includes(this.LA(2).image),
            DEF: () => {
              this.CONSUME3(K.per);
              per = this.CONSUME9(T.Nome, { LABEL: "'pubblici' o 'privati'" });
            },
          });
          if (this.RECORDING_PHASE || !valido(tipo)) return undefined;
          return { k: "deroga" as const, tipo: parola(tipo), ...(valido(per) ? { per: parola(per) } : {}), span: this.finoA(t0) };
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.motivo);
          const s = this.CONSUME3(T.Stringa);
          return (this.RECORDING_PHASE ? undefined : (valido(s) ? { k: "motivo" as const, testo: stringa(s), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.per);
          return this.OR4([
            {
              // a tariffa's count: `per ciascuna parte invitata` ("per ciascuna parte convocata")
              ALT: () => {
                this.CONSUME2(K.ciascuna);
                this.CONSUME2(K.parte);
                const chi = this.CONSUME2(T.Identifier, { LABEL: "'invitata'" });
                if (this.RECORDING_PHASE) return undefined;
                if (!valido(chi)) return undefined;
                if (chi.image !== "invitata" && chi.image !== "invitate") {
                  this.costruzione.push({
                    message: `'per ciascuna parte ${chi.image}': si conta solo 'per ciascuna parte invitata' (il numero delle parti invitate); per altri conteggi scrivi 'quantita <fatto>'`,
                    span: spanTok(chi),
                  });
                  return undefined;
                }
                return { k: "quantita" as const, invitate: true, span: this.finoA(t0) };
              },
            },
            {
              ALT: () => {
                const bersagli: { azione: A.Parola; campo?: A.Parola }[] = [];
                this.AT_LEAST_ONE_SEP({
                  SEP: T.Virgola,
                  DEF: () => {
                    const a = this.CONSUME(T.Radice);
                    let c: IToken | undefined;
                    this.OPTION(() => {
                      this.CONSUME(T.Punto);
                      c = this.CONSUME2(T.Nome);
                    });
                    (this.RECORDING_PHASE ? undefined : valido(a) && bersagli.push({ azione: parola(a), campo: valido(c) ? parola(c) : undefined }));
                  },
                });
                return (this.RECORDING_PHASE ? undefined : ({ k: "per" as const, bersagli, span: this.finoA(t0) }));
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.da);
          const ruoli = this.SUBRULE(this.listaNomi) ?? [];
          return (this.RECORDING_PHASE ? undefined : ({ k: "da" as const, ruoli, span: this.finoA(t0) }));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.in);
          this.CONSUME(K.fase);
          const fasi = this.SUBRULE2(this.listaNomi) ?? [];
          return (this.RECORDING_PHASE ? undefined : ({ k: "inFase" as const, fasi, span: this.finoA(t0) }));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME2(K.in);
          this.CONSUME(K.mancanza);
          const e = this.CONSUME3(T.Nome);
          return (this.RECORDING_PHASE ? undefined : (valido(e) ? { k: "inMancanza" as const, effetto: parola(e), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.richiede);
          const cond = this.SUBRULE2(this.condizione);
          return (this.RECORDING_PHASE ? undefined : (cond ? { k: "richiede" as const, cond, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.vieta);
          return (this.RECORDING_PHASE ? undefined : ({ k: "vieta" as const, span: this.finoA(t0) }));
        },
      },
      { ALT: () => this.SUBRULE(this.finestra) },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.salvo);
          this.OPTION2(() => this.CONSUME(T.Identifier)); // "salvo diverso accordo delle parti"
          this.CONSUME(K.accordo);
          this.CONSUME(K.delle);
          this.CONSUME(K.parti);
          return (this.RECORDING_PHASE ? undefined : ({ k: "salvoAccordo" as const, span: this.finoA(t0) }));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.ciascuna);
          this.CONSUME(K.parte);
          return (this.RECORDING_PHASE ? undefined : ({ k: "ciascunaParte" as const, span: this.finoA(t0) }));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.senza);
          return this.OR5([
            {
              ALT: () => {
                this.CONSUME(K.sospensione);
                return (this.RECORDING_PHASE ? undefined : ({ k: "senzaSospensione" as const, span: this.finoA(t0) }));
              },
            },
            {
              // "senza sanzione": the term times its actions but denies none (an invitation, a term with
              // no consequence in the text); not a keyword, so `sanzione` stays a name elsewhere.
              ALT: () => {
                const w = this.CONSUME3(T.Identifier, { LABEL: "'sanzione'" });
                if (this.RECORDING_PHASE || !valido(w)) return undefined;
                if (w.image !== "sanzione") {
                  this.costruzione.push({ message: `'senza ${w.image}': dopo 'senza' si scrive 'sospensione' o 'sanzione'`, span: spanTok(w) });
                  return undefined;
                }
                return { k: "senzaSanzione" as const, span: this.finoA(t0) };
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.scadenza);
          const n = this.CONSUME4(T.Nome);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { k: "scadenza" as const, nome: parola(n), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.voce);
          const n = this.CONSUME5(T.Nome);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { k: "voce" as const, nome: parola(n), span: this.finoA(t0) } : undefined));
        },
      },
      {
        // `effetto NOME` as a clause (`effetto NOME :` starts a new statement: the gate on the loop
        // in `dichiarazione` keeps it out of here, and keeps this OR free of gates, hence fast)
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.effetto);
          const n = this.CONSUME6(T.Nome);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { k: "effetto" as const, nome: parola(n), span: this.finoA(t0) } : undefined));
        },
      },
      { ALT: () => this.SUBRULE(this.rigaFinoA) },
      { ALT: () => this.SUBRULE(this.rigaOltre) },
      { ALT: () => this.SUBRULE(this.rigaIndeterminato) },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const importo = this.SUBRULE(this.importo);
          return (this.RECORDING_PHASE ? undefined : (importo ? { k: "importo" as const, importo, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.di);
          const misura = this.SUBRULE(this.misura);
          return (this.RECORDING_PHASE ? undefined : (misura ? { k: "di" as const, misura, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          let totale = false;
          this.OR2([
            { ALT: () => { this.CONSUME(K.su); } },
            { ALT: () => { this.CONSUME(K.sul); this.CONSUME(K.totale); this.CONSUME2(K.di); totale = true; } },
          ]);
          const voci = this.SUBRULE3(this.listaNomi) ?? [];
          return (this.RECORDING_PHASE ? undefined : ({ k: "su" as const, voci, totale, span: this.finoA(t0) }));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.scaglioni);
          let da = NaN;
          let a = NaN;
          let raw = "";
          this.OR3([
            {
              ALT: () => {
                const x = this.CONSUME(T.Numero);
                this.CONSUME(T.Meno);
                const y = this.CONSUME2(T.Numero);
                if (!this.RECORDING_PHASE) { da = numeroItaliano(x.image); a = numeroItaliano(y.image); raw = `${x.image}-${y.image}`; }
              },
            },
            {
              ALT: () => {
                const x = this.CONSUME(T.GiornoMese);
                if (!this.RECORDING_PHASE) { const [p, q] = x.image.split("-"); da = Number(p); a = Number(q); raw = x.image; }
              },
            },
          ]);
          return (this.RECORDING_PHASE ? undefined : (Number.isFinite(da) && Number.isFinite(a) ? { k: "scaglioni" as const, da, a, raw, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME2(K.parti);
          this.CONSUME3(K.di);
          const fonti = this.SUBRULE(this.fontiParti);
          let tranne: { azione: A.Parola; se?: A.Cond }[] | undefined;
          this.OPTION7(() => {
            this.CONSUME(K.tranne);
            this.CONSUME4(K.parti);
            this.CONSUME4(K.di);
            tranne = this.SUBRULE2(this.fontiParti);
          });
          // A list the recovering parser skipped is undefined: the clause stays well formed, empty (the error is said).
          return (this.RECORDING_PHASE ? undefined : ({ k: "partiDi" as const, fonti: fonti ?? [], ...(tranne ? { tranne } : {}), span: this.finoA(t0) }));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.documenti);
          const d = this.CONSUME3(T.Radice);
          this.CONSUME(K.visibili);
          this.CONSUME(K.a);
          const chi = this.SUBRULE4(this.listaNomi) ?? [];
          return (this.RECORDING_PHASE ? undefined : (valido(d) ? { k: "documenti" as const, documenti: parola(d), visibiliA: chi, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.porta);
          this.CONSUME2(K.a);
          const f = this.CONSUME4(T.Radice);
          let quando: A.Cond | undefined;
          this.OPTION4(() => {
            this.CONSUME2(K.quando);
            quando = this.SUBRULE4(this.condizione);
          });
          return (this.RECORDING_PHASE ? undefined : (valido(f) ? { k: "porta" as const, fase: parola(f), quando, span: this.finoA(t0) } : undefined));
        },
      },
      { ALT: () => this.SUBRULE(this.clausolaTabella) },
      { ALT: () => this.SUBRULE(this.clausolaIva) },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.quantita);
          return this.OR7([
            {
              ALT: () => {
                const p = this.SUBRULE5(this.percorso);
                return (this.RECORDING_PHASE ? undefined : (p ? { k: "quantita" as const, invitate: false, percorso: p, span: this.finoA(t0) } : undefined));
              },
            },
            {
              ALT: () => {
                const c = this.SUBRULE(this.conteggio);
                return (this.RECORDING_PHASE ? undefined : (c ? { k: "quantita" as const, invitate: false, conteggio: c, span: this.finoA(t0) } : undefined));
              },
            },
          ]);
        },
      },
    ]));
  });

  // ---- terms ---------------------------------------------------------------------------------------
  private limite = this.RULE("limite", (): A.LimiteAst | undefined => {
    const t0 = this.inizio();
    const q = this.OR([{ ALT: () => this.CONSUME(T.Numero) }, { ALT: () => this.CONSUME(K.un) }, { ALT: () => this.CONSUME(K.una) }]);
    let unita: A.UnitaAst = "giorni";
    const raw: string[] = [];
    this.OR2([
      {
        ALT: () => {
          const g = this.OR3([{ ALT: () => this.CONSUME(K.giorni) }, { ALT: () => this.CONSUME(K.giorno) }]);
          raw.push(g.image);
          this.OPTION(() => {
            const l = this.OR4([{ ALT: () => this.CONSUME(K.lavorativi) }, { ALT: () => this.CONSUME(K.lavorativo) }]);
            raw.push(l.image);
            unita = "giorni lavorativi";
          });
        },
      },
      {
        ALT: () => {
          const m = this.OR5([{ ALT: () => this.CONSUME(K.mesi) }, { ALT: () => this.CONSUME(K.mese) }]);
          raw.push(m.image);
          unita = "mesi";
        },
      },
    ]);
    // `entro 7 giorni o formulazione_proposta.termine_giorni`: a fact may set the length
    let quantitaDa: (A.Espr & { t: "percorso" }) | undefined;
    this.OPTION2(() => {
      this.CONSUME(K.o);
      quantitaDa = this.SUBRULE(this.percorso);
    });
    if (this.RECORDING_PHASE) return undefined;
    if (!valido(q)) return undefined;
    const quantita: A.NumeroAst = q.tokenType === T.Numero ? numero(q) : { valore: 1, raw: q.image, span: spanTok(q) };
    return { quantita, unita, unitaRaw: raw.join(" "), ...(quantitaDa ? { quantitaDa } : {}), span: this.finoA(t0) };
  });

  private finestra = this.RULE("finestra", (): A.Clausola | undefined => {
    const t0 = this.inizio();
    let nonPrimaDi: A.LimiteAst | undefined;
    let entro: A.LimiteAst | undefined;
    let formaEntro: "entro" | "non oltre" | "non meno di" | undefined;
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.non);
          this.CONSUME(K.prima);
          this.CONSUME(K.di);
          nonPrimaDi = this.SUBRULE(this.limite);
          this.OPTION(() => {
            this.CONSUME(K.e);
            const f = this.SUBRULE(this.fineEntro);
            if (!this.RECORDING_PHASE) { entro = f?.limite; formaEntro = f?.forma; }
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME3(K.non);
          this.CONSUME(K.meno);
          this.CONSUME2(K.di);
          entro = this.SUBRULE3(this.limite);
          formaEntro = "non meno di";
        },
      },
      {
        ALT: () => {
          const f = this.SUBRULE2(this.fineEntro);
          if (!this.RECORDING_PHASE) { entro = f?.limite; formaEntro = f?.forma; }
        },
      },
    ]);
    let ancora: A.AncoraAst | undefined;
    this.OPTION2(() => { ancora = this.SUBRULE(this.ancora); });
    return (this.RECORDING_PHASE ? undefined : ({ k: "finestra" as const, nonPrimaDi, entro, formaEntro, ancora, span: this.finoA(t0) }));
  });

  private fineEntro = this.RULE("fineEntro", (): { forma: "entro" | "non oltre"; limite?: A.LimiteAst } => {
    let forma: "entro" | "non oltre" = "entro";
    this.OR([
      { ALT: () => { this.CONSUME(K.entro); forma = "entro"; } },
      { ALT: () => { this.CONSUME(K.non); this.CONSUME(K.oltre); forma = "non oltre"; } },
    ]);
    const limite = this.SUBRULE(this.limite);
    return { forma, limite };
  });

  private ancora = this.RULE("ancora", (): A.AncoraAst | undefined => {
    const t0 = this.inizio();
    return this.OR([
      {
        ALT: () => {
          const p = this.OR2([{ ALT: () => this.CONSUME(K.da) }, { ALT: () => this.CONSUME(K.dal) }]);
          const e = this.CONSUME(T.Radice);
          const resto: IToken[] = [];
          this.MANY(() => { this.CONSUME(T.Punto); resto.push(this.CONSUME(T.Nome)); });
          return (this.RECORDING_PHASE ? undefined : this.ancoraDi("da", p.image, t0, e, resto));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.prima);
          this.CONSUME(K.di);
          const e = this.CONSUME2(T.Radice);
          const resto: IToken[] = [];
          this.MANY2(() => { this.CONSUME2(T.Punto); resto.push(this.CONSUME2(T.Nome)); });
          return (this.RECORDING_PHASE ? undefined : this.ancoraDi("prima", undefined, t0, e, resto));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.dalla);
          this.CONSUME(K.scadenza);
          this.CONSUME2(K.di);
          const n = this.CONSUME3(T.Nome);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { t: "termine" as const, termine: parola(n), span: this.finoA(t0) } : undefined));
        },
      },
    ]);
  });

  /** An anchor's path: a procedure fact (root in FATTI) is a date fact, anything else an event[.campo]. */
  private ancoraDi(verso: "da" | "prima", parolaDa: string | undefined, t0: IToken, e: IToken, resto: IToken[]): A.AncoraAst | undefined {
    if (!valido(e)) return undefined;
    const altri = resto.filter(valido);
    const span = this.finoA(t0);
    const da = parolaDa !== undefined ? { parolaDa } : {};
    if (FATTI_ANCORA.has(e.image)) {
      const ultimo = altri[altri.length - 1] ?? e;
      const percorso = { t: "percorso" as const, segmenti: [e, ...altri].map(parola), span: spanTok(e, ultimo) };
      return { t: "fatto", verso, ...da, percorso, span };
    }
    const [c, ...troppi] = altri;
    if (troppi.length > 0)
      this.costruzione.push({
        message: `l'ancora di un termine è '<azione>' o '<azione>.<campo>' (un solo campo), oppure un fatto della procedura: '${[e, ...altri].map((x) => x.image).join(".")}' ha troppi campi`,
        span: spanTok(troppi[0]!, troppi[troppi.length - 1]),
      });
    return { t: "evento", verso, ...da, evento: parola(e), campo: c ? parola(c) : undefined, span };
  }

  // ---- fees ----------------------------------------------------------------------------------------
  private euro = this.RULE("euro", (): { numero: A.NumeroAst; euroPrima: boolean } | undefined => {
    return this.OR([
      {
        ALT: () => {
          const n = this.CONSUME(T.Numero);
          this.CONSUME(T.Euro);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { numero: numero(n), euroPrima: false } : undefined));
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Euro);
          const n = this.CONSUME2(T.Numero);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { numero: numero(n), euroPrima: true } : undefined));
        },
      },
    ]);
  });

  private importo = this.RULE("importo", (): A.ImportoAst | undefined => {
    const t0 = this.inizio();
    return this.OR([
      {
        ALT: () => {
          const e = this.SUBRULE(this.euro);
          return (this.RECORDING_PHASE ? undefined : (e ? { t: "euro" as const, ...e, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const n = this.CONSUME(T.Numero);
          this.CONSUME(T.Percento);
          this.CONSUME(K.del);
          this.CONSUME(K.valore);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { t: "percentuale" as const, numero: numero(n), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.DaDeterminare) },
            { ALT: () => { this.CONSUME(K.da); return this.CONSUME(K.determinare); } },
          ]);
          return (this.RECORDING_PHASE ? undefined : ({ t: "da_determinare" as const, span: this.finoA(t0) }));
        },
      },
    ]);
  });

  private misura = this.RULE("misura", (): A.MisuraAst | undefined => {
    const t0 = this.inizio();
    return this.OR([
      {
        ALT: () => {
          const parole: string[] = [];
          this.OR2([
            {
              ALT: () => {
                parole.push(this.OR3([{ ALT: () => this.CONSUME(K.un) }, { ALT: () => this.CONSUME(K.una) }]).image);
                parole.push(
                  this.OR4([
                    { ALT: () => this.CONSUME(K.terzo) }, { ALT: () => this.CONSUME(K.quarto) }, { ALT: () => this.CONSUME(K.quinto) },
                    { ALT: () => this.CONSUME(K.sesto) }, { ALT: () => this.CONSUME(K.decimo) },
                  ]).image,
                );
              },
            },
            { ALT: () => { parole.push(this.CONSUME(K.la).image, this.CONSUME(T.Meta).image); } },
            { ALT: () => { parole.push(this.CONSUME(K.due).image, this.CONSUME(K.terzi).image); } },
            { ALT: () => { parole.push(this.CONSUME(K.tre).image, this.CONSUME(K.quarti).image); } },
            { ALT: () => { parole.push(this.CONSUME(K.per).image, this.CONSUME(K.intero).image); } },
          ]);
          if (this.RECORDING_PHASE) return undefined;
          const nome = FRAZIONI[parole.join(" ").replace(/^una /, "un ")];
          return nome ? { t: "frazione" as const, nome, span: this.finoA(t0) } : undefined;
        },
      },
      {
        ALT: () => {
          const n = this.CONSUME(T.Numero);
          this.CONSUME(T.Percento);
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { t: "percentuale" as const, numero: numero(n), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const e = this.SUBRULE(this.euro);
          return (this.RECORDING_PHASE ? undefined : (e ? { t: "euro" as const, ...e, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const v = this.CONSUME(T.Identifier);
          return (this.RECORDING_PHASE ? undefined : (valido(v) ? { t: "voce" as const, voce: parola(v), span: this.finoA(t0) } : undefined));
        },
      },
    ]);
  });

  /** `fino a 1.000 €: 40 €` (a bracket) or `fino a un quarto` (a discretionary ceiling of a variation). */
  private rigaFinoA = this.RULE("rigaFinoA", (): A.Clausola | undefined => {
    const t0 = this.CONSUME(K.fino);
    this.CONSUME(K.a);
    const misura = this.SUBRULE(this.misura);
    let importo: A.ImportoAst | undefined;
    let riga = false;
    this.OPTION(() => {
      this.CONSUME(T.DuePunti);
      riga = true;
      importo = this.SUBRULE(this.importo);
    });
    if (this.RECORDING_PHASE) return undefined;
    if (!riga) return misura ? { k: "finoA" as const, misura, span: this.finoA(t0) } : undefined;
    if (misura?.t !== "euro") {
      this.costruzione.push({ message: "lo scaglione va scritto in euro: 'fino a 1.000 €: 40 €'", span: misura?.span ?? spanTok(t0) });
      return undefined;
    }
    return { k: "finoA" as const, soglia: { numero: misura.numero, euroPrima: misura.euroPrima }, importo, span: this.finoA(t0) };
  });

  private rigaOltre = this.RULE("rigaOltre", (): A.Clausola | undefined => {
    const t0 = this.CONSUME(K.oltre);
    let soglia: { numero: A.NumeroAst; euroPrima: boolean } | undefined;
    this.OPTION(() => { soglia = this.SUBRULE(this.euro); });
    this.CONSUME(T.DuePunti);
    const importo = this.SUBRULE(this.importo);
    return (this.RECORDING_PHASE ? undefined : ({ k: "oltre" as const, soglia, importo, span: this.finoA(t0) }));
  });

  /** `azione [se cond], …`: the sources of an `insieme` (and of its `tranne`). */
  private fontiParti = this.RULE("fontiParti", (): { azione: A.Parola; se?: A.Cond }[] => {
    const fonti: { azione: A.Parola; se?: A.Cond }[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Virgola,
      DEF: () => {
        const a = this.CONSUME(T.Radice);
        let se: A.Cond | undefined;
        this.OPTION(() => {
          this.CONSUME(K.se);
          se = this.SUBRULE(this.condizione);
        });
        (this.RECORDING_PHASE ? undefined : valido(a) && fonti.push({ azione: parola(a), se }));
      },
    });
    return fonti;
  });

  private rigaIndeterminato = this.RULE("rigaIndeterminato", (): A.Clausola | undefined => {
    const t0 = this.CONSUME(K.indeterminato);
    let grado: IToken | undefined;
    this.OPTION(() => { grado = this.CONSUME(T.Nome); });
    this.CONSUME(T.DuePunti);
    let importo: A.ImportoAst | undefined;
    let comeValore: { numero: A.NumeroAst; euroPrima: boolean } | undefined;
    this.OR([
      { ALT: () => { importo = this.SUBRULE(this.importo); } },
      { ALT: () => { this.CONSUME(K.come); this.CONSUME(K.valore); comeValore = this.SUBRULE(this.euro); } },
    ]);
    return (this.RECORDING_PHASE ? undefined : ({ k: "indeterminato" as const, ...(grado && valido(grado) ? { grado: parola(grado) } : {}), importo, comeValore, span: this.finoA(t0) }));
  });

  // ---- conditions ----------------------------------------------------------------------------------
  public condizione = this.RULE("condizione", (): A.Cond | undefined => {
    const t0 = this.inizio();
    const parti: A.Cond[] = [];
    const p = this.SUBRULE(this.congiunzione);
    if (p) parti.push(p);
    this.MANY(() => {
      this.CONSUME(K.o);
      const q = this.SUBRULE2(this.congiunzione);
      if (q) parti.push(q);
    });
    return (this.RECORDING_PHASE ? undefined : (parti.length <= 1 ? parti[0] : { t: "o" as const, parti, span: this.finoA(t0) }));
  });

  private congiunzione = this.RULE("congiunzione", (): A.Cond | undefined => {
    const t0 = this.inizio();
    const parti: A.Cond[] = [];
    const p = this.SUBRULE(this.negazione);
    if (p) parti.push(p);
    this.MANY(() => {
      this.CONSUME(K.e);
      const q = this.SUBRULE2(this.negazione);
      if (q) parti.push(q);
    });
    return (this.RECORDING_PHASE ? undefined : (parti.length <= 1 ? parti[0] : { t: "e" as const, parti, span: this.finoA(t0) }));
  });

  private negazione = this.RULE("negazione", (): A.Cond | undefined => {
    return this.OR((this.alt_negazione ??= [
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.non);
          const x = this.SUBRULE(this.negazione);
          if (this.RECORDING_PHASE) return undefined;
          if (!x) return undefined;
          // `non esiste p` is its own form (→ {"!": [{"var": p}]})
          if (x.t === "esiste" && !x.negato) return { ...x, negato: true, span: this.finoA(t0) };
          return { t: "non" as const, x, span: this.finoA(t0) };
        },
      },
      { ALT: () => this.SUBRULE(this.atomo) },
    ]));
  });

  private atomo = this.RULE("atomo", (): A.Cond | undefined => {
    return this.OR((this.alt_atomo ??= [
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(T.ParentesiAperta);
          const x = this.SUBRULE(this.condizione);
          this.CONSUME(T.ParentesiChiusa);
          return (this.RECORDING_PHASE ? undefined : (x ? { t: "parentesi" as const, x, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME(K.esiste);
          const p = this.SUBRULE(this.percorso);
          return (this.RECORDING_PHASE ? undefined : (p ? { t: "esiste" as const, percorso: p, negato: false, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const b = this.OR2([{ ALT: () => this.CONSUME(K.vero) }, { ALT: () => this.CONSUME(K.falso) }]);
          return (this.RECORDING_PHASE ? undefined : ({ t: "costante" as const, valore: b.image === "vero", span: this.finoA(t0) }));
        },
      },
      { ALT: () => this.SUBRULE(this.quantificatore) },
      { ALT: () => this.SUBRULE(this.confronto) },
    ]));
  });

  /** `ogni X in p (cond)`, `almeno una|un X in p (cond)`, `nessuna|nessun X in p (cond)`. */
  private quantificatore = this.RULE("quantificatore", (): A.Cond | undefined => {
    const t0 = this.LA(1);
    const parole: IToken[] = [];
    this.OR([
      { ALT: () => { parole.push(this.CONSUME(K.ogni)); } },
      {
        ALT: () => {
          parole.push(this.CONSUME(K.almeno));
          parole.push(this.OR2([{ ALT: () => this.CONSUME(K.una) }, { ALT: () => this.CONSUME(K.un) }]));
        },
      },
      { ALT: () => { parole.push(this.OR3([{ ALT: () => this.CONSUME(K.nessuna) }, { ALT: () => this.CONSUME(K.nessun) }])); } },
    ]);
    // `voce X di mappa` (the entries of a map) or `X in lista`
    let voci = false;
    let nome!: IToken;
    this.OR4([
      { ALT: () => { this.CONSUME(K.voce); nome = this.CONSUME2(T.Radice); this.CONSUME(K.di); voci = true; } },
      { ALT: () => { nome = this.CONSUME(T.Radice); this.CONSUME(K.in); } },
    ]);
    const lista = this.SUBRULE(this.percorso);
    this.CONSUME(T.ParentesiAperta);
    const x = this.SUBRULE(this.condizione);
    this.CONSUME(T.ParentesiChiusa);
    if (this.RECORDING_PHASE) return undefined;
    if (!valido(nome) || !lista || !x || !parole.every(valido)) return undefined;
    const primo = parole[0]!.image;
    const q = primo === "ogni" ? "all" : primo === "almeno" ? "some" : "none";
    return { t: "quantificatore" as const, q, parola: parole.map((p) => p.image).join(" "), nome: parola(nome), lista, x, ...(voci ? { voci } : {}), span: this.finoA(t0) };
  });

  /** `quanti X in lista (cond) [oltre N]`: a count (an action's name as the list: its events). */
  private conteggio = this.RULE("conteggio", (): (A.Espr & { t: "conteggio" }) | undefined => {
    const t0 = this.CONSUME(K.quanti);
    const nome = this.CONSUME(T.Radice);
    this.CONSUME(K.in);
    const lista = this.SUBRULE(this.percorso);
    this.CONSUME(T.ParentesiAperta);
    const x = this.SUBRULE(this.condizione);
    this.CONSUME(T.ParentesiChiusa);
    let oltre: IToken | undefined;
    this.OPTION({
      // `oltre N` after the count, not a bracket row `oltre N €: …` of the tariffa that follows
      GATE: () => this.LA(2).tokenType === T.Numero && this.LA(3).tokenType !== T.Euro && this.LA(3).tokenType !== T.DuePunti,
      DEF: () => { this.CONSUME(K.oltre); oltre = this.CONSUME(T.Numero); },
    });
    if (this.RECORDING_PHASE) return undefined;
    if (!valido(nome) || !lista || !x || (oltre && !valido(oltre))) return undefined;
    return { t: "conteggio" as const, nome: parola(nome), lista, x, ...(oltre ? { oltre: numero(oltre) } : {}), span: this.finoA(t0) };
  });

  private confronto = this.RULE("confronto", (): A.Cond | undefined => {
    const t0 = this.inizio();
    const a = this.SUBRULE(this.esprSinistra);
    let risultato: A.Cond | undefined;
    let coda = false;
    this.OPTION({
      // `in fase …` / `in mancanza …` are clauses, not membership
      GATE: () => !(this.LA(1).tokenType === K.in && (this.LA(2).tokenType === K.fase || this.LA(2).tokenType === K.mancanza)),
      DEF: () => {
        coda = true;
        this.OR([
          {
            ALT: () => {
              const op = this.CONSUME(T.Confronto);
              const b = this.SUBRULE(this.esprDestra);
              if (!this.RECORDING_PHASE) {
                if (a && b) risultato = { t: "confronto", op: op.image as A.OpConfronto, a, b, span: this.finoA(t0) };
              }
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.in);
              const l = this.SUBRULE(this.lista);
              if (!this.RECORDING_PHASE) {
                if (a && l) risultato = { t: "inLista", a, lista: l.valori, negato: false, span: this.finoA(t0) };
              }
            },
          },
          {
            ALT: () => {
              this.CONSUME2(K.in);
              const p = this.SUBRULE(this.percorso);
              if (!this.RECORDING_PHASE) {
                if (a && p) risultato = { t: "inPercorso", a, percorso: p, span: this.finoA(t0) };
              }
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.non);
              this.CONSUME3(K.in);
              const l = this.SUBRULE2(this.lista);
              if (!this.RECORDING_PHASE) {
                if (a && l) risultato = { t: "inLista", a, lista: l.valori, negato: true, span: this.finoA(t0) };
              }
            },
          },
        ]);
      },
    });
    if (this.RECORDING_PHASE) return undefined;
    if (coda) return risultato;
    if (!a) return undefined;
    if (a.t === "percorso") return { t: "vero" as const, percorso: a, span: this.finoA(t0) };
    this.costruzione.push({ message: "una condizione da sola deve essere un fatto (es. 'parte.aderito') o un confronto (es. 'valore <= 25.000 €')", span: a.span });
    return undefined;
  });

  private percorso = this.RULE("percorso", (): (A.Espr & { t: "percorso" }) | undefined => {
    const t0 = this.CONSUME(T.Radice);
    const segmenti: IToken[] = [t0];
    this.MANY(() => {
      this.CONSUME(T.Punto);
      segmenti.push(this.CONSUME(T.Nome));
    });
    if (this.RECORDING_PHASE) return undefined;
    const ok = segmenti.filter(valido);
    if (ok.length === 0) return undefined;
    return { t: "percorso" as const, segmenti: ok.map(parola), span: this.finoA(t0) };
  });

  private numeroEspr = this.RULE("numeroEspr", (): A.Espr | undefined => {
    return this.OR((this.alt_numeroEspr ??= [
      {
        ALT: () => {
          const t0 = this.LA(1);
          const n = this.CONSUME(T.Numero);
          let unita: "€" | "%" | undefined;
          this.OPTION(() => {
            unita = this.OR2([{ ALT: () => this.CONSUME(T.Euro) }, { ALT: () => this.CONSUME(T.Percento) }]).image as "€" | "%";
          });
          return (this.RECORDING_PHASE ? undefined : (valido(n) ? { t: "numero" as const, numero: numero(n), unita, span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          this.CONSUME2(T.Euro);
          const n = this.CONSUME2(T.Numero);
          return this.ACTION(() =>
            valido(n) ? { t: "numero" as const, numero: numero(n), unita: "€" as const, euroPrima: true, span: this.finoA(t0) } : undefined,
          );
        },
      },
    ]));
  });

  private esprSinistra = this.RULE("esprSinistra", (): A.Espr | undefined => {
    return this.OR((this.alt_esprSinistra ??= [
      { ALT: () => this.SUBRULE(this.percorso) as A.Espr | undefined },
      { ALT: () => this.SUBRULE(this.conteggio) as A.Espr | undefined },
      { ALT: () => this.SUBRULE(this.numeroEspr) },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const s = this.CONSUME(T.Stringa);
          return (this.RECORDING_PHASE ? undefined : (valido(s) ? { t: "stringa" as const, stringa: stringa(s), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const d = this.CONSUME(T.Data);
          return (this.RECORDING_PHASE ? undefined : (valido(d) ? { t: "data" as const, data: parola(d), span: this.finoA(t0) } : undefined));
        },
      },
    ]));
  });

  /** Right operand and list values: a bare name is a literal, a dotted path is a path. */
  public esprDestra = this.RULE("esprDestra", (): A.Espr | undefined => {
    return this.OR((this.alt_esprDestra ??= [
      {
        ALT: () => {
          const t0 = this.LA(1);
          const p = this.SUBRULE(this.percorso);
          if (this.RECORDING_PHASE) return undefined;
          if (!p) return undefined;
          const [solo] = p.segmenti;
          if (p.segmenti.length === 1 && solo) return { t: "letterale" as const, parola: solo, span: p.span };
          return p;
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const b = this.OR2([{ ALT: () => this.CONSUME(K.vero) }, { ALT: () => this.CONSUME(K.falso) }]);
          return (this.RECORDING_PHASE ? undefined : ({ t: "booleano" as const, valore: b.image === "vero", span: this.finoA(t0) }));
        },
      },
      { ALT: () => this.SUBRULE(this.numeroEspr) },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const s = this.CONSUME(T.Stringa);
          return (this.RECORDING_PHASE ? undefined : (valido(s) ? { t: "stringa" as const, stringa: stringa(s), span: this.finoA(t0) } : undefined));
        },
      },
      {
        ALT: () => {
          const t0 = this.LA(1);
          const d = this.CONSUME(T.Data);
          return (this.RECORDING_PHASE ? undefined : (valido(d) ? { t: "data" as const, data: parola(d), span: this.finoA(t0) } : undefined));
        },
      },
    ]));
  });
}

/** The one parser instance (building a Chevrotain parser is expensive; reusing it is not). */
export const parser = new ParserRegolamento();
