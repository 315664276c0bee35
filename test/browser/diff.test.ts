// The diff of two versions: a second version made through the API changes one term; the lawyer's
// list names the change, and a click reveals the rule in both texts.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { apriChromium, fotografa, type Sessione } from "./chromium.ts";
import { conVersione, creaChiave, organismi, pubblicaVersione, versione } from "./aiuti.ts";

const url = inject("url");
const chiaveAdmin = inject("chiaveAdmin");
let s: Sessione;
let p: Page & { erroriConsole: string[] };
let organismo: string;
let prima: string;
let nomeTermine: string;
let giorniPrima: number;
let rigaDopo: number;

const DOPO = "2031.1";

beforeAll(async () => {
  const os = await organismi(url);
  // An organismo whose text states a term in days, to change it.
  for (const o of os) {
    if (!o.versione_in_vigore) continue;
    const v = await versione(url, o.id, o.versione_in_vigore);
    const m = /(^[ \t]*termine[ \t]+([\p{L}_0-9]+)[^:\n"]*:\s*entro[ \t]+)(\d+)([ \t]+giorni)/mu.exec(v.sorgente);
    if (!m) continue;
    organismo = o.id;
    prima = o.versione_in_vigore;
    nomeTermine = m[2]!;
    giorniPrima = Number(m[3]);
    const sorgente = conVersione(v.sorgente.replace(m[0], `${m[1]}${giorniPrima + 5}${m[4]}`), DOPO, "2031-01-01");
    await pubblicaVersione(url, await creaChiave(url, chiaveAdmin, organismo), organismo, sorgente, DOPO);
    rigaDopo = (await versione(url, organismo, DOPO)).ir!.regole.find((r) => r.nome === nomeTermine)!.riga!;
    break;
  }
  expect(organismo, "nessun organismo con un termine in giorni").toBeDefined();
  s = await apriChromium();
  p = await s.pagina();
  await p.goto(`${url}/#/diff/${organismo}/${prima}/${DOPO}`);
});

afterAll(async () => {
  await s?.chiudi();
});

describe("diff", () => {
  it("lists the semantic change as a lawyer reads it", async () => {
    const voce = p.locator("regolamento-diff li.modifica", { hasText: nomeTermine });
    await voce.waitFor({ timeout: 30_000 });
    expect(await voce.innerText()).toContain(`${giorniPrima} → ${giorniPrima + 5} giorni`);
    // Monaco's diff editor marks the changed line on both sides.
    await p.locator("regolamento-diff .line-delete, regolamento-diff .char-delete").first().waitFor({ timeout: 30_000 });
    await p.locator("regolamento-diff .line-insert, regolamento-diff .char-insert").first().waitFor({ timeout: 30_000 });
  });

  it("reveals the change in both texts on click", async () => {
    await p.locator("regolamento-diff li.modifica", { hasText: nomeTermine }).click();
    const righe = await p.evaluate(() => {
      const el = document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-diff") as unknown as {
        diffEditor: { getOriginalEditor(): { getSelection(): { startLineNumber: number } }; getModifiedEditor(): { getSelection(): { startLineNumber: number } } };
      };
      return [el.diffEditor.getOriginalEditor().getSelection().startLineNumber, el.diffEditor.getModifiedEditor().getSelection().startLineNumber];
    });
    expect(righe[1]).toBe(rigaDopo);
    expect(righe[0]).toBeGreaterThan(1);
    await p.locator("regolamento-diff .modified-in-monaco-diff-editor .view-lines", { hasText: nomeTermine }).waitFor({ timeout: 5000 });
    await p.waitForTimeout(400);
    await fotografa(p, "diff");
  });

  it("compares two organismi", async () => {
    const altri = (await organismi(url)).filter((o) => o.id !== organismo && o.versione_in_vigore);
    if (altri.length === 0) return;
    const altro = altri[0]!;
    await p.goto(`${url}/#/diff/${organismo}/${prima}/${altro.versione_in_vigore}/${altro.id}`);
    await p.locator("regolamento-diff li.modifica").first().waitFor({ timeout: 30_000 });
    expect(await p.locator("regolamento-diff .riassunto").innerText()).toMatch(/\d+ modificate · \d+ aggiunte · \d+ rimosse/);
    expect(await p.locator("regolamento-diff select[aria-label='Altro organismo']").inputValue()).toBe(altro.id);
  });

  it("logs no errors in the console", () => {
    expect(p.erroriConsole).toEqual([]);
  });
});
