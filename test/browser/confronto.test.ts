// The comparison view: the topic × organismo matrix, a case run in the simulator with every
// organismo (one answer each, side by side), and the fee chart drawn from the engine's answers.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { apriChromium, fotografa, type Sessione } from "./chromium.ts";
import { organismi } from "./aiuti.ts";

const url = inject("url");
let s: Sessione;
let p: Page & { erroriConsole: string[] };
let ids: string[];

beforeAll(async () => {
  ids = (await organismi(url)).map((o) => o.id);
  s = await apriChromium();
  p = await s.pagina();
});

afterAll(async () => {
  await s?.chiudi();
});

describe("confronto", () => {
  it("shows the matrix with one column per organismo", async () => {
    await p.goto(`${url}/#/confronto`);
    await p.locator("regolamento-confronto table.matrice tbody tr").first().waitFor({ timeout: 30_000 });
    const colonne = await p.locator("regolamento-confronto table.matrice thead th").allInnerTexts();
    expect(colonne.slice(1).sort()).toEqual([...ids].sort());
    expect(await p.locator("regolamento-confronto table.matrice tbody tr").count()).toBeGreaterThan(3);
  });

  it("runs a case with every organismo and shows every answer side by side", async () => {
    // The preset: a mediator in training designated on a € 30.000 dispute.
    await p.locator("regolamento-confronto select[name=esempio]").selectOption({ index: 2 });
    expect(await p.locator("regolamento-confronto input[name=valore]").inputValue()).toBe("30000");
    await p.locator("regolamento-confronto button.simula").click();
    const risposte = p.locator("esito-risposta");
    await risposte.first().waitFor({ timeout: 30_000 });
    expect(await risposte.count()).toBe(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const r = risposte.nth(i);
      expect(await r.locator(".esito").innerText()).toMatch(/consentito|negato/i);
      expect(await r.locator("table.indennita").innerText()).toMatch(/totale procedimento/);
      expect(await r.locator("linea-temporale svg g.evento").count()).toBe(2); // deposito + the action asked
    }
    // A denial shows the rule's citation and words; Velletri's art. 5 c. 4 limits praticanti to € 25.000.
    for (const r of await risposte.all()) {
      if (!/negato/i.test(await r.locator(".esito").innerText())) continue;
      expect(await r.locator("ul.motivi .cita").first().innerText()).toMatch(/^art\. /);
    }
    if (ids.includes("velletri")) {
      const v = p.locator('esito-risposta[data-organismo="velletri"]');
      expect(await v.locator(".esito").innerText()).toMatch(/negato/i);
      expect(await v.locator("ul.motivi").innerText()).toContain("art. 5 c. 4");
      // Tall enough that the whole card is on screen, under the page header.
      await p.setViewportSize({ width: 1400, height: 1800 });
      await v.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await v.screenshot({ path: "test-results/screenshots/confronto-negato.png" });
      await p.setViewportSize({ width: 1400, height: 900 });
    }
    // The case asked: each organismo's fee for party A at 30.000 € is there, and they are numbers.
    const totali = await risposte.locator("table.indennita tr.totale").allInnerTexts();
    expect(totali.some((t) => /\d+,\d\d\s*€/.test(t))).toBe(true);
    await risposte.first().scrollIntoViewIfNeeded();
    await fotografa(p, "confronto");
    await risposte.first().locator("linea-temporale").scrollIntoViewIfNeeded();
    await risposte.first().screenshot({ path: "test-results/screenshots/linea-temporale.png" });
  });

  it("answers in the browser, with the same engine, when the server cannot be reached", async () => {
    const online = await p.locator("esito-risposta .esito").allInnerTexts();
    await p.route("**/v1/compare", (r) => r.abort("internetdisconnected"));
    try {
      await p.locator("regolamento-confronto button.simula").click();
      await p.locator("regolamento-confronto p.offline").waitFor({ timeout: 30_000 });
      expect(await p.locator("regolamento-confronto p.offline").innerText()).toMatch(/calcolate nel browser/);
      expect(await p.locator("esito-risposta .esito").allInnerTexts()).toEqual(online);
      if (ids.includes("velletri")) expect(await p.locator('esito-risposta[data-organismo="velletri"] ul.motivi').innerText()).toContain("art. 5 c. 4");
    } finally {
      await p.unroute("**/v1/compare");
    }
    // The refused request is the only console error this test causes.
    p.erroriConsole.splice(0, p.erroriConsole.length, ...p.erroriConsole.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)));
    await p.locator("regolamento-confronto button.simula").click();
    await p.locator("regolamento-confronto p.offline").waitFor({ state: "detached", timeout: 30_000 });
  });

  it("draws the fee per party against the dispute value for every organismo", async () => {
    await p.goto(`${url}/#/grafici`);
    const linee = p.locator("grafico-indennita path.serie");
    await linee.first().waitFor({ timeout: 60_000 });
    await p.waitForFunction((n) => {
      const g = document.querySelector("app-regolamenti")?.shadowRoot?.querySelector("grafico-indennita");
      return (g?.shadowRoot?.querySelectorAll("path.serie").length ?? 0) >= n;
    }, ids.length, { timeout: 60_000 });
    // Fees grow with the value: each line ends no lower than it starts.
    const percorsi = await linee.evaluateAll((ps) => ps.map((x) => x.getAttribute("d") ?? ""));
    for (const d of percorsi) {
      const ys = [...d.matchAll(/[MV][\d.]+,?([\d.]+)?/g)].map((m) => Number(m[0].startsWith("M") ? m[1] : m[0].slice(1)));
      expect(ys.at(-1)!).toBeLessThanOrEqual(ys[0]!);
    }
    const legenda = (await p.locator("grafico-indennita .legenda text").allTextContents()).map((t) => t.replace(/ \*$/, ""));
    expect(legenda.sort()).toEqual([...ids].sort());
    // A line that lacks amounts the text does not give is marked, and the note names the voci.
    const parziali = await p.locator("grafico-indennita path.serie.parziale").count();
    if (parziali > 0) expect(await p.locator("grafico-indennita p.note").innerText()).toMatch(/Importo parziale/);
    await fotografa(p, "grafico");
    // Stopping the procedure after the first exchange: the mediation fees are no longer due, the lines move.
    await p.locator("grafico-indennita select[name=tappa]").selectOption("avvio");
    await p.waitForFunction((prima) => {
      const g = document.querySelector("app-regolamenti")?.shadowRoot?.querySelector("grafico-indennita");
      const ora = [...(g?.shadowRoot?.querySelectorAll("path.serie") ?? [])].map((x) => x.getAttribute("d"));
      return ora.length > 0 && ora.join() !== prima.join();
    }, percorsi, { timeout: 60_000 });
  });

  it("logs no errors in the console", () => {
    expect(p.erroriConsole).toEqual([]);
  });
});
