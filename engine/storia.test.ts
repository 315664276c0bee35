// The history's lookups (storia.ts) against the scans they replace, on long random histories (the
// lookups scan a short history and read an index beyond): the last event of an action, of an
// action for a party, a document, and what is derived of the whole history.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Storia } from "./storia.ts";
import { graduatoriaCandidati } from "./graduatoria.ts";
import type { Azione } from "./contract.ts";

const AZIONI = ["adesione", "deposito_documento", "richiesta_proposta", "deposito_domanda", "primo_incontro", "comunicazione_lista_candidati", "preferenze_candidati", "determinazione_valore"];
const PARTI = ["A", "B", "C"];
const evento = fc.record({
  azione: fc.constantFrom(...AZIONI),
  parte: fc.option(fc.constantFrom(...PARTI), { nil: undefined }),
  parti: fc.option(fc.subarray(PARTI), { nil: undefined }),
  documento: fc.option(fc.constantFrom("d1", "d2", 3), { nil: undefined }),
  richiesta_proposta: fc.option(fc.boolean(), { nil: undefined }),
  presenti: fc.option(fc.subarray(PARTI), { nil: undefined }),
  esito: fc.option(fc.constantFrom("mancata_partecipazione", "prosecuzione"), { nil: undefined }),
  valore_riferimento: fc.option(fc.constantFrom(100, 2000, -5, "x"), { nil: undefined }),
  candidati: fc.option(fc.constant([{ id: "m1", eta: 40 }, { id: "m2", eta: 41 }]), { nil: undefined }),
  ordine: fc.option(fc.shuffledSubarray(["m1", "m2"]), { nil: undefined }),
  annullato: fc.integer({ min: 0, max: 9 }).map((x) => (x === 0 ? { da: 1 } : undefined)), // one in ten voided
}, { requiredKeys: ["azione"] });

const diParte = (a: Azione, id: string) => (Array.isArray(a.parti) ? a.parti.includes(id) : a.parte === id);

describe("Storia: le ricerche sono le scansioni che sostituiscono", () => {
  it("storie casuali fino a 60 eventi, a ogni prefisso", () => {
    let lunghe = 0;
    fc.assert(fc.property(fc.array(evento, { minLength: 30, maxLength: 60 }), (grezzi) => {
      const lista: unknown[] = [];
      const st = new Storia(lista, true);
      for (const e of grezzi) {
        lista.push(e);
        st.allinea();
        lunghe = Math.max(lunghe, st.eventi.length);
        const ev = st.eventi.map((x) => x.a);
        expect(ev).toEqual(lista.filter((x) => !(x as Azione).annullato));
        for (const nome of AZIONI) {
          let u: number | undefined;
          for (let i = ev.length - 1; i >= 0; i--) if (ev[i]!.azione === nome) { u = i; break; }
          expect(st.ultimo(nome)).toBe(u);
          for (const id of PARTI) {
            let up: number | undefined;
            for (let i = ev.length - 1; i >= 0; i--) if (ev[i]!.azione === nome && diParte(ev[i]!, id)) { up = i; break; }
            expect(st.ultimoDi(nome, id)).toBe(up);
          }
        }
        for (const d of ["d1", "d2", 3, "d9", undefined]) {
          let doc: Azione | undefined;
          for (let i = ev.length - 1; i >= 0; i--) if (ev[i]!.azione === "deposito_documento" && d !== undefined && ev[i]!.documento === d) { doc = ev[i]; break; }
          expect(st.documento(d)).toBe(doc);
        }
        for (const id of PARTI) {
          const richiede = (a: Azione) => a.azione === "richiesta_proposta" || ((a.azione === "deposito_domanda" || a.azione === "adesione") && a.richiesta_proposta === true);
          expect(!!st.aderenti?.has(id)).toBe(ev.some((a) => a.azione === "adesione" && diParte(a, id)));
          expect(!!st.richiedenti?.has(id)).toBe(ev.some((a) => richiede(a) && diParte(a, id)));
        }
        const decisivi = ev.filter((a) => a.azione === "primo_incontro" && (Array.isArray(a.presenti) || a.esito === "mancata_partecipazione"));
        expect(st.primoIncontro).toBe(decisivi.at(-1));
        const valori = ev.filter((a) => a.azione === "determinazione_valore" && typeof a.valore_riferimento === "number" && a.valore_riferimento >= 0);
        expect(st.valore).toBe(valori.at(-1)?.valore_riferimento);
        expect(st.graduatoria()).toEqual(graduatoriaCandidati(st.eventi));
      }
    }), { numRuns: 40, seed: 912 });
    expect(lunghe).toBeGreaterThan(40); // the indexes were read, not only the scans
  });
});
