import { describe, expect, it } from "vitest";
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { registraOperazioni } from "./operazioni.ts";
import { compile, compileFatti, ConditionError, Fatti, oggettoDi, PARTE_DERIVATA, slotDi, slotNoti } from "./compile.ts";
import { varsOf, isMissing } from "./vars.ts";
import type { JsonLogic } from "../ir.ts";

// Our operations (the DSL's `voce X di mappa`) run by json-logic-js too, the same function.
registraOperazioni(jsonLogic as unknown as Parameters<typeof registraOperazioni>[0]);

const PATHS = ["a", "b", "c", "o.x", "o.y", "o.z.w", "l", "s", "missing.path", "n"];

const leafValue = fc.oneof(
  fc.integer({ min: -5, max: 30 }),
  fc.constantFrom("x", "y", "", "10", "abc", "b"),
  fc.boolean(),
  fc.constant(null),
);
const factValue = fc.oneof(leafValue, fc.array(leafValue, { maxLength: 3 }));
const facts = fc.record({
  a: factValue, b: factValue, c: factValue, s: fc.string({ maxLength: 4 }), n: fc.constant(null),
  l: fc.array(leafValue, { maxLength: 4 }),
  o: fc.record({ x: factValue, y: factValue, z: fc.oneof(fc.constant(null), fc.record({ w: factValue })) }, { requiredKeys: [] }),
}, { requiredKeys: [] });

// Bodies read against an element (a leaf) or a map's entry (its fields and `chiave`).
const elemento = fc.oneof(
  fc.tuple(fc.constantFrom("==", "!=", "<", ">="), leafValue).map(([op, k]) => ({ [op]: [{ var: "" }, k] }) as JsonLogic),
  fc.constant({ "!!": [{ var: "" }] } as JsonLogic),
  fc.boolean() as fc.Arbitrary<JsonLogic>,
);
const voceBody = fc.oneof(
  fc.tuple(fc.constantFrom("chiave", "valore", "w", "x"), fc.constantFrom("==", "!="), leafValue).map(([p, op, k]) => ({ [op]: [{ var: p }, k] }) as JsonLogic),
  fc.constantFrom("chiave", "valore", "w").map((p) => ({ "!!": [{ var: p }] }) as JsonLogic),
);

// A body that reads its element beside the outside references (`accanto`: { el, fuori }).
const accantoBody = fc.oneof(
  fc.tuple(fc.constantFrom("==", "!=", "<", ">="), fc.constantFrom("el", "el.x", "el.chiave"), fc.constantFrom("fuori.0", "fuori.1", "fuori.0.x")).map(([op, a, b]) => ({ [op]: [{ var: a }, { var: b }] }) as JsonLogic),
  fc.tuple(fc.constantFrom("==", "!="), fc.constantFrom("el", "el.x"), leafValue).map(([op, a, k]) => ({ [op]: [{ var: a }, k] }) as JsonLogic),
  fc.constantFrom("el", "fuori.1", "el.x").map((p) => ({ "!!": [{ var: p }] }) as JsonLogic),
);

const { expr } = fc.letrec<{ expr: JsonLogic }>((tie) => {
  const e = tie("expr");
  const bin = (op: string) => fc.tuple(e, e).map(([x, y]) => ({ [op]: [x, y] }) as JsonLogic);
  return {
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leafValue as fc.Arbitrary<JsonLogic>,
      fc.constantFrom(...PATHS).map((p) => ({ var: p }) as JsonLogic),
      fc.tuple(fc.constantFrom(...PATHS), leafValue).map(([p, d]) => ({ var: [p, d] }) as JsonLogic),
      bin("=="), bin("!="), bin("==="), bin("!=="), bin("<"), bin("<="), bin(">"), bin(">="),
      fc.tuple(e, e, e).map(([x, y, z]) => ({ "<": [x, y, z] }) as JsonLogic),
      fc.tuple(e, e, e).map(([x, y, z]) => ({ "<=": [x, y, z] }) as JsonLogic),
      fc.array(e, { minLength: 1, maxLength: 3 }).map((xs) => ({ and: xs }) as JsonLogic),
      fc.array(e, { minLength: 1, maxLength: 3 }).map((xs) => ({ or: xs }) as JsonLogic),
      e.map((x) => ({ "!": [x] }) as JsonLogic),
      e.map((x) => ({ "!!": x }) as JsonLogic),
      fc.tuple(e, fc.array(leafValue, { maxLength: 3 })).map(([x, l]) => ({ in: [x, l as JsonLogic] }) as JsonLogic),
      fc.tuple(e, fc.constantFrom("l", "s", "a")).map(([x, p]) => ({ in: [x, { var: p }] }) as JsonLogic),
      fc.array(e, { minLength: 1, maxLength: 5 }).map((xs) => ({ if: xs }) as JsonLogic),
      fc.array(e, { maxLength: 3 }).map((xs) => ({ "+": xs }) as JsonLogic),
      fc.array(e, { minLength: 1, maxLength: 3 }).map((xs) => ({ "*": xs }) as JsonLogic),
      fc.tuple(e, e).map(([x, y]) => ({ "-": [x, y] }) as JsonLogic),
      e.map((x) => ({ "-": [x] }) as JsonLogic),
      bin("/"), bin("%"),
      fc.array(e, { minLength: 1, maxLength: 3 }).map((xs) => ({ min: xs }) as JsonLogic),
      fc.array(e, { minLength: 1, maxLength: 3 }).map((xs) => ({ max: xs }) as JsonLogic),
      fc.array(fc.constantFrom(...PATHS), { maxLength: 3 }).map((xs) => ({ missing: xs }) as JsonLogic),
      // the DSL's `quanti X in lista (…) [oltre N]`: reduce over filter, the body reading the element
      fc.tuple(fc.constantFrom("l", "a", "o", "n"), elemento, fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })).map(([p, body, oltre]) => {
        const n: JsonLogic = { reduce: [{ filter: [{ var: p }, body] }, { "+": [{ var: "accumulator" }, 1] }, 0] };
        return (oltre === undefined ? n : { max: [0, { "-": [n, oltre] }] }) as JsonLogic;
      }),
      fc.tuple(fc.constantFrom("l", "a", "n"), e, fc.option(e, { nil: undefined })).map(([p, body, init]) => ({ reduce: init === undefined ? [{ var: p }, body] : [{ var: p }, body, init] }) as JsonLogic),
      // `ogni voce X di mappa (…)`: our `voci` (registered with json-logic-js below), quantified
      fc.tuple(fc.constantFrom("all", "some", "none"), fc.constantFrom("o", "o.z", "l", "a", "n"), voceBody).map(([q, p, body]) => ({ [q]: [{ voci: [{ var: p }] }, body] }) as JsonLogic),
      e.map((x) => ({ voci: [x] }) as JsonLogic),
      // a body that reads beyond its element (the DSL's quantifiers over facts): our `accanto`
      fc.tuple(fc.constantFrom("all", "some", "none", "filter"), fc.constantFrom("l", "a", "o", "n"), fc.array(e, { maxLength: 2 }), accantoBody).map(([q, p, fuori, body]) => ({ [q]: [{ accanto: [{ var: p }, ...fuori] }, body] }) as JsonLogic),
      fc.tuple(fc.constantFrom("all", "some"), fc.constantFrom("o", "l"), e, accantoBody).map(([q, p, f, body]) => ({ [q]: [{ accanto: [{ voci: [{ var: p }] }, f] }, body] }) as JsonLogic),
    ),
  };
});

// The shapes compile.ts specialises: `var op literal` (one closure, the literal captured), `var in
// [literals]` (an inlined loop), and `and`/`or` whose operands all yield booleans (`&&`/`||`, no
// truthy call), at every arity the code distinguishes (1, 2, 3, more).
const stringLit = fc.constantFrom("x", "y", "", "10", "abc", "b", "istante");
const { bool } = fc.letrec<{ bool: JsonLogic }>((tie) => {
  const b = tie("bool");
  const path = fc.constantFrom(...PATHS);
  return {
    bool: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.tuple(fc.constantFrom("==", "!=", "===", "!=="), path, stringLit).map(([op, p, k]) => ({ [op]: [{ var: p }, k] }) as JsonLogic),
      fc.tuple(fc.constantFrom("<", "<=", ">", ">=", "==", "!="), path, fc.integer({ min: -5, max: 30 })).map(([op, p, k]) => ({ [op]: [{ var: p }, k] }) as JsonLogic),
      fc.tuple(path, fc.array(leafValue, { maxLength: 4 })).map(([p, l]) => ({ in: [{ var: p }, l as JsonLogic] }) as JsonLogic),
      fc.tuple(path, path).map(([p, q]) => ({ in: [{ var: p }, { var: q }] }) as JsonLogic), // list, string or neither: the generic `in`
      fc.tuple(fc.constantFrom("!", "!!"), path).map(([op, p]) => ({ [op]: [{ var: p }] }) as JsonLogic),
      // a negation of a negation (the DSL's `non X`), compiled as one
      fc.tuple(fc.constantFrom("!", "!!"), fc.constantFrom("!", "!!"), path, fc.boolean()).map(([o1, o2, p, arr]) => ({ [o1]: arr ? [{ [o2]: [{ var: p }] }] : { [o2]: { var: p } } }) as JsonLogic),
      fc.boolean() as fc.Arbitrary<JsonLogic>,
      b.map((x) => ({ "!": [x] }) as JsonLogic),
      fc.tuple(fc.constantFrom("and", "or"), fc.array(b, { minLength: 1, maxLength: 5 })).map(([op, xs]) => ({ [op]: xs }) as JsonLogic),
      // and/or mixing boolean operands with one that is not: the generic path, json-logic's values
      fc.tuple(fc.constantFrom("and", "or"), fc.array(b, { minLength: 1, maxLength: 3 }), expr).map(([op, xs, x]) => ({ [op]: [...xs, x] }) as JsonLogic),
    ),
  };
});

/** Same value, treating NaN as equal to NaN (json-logic and we both produce it for 0/0). */
function same(x: unknown, y: unknown): boolean {
  return Object.is(x, y) || JSON.stringify(x) === JSON.stringify(y) && typeof x === typeof y;
}

describe("compile (json-logic → closures)", () => {
  it("agrees with jsonLogic.apply on random expressions and random facts", () => {
    fc.assert(
      fc.property(expr, facts, (e, d) => {
        const want = jsonLogic.apply(e as never, d);
        const got = compile(e)(d);
        expect(same(got, want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with jsonLogic.apply on the specialised shapes (var op literal, literal lists, boolean and/or)", () => {
    fc.assert(
      fc.property(bool, facts, (e, d) => {
        const want = jsonLogic.apply(e as never, d);
        const got = compile(e)(d);
        expect(same(got, want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("compileFatti agrees with jsonLogic.apply on the same facts, held by slot", () => {
    // Compile first: the roots get their slots. Each slot then holds the root's value (undefined
    // when it is not a fact; null for the actions not yet happened, as the engine's are). The
    // facts object json-logic reads has no prototype: the facts are what the slots hold.
    fc.assert(
      fc.property(fc.oneof(expr, bool), facts, fc.boolean(), (e, d0, nulle) => {
        const fn = compileFatti(e);
        const d = Object.assign(Object.create(null), nulle ? { c: null, p: null } : {}, d0) as Record<string, unknown>;
        const s: unknown[] = [];
        for (const [nome, i] of slotNoti()) s[i] = d[nome];
        const want = jsonLogic.apply(e as never, d);
        expect(same(fn(new Fatti(s)), want)).toBe(true);
        // the facts as one object are those same facts
        expect(oggettoDi(new Fatti(s))).toEqual(Object.fromEntries(Object.entries(d).filter(([k]) => slotNoti().has(k))));
      }),
      { numRuns: 3000 },
    );
  });
  it("compileFatti reads the party's derived fields from their own root, as json-logic reads them in parte", () => {
    // The engine holds the question's party in `parte` and what it derives in PARTE_DERIVATA
    // (facts.ts poniParte); json-logic-js sees one `parte` with both (oggettoDi). Same answers.
    const campo = fc.constantFrom("aderito", "ha_richiesto_proposta", "presente_primo_incontro", "ruolo", "avvocato", "id");
    const cond = fc.oneof(
      fc.tuple(campo, leafValue).map(([c, k]) => ({ "==": [{ var: `parte.${c}` }, k] }) as JsonLogic),
      fc.tuple(fc.constantFrom("!", "!!"), campo).map(([op, c]) => ({ [op]: [{ var: `parte.${c}` }] }) as JsonLogic),
      fc.tuple(campo, campo).map(([a, b]) => ({ or: [{ "!!": { var: `parte.${a}` } }, { "==": [{ var: `parte.${b}` }, "istante"] }] }) as JsonLogic),
      fc.tuple(campo, leafValue).map(([c, k]) => ({ var: [`parte.${c}`, k] }) as JsonLogic),
      fc.array(campo, { maxLength: 3 }).map((cs) => ({ missing: cs.map((c) => `parte.${c}`) }) as JsonLogic),
      fc.constant({ "!!": { var: "parte" } } as JsonLogic),
    );
    const parte = fc.record({ id: fc.constantFrom("A", "B"), ruolo: fc.constantFrom("istante", "invitata"), avvocato: fc.boolean(), aderito: leafValue, presente_primo_incontro: leafValue }, { requiredKeys: ["id"] });
    const derivata = fc.record({ aderito: fc.boolean(), ha_richiesto_proposta: fc.boolean(), presente_primo_incontro: fc.oneof(fc.boolean(), fc.constant(undefined)) });
    fc.assert(
      fc.property(cond, fc.option(parte, { nil: undefined }), derivata, (e, p, der) => {
        const fn = compileFatti(e);
        const s: unknown[] = [];
        s[slotDi("parte")] = p; // the engine's roots (facts.ts): both always have a slot
        // as facts.ts partiDerivate: no first meeting in the events, the party's own presence stands
        const d = p ? { ...der, presente_primo_incontro: der.presente_primo_incontro ?? (p as Record<string, unknown>).presente_primo_incontro } : undefined;
        if (d) s[slotDi(PARTE_DERIVATA)] = d;
        const f = new Fatti(s);
        // what the engine derives wins over the question's own field of the same name
        const whole = p && d ? { parte: { ...p, ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) } } : {};
        expect(same(fn(f), jsonLogic.apply(e as never, whole))).toBe(true);
        expect(same(jsonLogic.apply(e as never, oggettoDi(f)), jsonLogic.apply(e as never, whole))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it("compileFatti reads through quantifiers: the list from the facts, the body on each element", () => {
    const ogni = compileFatti({ all: [{ var: "parti" }, { "==": [{ var: "ruolo" }, "istante"] }] });
    const nessuna = compileFatti({ none: [{ var: "parti" }, { var: "avvocato" }] });
    const slot = slotNoti().get("parti")!;
    const con = (parti: unknown) => { const s: unknown[] = []; s[slot] = parti; return new Fatti(s); };
    expect(ogni(con([{ ruolo: "istante" }, { ruolo: "istante" }]))).toBe(true);
    expect(ogni(con([{ ruolo: "istante" }, { ruolo: "invitata" }]))).toBe(false);
    expect(ogni(con(undefined))).toBe(false);
    expect(nessuna(con([{ avvocato: false }]))).toBe(true);
    expect(nessuna(con([{ avvocato: true }]))).toBe(false);
  });

  it("handles the ops the DSL emits on realistic facts", () => {
    const f = { valore: 25000, materia: "condominio", azione: { mediatore: { categoria: "praticante_abilitato" } }, tipo: "obbligatoria" };
    expect(compile({ "<=": [{ var: "valore" }, 25000] })(f)).toBe(true);
    expect(compile({ "<=": [{ var: "valore" }, 25000] })({ ...f, valore: 25000.01 })).toBe(false);
    expect(compile({ "==": [{ var: "azione.mediatore.categoria" }, "praticante_abilitato"] })(f)).toBe(true);
    expect(compile({ in: [{ var: "tipo" }, ["obbligatoria", "demandata"]] })(f)).toBe(true);
    expect(compile({ in: ["dom", "condominio"] })(f)).toBe(true);
    expect(compile({ "!": { var: "adesione" } })({ adesione: null })).toBe(true);
    expect(compile({ "!!": [{ var: "l" }] })({ l: [] })).toBe(false);
  });

  it("rejects an unknown operator with a clear error instead of running anything", () => {
    expect(() => compile({ eval: ["process.exit(1)"] })).toThrow(ConditionError);
    expect(() => compile({ eval: ["x"] })).toThrow(/non supportato: "eval"/);
  });
});

describe("varsOf / isMissing", () => {
  it("lists the literal paths a condition reads", () => {
    const e: JsonLogic = { and: [{ "==": [{ var: "azione.mediatore.categoria" }, "x"] }, { "<=": [{ var: ["valore", 0] }, 1] }, { missing: ["tipo"] }] };
    expect(varsOf(e).sort()).toEqual(["azione.mediatore.categoria", "tipo", "valore"]);
  });
  it("distinguishes undefined (missing) from null (given)", () => {
    expect(isMissing({ valore: null }, "valore")).toBe(false);
    expect(isMissing({}, "valore")).toBe(true);
    expect(isMissing({ adesione: null }, "adesione.data")).toBe(false);
    expect(isMissing({ azione: {} }, "azione.mediatore.categoria")).toBe(true);
  });
});

describe("comparedVarsOf", async () => {
  const { comparedVarsOf } = await import("./vars.ts");
  it("lists compared paths, not flags tested for truth", () => {
    const e: JsonLogic = { and: [{ "<=": [{ var: "tabella.scaglione" }, 6] }, { "!!": [{ var: "parte.requisiti_patrocinio_stato" }] },
      { or: [{ in: [{ var: "tipo" }, ["obbligatoria"]] }, { "!": { var: "adesione" } }] }] };
    expect(comparedVarsOf(e).sort()).toEqual(["tabella.scaglione", "tipo"]);
  });
  it("inside all / some / none only the list is a fact: the body reads the element's fields", async () => {
    const { puoLeggere } = await import("./vars.ts");
    // `ogni p in parti (p.ruolo = istante) e almeno una p in azione.presenti (p = B)` (dsl/SPEC.md § Quantified conditions)
    const e: JsonLogic = { and: [{ all: [{ var: "parti" }, { "==": [{ var: "ruolo" }, "istante"] }] },
      { some: [{ var: "azione.presenti" }, { "==": [{ var: "" }, "B"] }] }, { "==": [{ var: "materia" }, "x"] }] };
    expect(comparedVarsOf(e)).toEqual(["materia"]);
    expect(varsOf(e).sort()).toEqual(["azione.presenti", "materia", "parti"]);
    expect(puoLeggere(e, "ruolo")).toBe(false);
    expect(puoLeggere(e, "parte")).toBe(false);
    expect(puoLeggere(e, "azione")).toBe(true);
    expect(puoLeggere({ none: [{ var: "parte.deleghe" }, { var: "" }] }, "parte")).toBe(true);
  });
  it("prints a quantifier with its element named", async () => {
    const { printCondition } = await import("./print.ts");
    expect(printCondition({ all: [{ var: "parti" }, { "!!": [{ var: "avvocato" }] }] })).toBe("ogni elemento di parti (esiste elemento.avvocato)");
    expect(printCondition({ and: [{ none: [{ var: "azione.presenti" }, { "==": [{ var: "" }, "B"] }] }, { "==": [{ var: "materia" }, "x"] }] }))
      .toBe("nessun elemento di azione.presenti (elemento = B) e materia = x");
  });
  it("prints a body that reads beyond its element with the outside references in place", async () => {
    const { printCondition } = await import("./print.ts");
    expect(printCondition({ all: [{ accanto: [{ var: "parti" }, { var: "azione.parte" }] }, { "==": [{ var: "el.parte" }, { var: "fuori.0" }] }] }))
      .toBe("ogni elemento di parti (elemento.parte = azione.parte)");
    // Sondrio lett. d, as the DSL compiles it
    expect(printCondition({ none: [
      { accanto: [{ voci: [{ var: "azione.partecipazione" }] }, { var: "eventi.verifica_disponibilita_sede" }] },
      { and: [{ "==": [{ var: "el.valore" }, "in_sede_con_referente"] }, { none: [{ accanto: [{ var: "fuori.0" }, { var: "el.chiave" }] }, { and: [{ "==": [{ var: "el.parte" }, { var: "fuori.0" }] }, { "!!": [{ var: "el.disponibile" }] }] }] }] },
    ] })).toBe("nessun voce (elemento) di azione.partecipazione (elemento.valore = in_sede_con_referente e nessun evento (elemento2) di verifica_disponibilita_sede (elemento2.parte = elemento.chiave e esiste elemento2.disponibile))");
  });
});
