// Conformity to the law while typing (issue 13 § 6): Napoli's first meeting moved to 60 days shows
// an error marker on the rule, the counterexample in its hover, and the "Conformità" panel lists it.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { apriChromium, fotografa, type Sessione } from "./chromium.ts";
import { apriEditor, editorEl, sorvola } from "./aiuti.ts";

const url = inject("url");
let s: Sessione;
let p: Page & { erroriConsole: string[] };
let originale: string;

beforeAll(async () => {
  s = await apriChromium();
  p = await s.pagina();
  await apriEditor(p, url, "napoli");
  originale = await p.evaluate((sel) => (eval(sel) as { testo: string }).testo, editorEl());
});

afterAll(async () => {
  await s?.chiudi();
});

describe("conformità nell'editor", () => {
  it("il primo incontro a 60 giorni: errore sulla regola, controesempio nel sorvolo, pannello Conformità", async () => {
    const rotto = originale.replace("non prima di 20 giorni e non oltre 40 giorni da deposito_domanda\n      per fissazione_primo_incontro.data_incontro", "non prima di 20 giorni e non oltre 60 giorni da deposito_domanda\n      per fissazione_primo_incontro.data_incontro");
    expect(rotto).not.toBe(originale);
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), rotto] as const);
    const voce = p.locator("regolamento-editor section.conformita li.error", { hasText: "C001" }).first();
    await voce.waitFor({ timeout: 30_000 });
    expect(await voce.innerText()).toMatch(/primo_incontro_20_40[\s\S]*controesempio: .*regolamento: consentito; legge: negato/);
    await fotografa(p, "editor-conformita");
    // The panel reveals the rule; its line carries Monaco's error squiggle with the counterexample in the hover.
    await voce.click();
    const riga = p.locator("regolamento-editor .view-lines .view-line", { hasText: "termine primo_incontro_20_40" }).first();
    await riga.waitFor({ timeout: 10_000 });
    await p.locator("regolamento-editor .squiggly-error").first().waitFor({ timeout: 10_000 });
    await sorvola(p, riga.locator("span", { hasText: "primo_incontro_20_40" }).last());
    await p.locator("regolamento-editor .monaco-hover", { hasText: "Controesempio" }).first().waitFor({ timeout: 15_000 });
  });

  it("il testo pubblicato: nessun errore di conformità nel pannello per il primo incontro", async () => {
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), originale] as const);
    await p.waitForFunction(() => {
      const ed = (document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as HTMLElement).shadowRoot!;
      return ed.querySelector("section.conformita") !== null && !ed.querySelector("section.conformita")!.textContent!.includes("C001");
    }, undefined, { timeout: 30_000 });
    // Napoli's published text still shows its warnings (each sostituisce of a law rule).
    expect(await p.locator("regolamento-editor section.conformita li", { hasText: "C010" }).count()).toBeGreaterThan(0);
  });
});
