// Property test on generated valid regolamenti: random structure, statements of every kind, random
// conditions, comments and messy layout. The formatter must accept them, be idempotent, and keep
// the compiled meaning.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compile, format } from "./index.ts";
import { senzaRighe } from "./test-utils.ts";

const nome = fc.constantFrom("alfa", "beta", "gamma", "delta", "omega", "prova_1", "regola_x", "società");
const azione = fc.constantFrom("adesione", "deposito_domanda", "primo_incontro", "richiesta_proposta", "verbale", "incontro");
const percorso = fc.constantFrom("valore", "materia", "tipo", "parte.ruolo", "azione.parte", "primo_incontro.esito", "verbale.tipo", "tabella.nome", "mediatore.categoria", "parte.aderito");
const letterale = fc.constantFrom("condominio", "istante", "accordo", "obbligatoria", "prima", "mancato_accordo", "praticante_abilitato");
const numero = fc.constantFrom("25.000 €", "€ 1.000", "0,20", "22%", "3", "25.000,01 €");
const op = fc.constantFrom("=", "!=", "<", "<=", ">", ">=");

const atomo: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(percorso, op, fc.oneof(letterale, numero, percorso)).map(([a, o, b]) => `${a} ${o} ${b}`),
  percorso.map((p) => `esiste ${p}`),
  percorso.map((p) => `non esiste ${p}`),
  percorso,
  fc.tuple(percorso, fc.array(letterale, { minLength: 1, maxLength: 3 })).map(([p, l]) => `${p} in [${l.join(", ")}]`),
  fc.tuple(percorso, fc.array(letterale, { minLength: 1, maxLength: 3 })).map(([p, l]) => `${p} non in [${l.join(", ")}]`),
  fc.constantFrom("vero", "falso", "data >= 2025-01-25"),
);
// Quantified conditions: the body reads only the bound name (`p.campo`, `p` alone), may nest.
const elemento = fc.constantFrom("p", "q", "el");
const { corpo } = fc.letrec<{ corpo: string }>((tie) => ({
  corpo: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("@.avvocato", "@.ruolo = istante", "@.ruolo != invitata", "esiste @.aderito", "non esiste @.avvocato", "@ = istante", "@.ruolo in [istante, invitata]", "@.parte = @",
      "almeno una d in @.documenti (d.tipo = accordo)"),
    fc.tuple(tie("corpo"), fc.constantFrom(" e ", " o "), tie("corpo")).map(([a, c, b]) => `${a}${c}${b}`),
    tie("corpo").map((c) => `non (${c})`),
  ),
}));
const quantificato = fc
  .tuple(fc.constantFrom("ogni", "almeno una", "almeno un", "nessuna", "nessun"), elemento, fc.constantFrom("parti", "azione.presenti", "parametri.elenco"), corpo)
  .map(([q, x, l, c]) => `${q} ${x} in ${l} (${c.replace(/@/g, x)})`);

const { cond } = fc.letrec<{ cond: string }>((tie) => ({
  cond: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atomo,
    quantificato,
    fc.tuple(tie("cond"), fc.constantFrom(" e ", " o "), tie("cond")).map(([a, c, b]) => `${a}${c}${b}`),
    tie("cond").map((c) => `(${c})`),
    tie("cond").map((c) => `non (${c})`),
  ),
}));

const testo = fc.constantFrom('"Il mediatore è designato."', '"Testo con \\"virgolette\\" e\nun a capo"', '"…non superiore ad € 25.000,00."');
const commento = fc.constantFrom("# nota", "# AMBIGUO: lettura scelta", "#");
const sep = fc.constantFrom(" ", "\n", "\n      ", "   ", "\n\t");

const dichiarazione = (n: string): fc.Arbitrary<string[]> =>
  fc.oneof(
    fc.tuple(azione, fc.option(cond), fc.oneof(cond.map((c) => `richiede ${c}`), fc.constant("vieta")), fc.option(testo)).map(([a, q, r, t]) =>
      [`vincolo ${n}:`, `per ${a}`, ...(q ? [`quando ${q}`] : []), r, ...(t ? [`motivo ${t}`] : [])]),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom("giorni", "giorni lavorativi", "mesi", "giorno"), azione, fc.boolean(), fc.boolean()).map(([q, u, a, s, c]) =>
      [`termine ${n}:`, `entro ${q} ${u} da ${a}`, `per ${a}`, ...(s ? ["salvo accordo delle parti"] : []), ...(c ? ["ciascuna parte", "in mancanza proposta_rifiutata"] : [])]),
    fc.tuple(fc.option(cond), fc.boolean()).map(([q, fisso]) =>
      [`tariffa ${n} iva 22%:`, ...(q ? [`quando ${q}`] : []), ...(fisso ? ["10 €"] : ["fino a 1.000 €: 40 €", "fino a 50.000 €: 0,20 % del valore", "oltre: da determinare", "indeterminato: come valore 50.000 €"])]),
    // the constructs added later: a term on a date fact, a length a fact may set, a count, solidale, compenso
    fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom("da", "prima di"), fc.boolean()).map(([q, v, o]) =>
      [`termine ${n}:`, `entro ${q} mesi${o ? " o formulazione_proposta.termine_giorni" : ""} ${v} termine_deposito_giudice`, "senza sospensione"]),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom("entro", "non oltre"), azione).map(([q, f, a]) =>
      [`termine ${n}:`, `non prima di 1 giorno o parametri.minimo e ${f} ${q} giorni o ${a}.termine_giorni da ${a}.data_ricezione`]),
    fc.tuple(fc.option(cond), fc.constantFrom("per ciascuna parte invitata", "quantita numero_invitate", "quantità parte.copie")).map(([q, k]) =>
      [`tariffa ${n} iva 22%:`, ...(q ? [`quando ${q}`] : []), k, "10 €"]),
    fc.tuple(fc.option(cond), fc.constantFrom("solidale", "compenso"), fc.constantFrom("60%", "un terzo", "€ 50", "la metà")).map(([q, k, m]) =>
      k === "solidale" ? [`solidale ${n}:`, "su spese_mediazione, spese_avvio", ...(q ? [`quando ${q}`] : [])] : [`compenso ${n}:`, `di ${m}`, "su spese_mediazione", ...(q ? [`quando ${q}`] : [])]),
    fc.tuple(fc.constantFrom("effetto", "insieme", "visibilita"), cond).map(([k, c]) =>
      k === "effetto" ? [`effetto ${n}:`, `quando ${c}`] : k === "insieme" ? [`insieme ${n}:`, `parti di adesione se ${c}, richiesta_proposta`] : [`visibilita ${n}:`, "documenti sessione_separata visibili a depositante, mediatore"]),
  );

/** A whole file: unique rule names, random units, comments and layout. */
const file = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom("articolo", "comma", "lettera"), fc.integer({ min: 1, max: 12 }), fc.option(testo), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 })), { minLength: 1, maxLength: 6 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 4 }),
    fc.array(sep, { minLength: 1, maxLength: 5 }),
  )
  .chain(([unita, _, seps]) => {
    const corpi = unita.flatMap(([, , , ds]) => ds);
    return fc.tuple(fc.constant(unita), fc.tuple(...corpi.map((_, i) => nome.chain((n) => dichiarazione(`${n}_${i}`)))), fc.constant(seps), fc.array(commento, { maxLength: 3 }));
  })
  .map(([unita, dichiarazioni, seps, commenti]) => {
    const righe = [`regolamento prova "Prova"`, "versione 1 in vigore dal 2026-01-01"];
    let articolo = false;
    let d = 0;
    unita.forEach(([u, num, t, ds], i) => {
      // a comma needs an articolo before it; a lettera may stand alone only before the first articolo
      const tipo = u === "comma" && !articolo ? "articolo" : u === "lettera" && !articolo ? "lettera" : u;
      if (tipo === "articolo") articolo = true;
      const lettera = tipo === "lettera" ? String.fromCharCode(97 + (num % 6)) : String(num);
      righe.push(`${tipo} ${lettera}${t ? ` ${t}` : ""}${i % 2 && commenti[0] ? ` ${commenti[0]}` : ""}`);
      for (let k = 0; k < ds.length; k++) righe.push(...dichiarazioni[d++]!);
      if (commenti[i % 3]) righe.push(commenti[i % 3]!);
    });
    return righe.map((r, i) => (i === 0 ? r : seps[i % seps.length]! + r)).join("\n");
  });

describe("generated valid regolamenti", () => {
  it("compile without syntax errors, format idempotently, and keep their meaning", () => {
    fc.assert(
      fc.property(file, (src) => {
        const prima = compile(src);
        expect(prima.diagnostics.filter((d) => d.code === "E001")).toEqual([]);
        const f = format(src);
        expect(f.text).toBeDefined();
        expect(format(f.text!).text).toBe(f.text);
        const dopo = compile(f.text!);
        expect(senzaRighe(dopo.regolamento)).toEqual(senzaRighe(prima.regolamento));
        expect(dopo.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(prima.diagnostics.map((d) => `${d.code} ${d.message}`));
      }),
      { numRuns: 150 },
    );
  });
});
