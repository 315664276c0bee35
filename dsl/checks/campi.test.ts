import { describe, expect, it } from "vitest";
import { check } from "../index.ts";
import { TESTA } from "../test-utils.ts";

const diag = (src: string) => check(TESTA + src).filter((d) => d.code === "E017").map((d) => `${d.severity}:${d.line}:${d.col}: ${d.message}`);

describe("E017: campi delle azioni, per azione", () => {
  it("azione.mezo in una regola su risposta_proposta: forse intendevi mezzo", () => {
    expect(diag(`vincolo v: per risposta_proposta richiede azione.mezo = pec\n`)).toEqual(["warning:3:50: campo 'mezo' non previsto per risposta_proposta: forse intendevi 'mezzo'?"]);
  });
  it("un campo di un'altra azione: <azione>.campo è controllato su quella", () => {
    expect(diag(`vincolo v: per adesione richiede verbale.tpo = accordo\n`)).toEqual(["warning:3:42: campo 'tpo' non previsto per verbale: forse intendevi 'tipo'?"]);
    expect(diag(`vincolo v: per adesione richiede verbale.tipo = accordo e primo_incontro.esito = prosecuzione\n`)).toEqual([]);
    // `esito` belongs to primo_incontro, not to adesione
    expect(diag(`vincolo v: per adesione richiede azione.esito = accordo\n`)[0]).toContain("campo 'esito' non previsto per adesione");
  });
  it("un'azione che il file definisce da sé ha i campi che il file le dà", () => {
    expect(diag(`azione sopralluogo: da mediatore\nvincolo v: per sopralluogo richiede azione.luogo = sede\n`)).toEqual([]);
  });
});
