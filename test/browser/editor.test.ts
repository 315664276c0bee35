// The editor on a seed regolamento: an error typed shows a marker with its message and goes away
// when fixed; completion offers keywords; the outline reveals an article; hover explains a rule;
// a draft is saved and published with the responsabile's key.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { apriChromium, fotografa, type Sessione } from "./chromium.ts";
import { format } from "../../dsl/index.ts";
import { apriEditor, conVersione, creaChiave, editorEl, organismi, sorvola, versione } from "./aiuti.ts";

const url = inject("url");
const chiaveAdmin = inject("chiaveAdmin");
let s: Sessione;
let p: Page & { erroriConsole: string[] };
let organismo: string;
let originale: string;

const stato = () => p.locator("regolamento-editor .stato").innerText();
// Predicates of waitForFunction run as page script, under the page's CSP (no eval): they find the
// editor without `eval(editorEl())`.
const errori = async () => Number(/(\d+) error[ei]/.exec(await stato())?.[1]);

beforeAll(async () => {
  const os = await organismi(url);
  organismo = (os.find((o) => o.id === "velletri") ?? os.find((o) => o.versione_in_vigore) ?? os[0])!.id;
  s = await apriChromium();
  p = await s.pagina();
  await apriEditor(p, url, organismo);
  originale = await p.evaluate((sel) => (eval(sel) as { testo: string }).testo, editorEl());
});

afterAll(async () => {
  await s?.chiudi();
});

describe("editor", () => {
  it("is served with a Content-Security-Policy that Monaco works under (no violation in the console: see the last test)", async () => {
    const csp = (await fetch(url)).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  it("opens a seed regolamento with its outline, checked in the browser against its baselines", async () => {
    expect(await p.locator("regolamento-editor .view-lines").innerText()).toContain("regolamento");
    await p.locator("regolamento-editor nav li.articolo").first().waitFor({ timeout: 10_000 });
    expect(await errori()).toBe(0);
  });

  it("shows a marker with its message for an error typed, and removes it when fixed", async () => {
    await p.locator("regolamento-editor .view-lines").click();
    await p.keyboard.press("Control+End");
    await p.keyboard.press("Enter");
    await p.keyboard.type("vincolo prova_errore: vieta per azione_inesistente", { delay: 5 });
    const problema = p.locator("regolamento-editor .problemi li.error", { hasText: "azione_inesistente" });
    await problema.waitFor({ timeout: 15_000 });
    expect(await problema.innerText()).toMatch(/E010/);
    await p.locator("regolamento-editor .squiggly-error").first().waitFor({ timeout: 15_000 });
    await fotografa(p, "editor-errore");
    // Hovering the squiggle shows the message in Monaco's own hover.
    await sorvola(p, p.locator("regolamento-editor .view-lines span", { hasText: /azione_inesistente$/ }).last());
    await p.locator("regolamento-editor .monaco-hover", { hasText: "azione_inesistente" }).first().waitFor({ timeout: 15_000 });

    await p.locator("regolamento-editor .view-lines").click();
    await p.keyboard.press("Control+End");
    await p.keyboard.press("Control+Shift+ArrowLeft");
    await p.keyboard.type("designazione_mediatore", { delay: 5 });
    await p.waitForFunction(
      () => !(document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as HTMLElement).shadowRoot!.querySelector(".problemi")!.textContent!.includes("azione_inesistente"),
      undefined,
      { timeout: 15_000 },
    );
    await p.waitForFunction(() => (document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as HTMLElement).shadowRoot!.querySelectorAll(".squiggly-error").length === 0, undefined, { timeout: 15_000 });
    expect(await errori()).toBe(0);
  });

  it("completes a keyword", async () => {
    await p.locator("regolamento-editor .view-lines").click();
    await p.keyboard.press("Control+End");
    await p.keyboard.press("Enter");
    await p.keyboard.type("eccez", { delay: 5 });
    await p.keyboard.press("Control+Space");
    const voce = p.locator("regolamento-editor .suggest-widget .monaco-list-row", { hasText: "eccezione" }).first();
    await voce.waitFor({ timeout: 15_000 });
    await fotografa(p, "editor-completamento");
    await voce.click();
    const riga = await p.evaluate((sel) => {
      const ed = (eval(sel) as { editor: { getModel(): { getLineContent(n: number): string; getLineCount(): number } } }).editor;
      const m = ed.getModel();
      return m.getLineContent(m.getLineCount());
    }, editorEl());
    expect(riga.trim()).toBe("eccezione");
    // Back to the seed's text for the next steps.
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), originale] as const);
    await p.waitForFunction(() => /^0 errori/.test((document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as HTMLElement).shadowRoot!.querySelector(".stato")!.textContent!.trim()), undefined, { timeout: 15_000 });
  });

  it("formats the document with the language's formatter", async () => {
    // Indentation is not significant: flatten it and let the formatter restore the canonical form.
    const piatto = originale.split("\n").map((r) => r.trimStart()).join("\n");
    const atteso = format(piatto).text;
    expect(atteso).toBeDefined();
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), piatto] as const);
    await p.locator("regolamento-editor button", { hasText: "Formatta" }).click();
    await p.waitForFunction((t) => (document.querySelector("app-regolamenti")!.shadowRoot!.querySelector("regolamento-editor") as unknown as { testo: string }).testo === t, atteso, { timeout: 15_000 });
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), originale] as const);
  });

  it("completes the fields of a fact after a dot", async () => {
    await p.locator("regolamento-editor .view-lines").click();
    await p.keyboard.press("Control+End");
    await p.keyboard.press("Enter");
    await p.keyboard.type("quando mediatore.", { delay: 5 });
    const voce = p.locator("regolamento-editor .suggest-widget .monaco-list-row", { hasText: "categoria" }).first();
    await voce.waitFor({ timeout: 15_000 });
    expect(await p.locator("regolamento-editor .suggest-widget .monaco-list-row", { hasText: "vincolo" }).count()).toBe(0);
    await p.keyboard.press("Escape");
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), originale] as const);
  });

  it("reveals an article from the outline", async () => {
    const voci = p.locator("regolamento-editor nav li.articolo button");
    const n = await voci.count();
    const ultima = voci.nth(n - 1);
    const titolo = await ultima.innerText();
    await ultima.click();
    const { riga, testo } = await p.evaluate((sel) => {
      const ed = (eval(sel) as { editor: { getPosition(): { lineNumber: number }; getModel(): { getLineContent(n: number): string } } }).editor;
      const r = ed.getPosition().lineNumber;
      return { riga: r, testo: ed.getModel().getLineContent(r) };
    }, editorEl());
    expect(testo).toMatch(/articolo/);
    expect(titolo).toContain(/articolo\s+(\d+)/.exec(testo)![1]!);
    // Monaco renders only the visible lines: the article's line is among them after the click.
    await p.locator("regolamento-editor .view-lines", { hasText: testo.trim().slice(0, 20) }).waitFor({ timeout: 5000 });
    expect(riga).toBeGreaterThan(1);
    // The outline marks the entry where the cursor is.
    expect(await p.locator("regolamento-editor nav li.corrente").innerText()).toBe(titolo);
  });

  it("explains a rule on hover: its citation, the comma's words and what it does", async () => {
    const ir = (await versione(url, organismo, (await organismi(url)).find((o) => o.id === organismo)!.versione_in_vigore!)).ir!;
    const regola = ir.regole.find((r) => r.riga !== undefined && r.tipo === "termine") ?? ir.regole.find((r) => r.riga !== undefined)!;
    await p.evaluate(([sel, riga]) => (eval(sel as string) as { editor: { revealLineInCenter(n: number): void } }).editor.revealLineInCenter(riga as number), [editorEl(), regola.riga] as const);
    const parola = p.locator("regolamento-editor .view-lines span", { hasText: new RegExp(`^${regola.nome}$`) }).first();
    await sorvola(p, parola);
    const hover = p.locator("regolamento-editor .monaco-hover", { hasText: "art." }).first();
    try {
      await hover.waitFor({ timeout: 15_000 });
    } finally {
      await fotografa(p, "editor-hover");
    }
    expect(await hover.innerText()).toContain(regola.nome);
    await fotografa(p, "editor-hover");
  });

  it("saves a draft and publishes it with the responsabile's key", async () => {
    const chiave = await creaChiave(url, chiaveAdmin, organismo);
    await p.evaluate(([sel, t]) => ((eval(sel as string) as { testo: string }).testo = t as string), [editorEl(), conVersione(originale, "prova-browser", "2030-01-01")] as const);
    // Without a key the interface refuses and says why, before any request.
    await p.locator("regolamento-editor button.salva").click();
    await p.locator("regolamento-editor .messaggio.errore", { hasText: "serve la chiave" }).waitFor({ timeout: 5000 });
    await p.locator("regolamento-editor input[type=password]").fill(chiave);
    await p.locator("regolamento-editor input[type=password]").dispatchEvent("change");
    await p.locator("regolamento-editor button.salva").click();
    await p.locator("regolamento-editor .messaggio.ok", { hasText: "Bozza prova-browser salvata" }).waitFor({ timeout: 20_000 });
    // A second save of the same draft updates it (PUT): Ctrl+S from the editor.
    await p.evaluate((sel) => {
      const ed = (eval(sel) as { editor: { getModel(): { getLineCount(): number; getLineMaxColumn(n: number): number }; setPosition(p: object): void; focus(): void } }).editor;
      const m = ed.getModel();
      ed.setPosition({ lineNumber: m.getLineCount(), column: m.getLineMaxColumn(m.getLineCount()) });
      ed.focus();
    }, editorEl());
    await p.keyboard.type("\n# modifica di prova\n", { delay: 2 });
    await p.keyboard.press("Control+s");
    await expect.poll(async () => {
      const r = await fetch(`${url}/v1/organismi/${organismo}/regolamenti/prova-browser`, { headers: { authorization: `Bearer ${chiave}` } });
      return ((await r.json()) as { sorgente: string }).sorgente.includes("# modifica di prova");
    }, { timeout: 20_000 }).toBe(true);
    await p.locator("regolamento-editor button.pubblica:not([disabled])").click();
    await p.locator("regolamento-editor .messaggio.ok", { hasText: "pubblicata" }).waitFor({ timeout: 20_000 });
    const r = await fetch(`${url}/v1/organismi/${organismo}/regolamenti/prova-browser`);
    expect(((await r.json()) as { stato: string }).stato).toBe("pubblicata");
    expect(await p.evaluate(() => sessionStorage.getItem("regolamenti.chiave"))).toBe(chiave);
    await fotografa(p, "editor");
  });

  it("logs no errors in the console", () => {
    expect(p.erroriConsole).toEqual([]);
  });
});
