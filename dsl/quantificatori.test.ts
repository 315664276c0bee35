// Quantified conditions (dsl/SPEC.md § Conditions): `ogni X in lista (cond)` → all,
// `almeno una|un X in lista (cond)` → some, `nessuna|nessun X in lista (cond)` → none. Inside the
// parentheses X is the element: `X.campo` → {"var": "campo"}, `X` → {"var": ""}.
import { describe, expect, it } from "vitest";
import { check, compile, format, parse } from "./index.ts";
import type { JsonLogic, Vincolo } from "../engine/ir.ts";
import { TESTA_BASI, senzaRighe } from "./test-utils.ts";
import { lex } from "./lexer.ts";

/** The compiled `richiede` of `vincolo v: per adesione richiede <cond>` (no errors allowed). */
function richiede(cond: string): JsonLogic {
  const r = compile(`${TESTA_BASI}vincolo v: per adesione richiede ${cond}\n`);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return (r.regolamento!.regole[0] as Vincolo).richiede;
}
/** code:severity:line:col of each diagnostic; the condition is on line 4, starting at column 34. */
const diag = (cond: string): string[] => check(`${TESTA_BASI}vincolo v: per adesione richiede ${cond}\n`).map((d) => `${d.code}:${d.severity}:${d.line}:${d.col}`);
const messaggi = (cond: string): string[] => check(`${TESTA_BASI}vincolo v: per adesione richiede ${cond}\n`).map((d) => d.message);

describe("quantified conditions compile to json-logic all / some / none", () => {
  it("ogni p in parti (p.avvocato) (Velletri art. 1-bis c. 3 lett. a)", () => {
    expect(richiede("ogni p in parti (p.avvocato)")).toEqual({ all: [{ var: "parti" }, { "!!": [{ var: "avvocato" }] }] });
  });
  it("almeno una / almeno un → some; nessuna / nessun → none", () => {
    const corpo = { "==": [{ var: "ruolo" }, "invitata"] };
    expect(richiede("almeno una p in parti (p.ruolo = invitata)")).toEqual({ some: [{ var: "parti" }, corpo] });
    expect(richiede("almeno un p in parti (p.ruolo = invitata)")).toEqual({ some: [{ var: "parti" }, corpo] });
    expect(richiede("nessuna p in parti (p.ruolo = invitata)")).toEqual({ none: [{ var: "parti" }, corpo] });
    expect(richiede("nessun p in parti (p.ruolo = invitata)")).toEqual({ none: [{ var: "parti" }, corpo] });
  });
  it("bare X is the element itself, on either side", () => {
    expect(richiede("nessuna p in azione.presenti (p = B)")).toEqual({ none: [{ var: "azione.presenti" }, { "==": [{ var: "" }, "B"] }] });
    expect(richiede("almeno una p in azione.presenti (p.parte = p)")).toEqual({ some: [{ var: "azione.presenti" }, { "==": [{ var: "parte" }, { var: "" }] }] });
    expect(richiede("ogni p in azione.presenti (p in [A, B])")).toEqual({ all: [{ var: "azione.presenti" }, { in: [{ var: "" }, ["A", "B"]] }] });
  });
  it("every condition form works inside; deeper paths drop only the bound name", () => {
    expect(richiede("ogni p in parti (esiste p.avvocato.nome e non esiste p.rinuncia o p.importo >= 1.000 €)")).toEqual({
      all: [{ var: "parti" }, { or: [
        { and: [{ "!!": [{ var: "avvocato.nome" }] }, { "!": [{ var: "rinuncia" }] }] },
        { ">=": [{ var: "importo" }, 1000] },
      ] }],
    });
  });
  it("combines with the other connectives and nests (the inner list is read on the outer element)", () => {
    expect(richiede("materia = condominio e non ogni p in parti (p.avvocato)")).toEqual({
      and: [{ "==": [{ var: "materia" }, "condominio"] }, { "!": [{ all: [{ var: "parti" }, { "!!": [{ var: "avvocato" }] }] }] }],
    });
    expect(richiede("ogni p in parti (almeno un d in p.documenti (d.tipo = accordo))")).toEqual({
      all: [{ var: "parti" }, { some: [{ var: "documenti" }, { "==": [{ var: "tipo" }, "accordo"] }] }],
    });
  });
  it("works in quando, porta a … quando, insieme … se", () => {
    const r = compile(`${TESTA_BASI}effetto nessuna_adesione: quando nessuna p in parti (p.aderito)
insieme chi: parti di adesione se almeno una p in parti (p.avvocato)
azione sopralluogo: da organismo porta a conclusa quando ogni p in parti (p.aderito)
`);
    expect(r.diagnostics).toEqual([]);
    const [effetto, insieme, azione] = senzaRighe(r.regolamento!.regole);
    expect(effetto).toMatchObject({ quando: { none: [{ var: "parti" }, { "!!": [{ var: "aderito" }] }] } });
    expect(insieme).toMatchObject({ da: [{ azione: "adesione", quando: { some: [{ var: "parti" }, { "!!": [{ var: "avvocato" }] }] } }] });
    expect(azione).toMatchObject({ transizioni: [{ fase: "conclusa", quando: { all: [{ var: "parti" }, { "!!": [{ var: "aderito" }] }] } }] });
  });
});

describe("a body that reads beyond its element: each element with the rest beside it (accanto)", () => {
  it("a fact of the question, crossed with the element", () => {
    expect(richiede("ogni p in parti (p.parte = azione.parte)")).toEqual({
      all: [{ accanto: [{ var: "parti" }, { var: "azione.parte" }] }, { "==": [{ var: "el.parte" }, { var: "fuori.0" }] }],
    });
  });
  it("an action's events inside the body, with the enclosing element beside each event (Sondrio lett. d)", () => {
    expect(richiede("ogni voce p di azione.partecipazione (p.valore != in_sede_con_referente o almeno un v in verifica_disponibilita_sede (v.parte = p.chiave e v.disponibile))")).toEqual({
      all: [
        { accanto: [{ voci: [{ var: "azione.partecipazione" }] }, { var: "eventi.verifica_disponibilita_sede" }] },
        { or: [
          { "!=": [{ var: "el.valore" }, "in_sede_con_referente"] },
          { some: [
            { accanto: [{ var: "fuori.0" }, { var: "el.chiave" }] },
            { and: [{ "==": [{ var: "el.parte" }, { var: "fuori.0" }] }, { "!!": [{ var: "el.disponibile" }] }] },
          ] },
        ] },
      ],
    });
  });
  it("the outer element in a nested body; the outer body stays plain when it reads only its element", () => {
    expect(richiede("ogni p in parti (almeno una d in p.documenti (d.parte = p.id))")).toEqual({
      all: [{ var: "parti" }, { some: [{ accanto: [{ var: "documenti" }, { var: "id" }] }, { "==": [{ var: "el.parte" }, { var: "fuori.0" }] }] }],
    });
    expect(richiede("ogni p in parti (almeno una d in p.documenti (d.parte = p))")).toEqual({
      all: [{ var: "parti" }, { some: [{ accanto: [{ var: "documenti" }, { var: "" }] }, { "==": [{ var: "el.parte" }, { var: "fuori.0" }] }] }],
    });
  });
  it("a count reads the same way", () => {
    expect(richiede("quanti x in adesione (x.data <= primo_incontro.data) > 0")).toEqual({
      ">": [{ reduce: [{ filter: [{ accanto: [{ var: "eventi.adesione" }, { var: "primo_incontro.data" }] }, { "<=": [{ var: "el.data" }, { var: "fuori.0" }] }] }, { "+": [{ var: "accumulator" }, 1] }, 0] }, 0],
    });
  });
});

describe("quantified conditions: diagnostics", () => {
  it("E015 (avviso): a comparison inside the parentheses that does not read the element", () => {
    expect(diag("ogni p in parti (valore > 3)")).toEqual(["E015:warning:4:51"]);
    expect(messaggi("ogni p in parti (valore > 3)")[0]).toBe(
      "dentro 'ogni p in parti (…)' questa condizione non legge 'p': vale lo stesso per ogni elemento. Se intendevi il campo dell'elemento scrivi 'p.valore'; se no, spostala fuori dalle parentesi",
    );
    // facts and the enclosing element may be read beside the element: nothing to say
    expect(diag("ogni p in parti (p.parte = azione.parte)")).toEqual([]);
    expect(diag("ogni p in parti (p.ruolo = istante)")).toEqual([]);
    expect(diag("ogni p in parti (almeno una d in p.documenti (d.parte = p.id))")).toEqual([]);
    expect(diag("ogni p in parti (almeno una d in p.documenti (d.parte = p))")).toEqual([]);
    expect(diag("ogni p in parti (almeno una d in p.documenti (d.parte in [p, q]))")).toEqual([]);
    // an action's events inside a body, crossed with the element
    expect(diag("ogni p in parti (almeno una x in adesione (x.parte = p.id))")).toEqual([]);
    // a fact read inside is checked as a fact
    expect(diag("ogni p in parti (p.id = valor.x)")).toEqual(["E011:warning:4:58"]);
  });
  it("E011: the list's root must be a known fact (did you mean)", () => {
    expect(check(`regolamento prova "P"\n  versione 1 in vigore dal 2026-01-01\nvincolo v: per adesione richiede ogni p in partii (p.avvocato)\n`).map((d) => `${d.code}:${d.severity}:${d.line}:${d.col} ${d.message}`)).toEqual([
      "E011:error:3:44 fatto sconosciuto 'partii': forse intendevi 'parti'?",
    ]);
  });
  it("E016: the bound name must not shadow a fact root or a keyword", () => {
    expect(diag("ogni materia in parti (materia.avvocato)")).toEqual(["E016:error:4:39"]);
    expect(messaggi("ogni materia in parti (materia.avvocato)")[0]).toBe("'materia' è già il nome di un fatto: dentro le parentesi lo nasconderebbe. Scegli un altro nome per l'elemento (es. 'p')");
    expect(diag("ogni parte in parti (parte.avvocato)")).toEqual(["E016:error:4:39"]);
    expect(messaggi("ogni parte in parti (parte.avvocato)")[0]).toBe("'parte' è una parola chiave del linguaggio: per l'elemento scegli un altro nome (es. 'ogni p in parti (…)')");
    // an action name is a fact root too
    expect(diag("almeno una adesione in parti (adesione.avvocato)")).toEqual(["E016:error:4:45"]);
  });
  it("E001: a hard keyword as the name, a missing list or parenthesis", () => {
    expect(diag("ogni in in parti (p.avvocato)")).toEqual(["E001:error:4:39"]);
    expect(diag("ogni p in (p.avvocato)")).toEqual(["E001:error:4:44"]);
    expect(diag("ogni p in parti p.avvocato")).toEqual(["E001:error:4:50"]);
    expect(diag("almeno p in parti (p.avvocato)")).toEqual(["E001:error:4:41"]);
    expect(messaggi("ogni 3 in parti (p.avvocato)")).toEqual(["atteso il nome dell'elemento (es. 'ogni p in parti (p.avvocato)', 'ogni voce r di azione.rappresentati (r.procura = notarile)'), trovato '3'"]);
    expect(messaggi("ogni p in (p.avvocato)")).toEqual(["atteso la lista di fatti (es. 'parti', 'azione.presenti'), trovato '('"]);
  });
  it("E012 still checks literal values of the element's fields", () => {
    expect(diag("ogni p in parti (p.ruolo = invitato)")).toEqual(["E012:warning:4:61"]);
  });
});

describe("quantified conditions: keywords and formatting", () => {
  it("the new keywords never split identifiers", () => {
    const tokens = lex("ognissanti almenouno nessunaparte nessuno ogni_parte nessun_avvocato").lexed.tokens;
    expect(tokens.map((t) => t.tokenType.name)).toEqual(Array(6).fill("Identifier"));
    expect(lex("ogni almeno una un nessuna nessun").lexed.tokens.map((t) => t.tokenType.name)).toEqual(["K_ogni", "K_almeno", "K_una", "K_un", "K_nessuna", "K_nessun"]);
    // and identifiers spelled like them stay usable as names and values
    expect(richiede("ognissanti.giorno = nessuno")).toEqual({ "==": [{ var: "ognissanti.giorno" }, "nessuno"] });
  });
  it("formats canonically, keeps the quantifier as written, is idempotent and keeps the meaning", () => {
    const src = `${TESTA_BASI}vincolo v: per adesione richiede   almeno   un x   in parti(x.avvocato  e x=istante)o nessun y in azione.presenti ( y = B )\n`;
    const f = format(src).text!;
    expect(f).toContain("richiede almeno un x in parti (x.avvocato e x = istante) o nessun y in azione.presenti (y = B)");
    expect(format(f).text).toBe(f);
    expect(senzaRighe(compile(f).regolamento)).toEqual(senzaRighe(compile(src).regolamento));
  });
  it("a long body breaks inside its parentheses, and reads back the same", () => {
    const lunga = "ogni parte_coinvolta in parti (parte_coinvolta.avvocato o parte_coinvolta.ruolo = istante o parte_coinvolta.aderito o esiste parte_coinvolta.delega)";
    const src = `${TESTA_BASI}vincolo v: per adesione richiede ${lunga}\n`;
    const f = format(src).text!;
    expect(f.split("\n").length).toBeGreaterThan(src.split("\n").length);
    expect(f.split("\n").every((l) => l.length <= 100 || !l.includes(" o "))).toBe(true);
    expect(format(f).text).toBe(f);
    expect(senzaRighe(compile(f).regolamento)).toEqual(senzaRighe(compile(src).regolamento));
    expect(parse(f).diagnostics).toEqual([]);
  });
});
