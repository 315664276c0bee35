// The whole file → Regolamento: walks articolo/comma/lettera scopes, gives every rule its citation
// ("art. 5 c. 4 lett. b"), its fonte (the file's id) and the innermost quoted text, and builds
// `struttura` (every unit with its text and the names of the rules stated in it).
import { conNomi } from "../../engine/nomi.ts";
import type { Articolo, Calendario, Comma, Fase, Lettera, Parametro, Regola, Regolamento, RifRegola } from "../../engine/ir.ts";
import type { ArticoloAst, AstFile, CalendarioAst, CommaAst, Contenuto, Espr, LetteraAst, ParametroAst, ProceduraAst } from "../ast.ts";
import type { Diagnostic } from "../diagnostica.ts";
import { compilaRegola, type Contesto } from "./regole.ts";

interface Ambito {
  articolo?: string;
  comma?: string;
  lettera?: string;
  testo?: string;
}

export function citazione(a: Ambito): string {
  const p: string[] = [];
  if (a.articolo) p.push(`art. ${a.articolo}`);
  if (a.comma) p.push(`c. ${a.comma}`);
  if (a.lettera) p.push(`lett. ${a.lettera}`);
  return p.join(" ");
}

function numeroConSuffisso(raw: string | undefined, suffisso: string | undefined): string {
  return suffisso ? `${raw ?? "?"}-${suffisso}` : (raw ?? "?");
}

function valoreParametro(v: ParametroAst["valore"]): Parametro["valore"] | undefined {
  if (!v) return undefined;
  if (v.t === "lista") return v.valori.map((x) => String(valoreSemplice(x)));
  return valoreSemplice(v);
}

function valoreSemplice(e: Espr): number | string | boolean {
  switch (e.t) {
    case "numero":
      return e.numero.valore;
    case "stringa":
      return e.stringa.valore;
    case "data":
      return e.data.testo;
    case "letterale":
      return e.parola.testo;
    case "booleano":
      return e.valore;
    case "percorso":
      return e.segmenti.map((s) => s.testo).join(".");
    case "conteggio":
      return e.nome.testo; // not a parameter's value (the checker says so); kept as written
  }
}

export interface Opzioni {
  /** Kind of a rule of an applied baseline, when the bases are known. */
  tipoNelleBasi?: (rif: RifRegola) => Regola["tipo"] | undefined;
}

export function compilaFile(ast: AstFile, diags: Diagnostic[], opts: Opzioni = {}): Regolamento | undefined {
  const h = ast.intestazione;
  if (!h?.id || !h.versione || !h.inVigoreDal) return undefined;
  const fonte = h.id.testo;
  const parametri: Record<string, Parametro> = {};
  const calendario: Calendario = { festivi: [], chiusure: [] };
  const fasi: Fase[] = [];
  const regole: Regola[] = [];
  const struttura: Articolo[] = [];

  // kinds of this file's rules, so `eccezione … a X` knows what it modifies
  const tipiLocali = new Map<string, Regola["tipo"]>();
  const raccogli = (xs: readonly (ArticoloAst | CommaAst | LetteraAst | Contenuto)[]): void => {
    for (const x of xs) {
      if (x.n === "dichiarazione" && x.nome) tipiLocali.set(x.tipo === "azione" ? `azione_${x.nome.testo}` : x.nome.testo, tipoIr(x.tipo));
      if (x.n === "articolo" || x.n === "comma" || x.n === "lettera") raccogli(x.figli);
    }
  };
  raccogli(ast.elementi);
  const tipoDi = (r: RifRegola): Regola["tipo"] | undefined =>
    r.fonte && r.fonte !== fonte ? opts.tipoNelleBasi?.(r) : (tipiLocali.get(r.nome) ?? opts.tipoNelleBasi?.(r));

  const parametro = (p: ParametroAst, cita: string | undefined): void => {
    if (!p.nome) return;
    const valore = valoreParametro(p.valore);
    if (valore === undefined) return;
    const out: Parametro = { nome: p.nome.testo, valore };
    if (cita) out.cita = cita;
    if (p.nota) out.nota = p.nota.valore;
    parametri[p.nome.testo] = out;
  };
  for (const p of h.parametri) parametro(p, undefined);

  const calendarioDi = (c: CalendarioAst, cita: string): void => {
    for (const v of c.voci) {
      if (v.t === "festivo") calendario.festivi.push({ data: v.data.testo, ...(v.nome ? { nome: v.nome.valore } : {}), ...(cita ? { cita } : {}) });
      else calendario.chiusure.push({ dal: v.dal.testo, al: v.al.testo, ...(v.nome ? { nome: v.nome.valore } : {}), ...(cita ? { cita } : {}) });
    }
  };
  const proceduraDi = (p: ProceduraAst, cita: string): void => {
    for (const f of p.fasi) fasi.push({ nome: f.nome.testo, iniziale: f.iniziale, finale: f.finale, cita });
  };

  /** Compiles one content item in a scope; returns the rule's name if it is a rule. */
  const contenuto = (c: Contenuto, amb: Ambito): string | undefined => {
    const cita = citazione(amb);
    switch (c.n) {
      case "parametro":
        parametro(c, cita || undefined);
        return undefined;
      case "calendario":
        calendarioDi(c, cita);
        return undefined;
      case "procedura":
        proceduraDi(c, cita);
        return undefined;
      case "dichiarazione": {
        const ctx: Contesto = { fonte, cita, tipoDi };
        if (amb.testo !== undefined) ctx.testo = amb.testo;
        const r = compilaRegola(c, ctx, diags);
        if (!r) return undefined;
        regole.push(r);
        return r.nome;
      }
    }
  };

  const lettera = (l: LetteraAst, amb: Ambito): Lettera => {
    const a: Ambito = { ...amb, lettera: l.lettera?.testo ?? "?" };
    if (l.testo) a.testo = l.testo.valore;
    const out: Lettera = { lettera: a.lettera!, regole: [], riga: l.span.line };
    if (l.testo) out.testo = l.testo.valore;
    for (const f of l.figli) {
      const n = contenuto(f, a);
      if (n) out.regole.push(n);
    }
    return out;
  };

  const comma = (c: CommaAst, amb: Ambito): Comma => {
    const a: Ambito = { ...amb, comma: numeroConSuffisso(c.numero?.raw, c.suffisso) };
    if (c.testo) a.testo = c.testo.valore;
    const out: Comma = { numero: a.comma!, lettere: [], regole: [], riga: c.span.line };
    if (c.testo) out.testo = c.testo.valore;
    for (const f of c.figli) {
      if (f.n === "lettera") out.lettere.push(lettera(f, a));
      else {
        const n = contenuto(f, a);
        if (n) out.regole.push(n);
      }
    }
    return out;
  };

  const articolo = (x: ArticoloAst): Articolo => {
    const amb: Ambito = { articolo: numeroConSuffisso(x.numero?.raw, x.suffisso) };
    if (x.testo) amb.testo = x.testo.valore;
    const out: Articolo = { numero: amb.articolo!, commi: [], lettere: [], regole: [], riga: x.span.line };
    if (x.titolo) out.titolo = x.titolo.valore;
    if (x.testo) out.testo = x.testo.valore;
    for (const f of x.figli) {
      if (f.n === "comma") out.commi.push(comma(f, amb));
      else if (f.n === "lettera") out.lettere.push(lettera(f, amb));
      else {
        const n = contenuto(f, amb);
        if (n) out.regole!.push(n);
      }
    }
    return out;
  };

  // Top-level lettere and rules (outside any articolo) are listed under an articolo with numero "".
  let sciolto: Articolo | undefined;
  const fuori = (): Articolo => {
    if (!sciolto) {
      sciolto = { numero: "", commi: [], lettere: [], regole: [] };
      struttura.push(sciolto);
    }
    return sciolto;
  };
  for (const e of ast.elementi) {
    if (e.n === "articolo") struttura.push(articolo(e));
    else if (e.n === "lettera") fuori().lettere.push(lettera(e, {}));
    else {
      const n = contenuto(e, {});
      if (n) fuori().regole!.push(n);
    }
  }

  const reg: Regolamento = {
    id: fonte,
    nome: h.nome?.valore ?? fonte,
    versione: h.versione.testo,
    inVigoreDal: h.inVigoreDal.testo,
    applica: h.applica.map((a) => a.testo),
    parametri,
    calendario,
    fasi,
    struttura,
    regole,
  };
  if (h.registro) reg.registro = h.registro.testo;
  // The names a question may use (tables, parameters' values) listed in the compiled form.
  return conNomi(reg);
}

export function tipoIr(t: import("../ast.ts").TipoDichiarazione): Regola["tipo"] {
  if (t === "riduzione" || t === "aumento" || t === "esenzione") return "variazione";
  if (t === "solidale") return "solidarieta";
  return t;
}
