// What the browser tests share: calls to the API (keys, versions) and waits on the editor page.
import type { Page } from "playwright-core";

export async function creaChiave(url: string, chiaveAdmin: string, organismo: string, ruolo = "responsabile"): Promise<string> {
  const r = await fetch(`${url}/v1/chiavi`, {
    method: "POST",
    headers: { authorization: `Bearer ${chiaveAdmin}`, "content-type": "application/json" },
    body: JSON.stringify({ organismo, ruolo }),
  });
  if (!r.ok) throw new Error(`chiave: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { chiave: string }).chiave;
}

export async function organismi(url: string): Promise<{ id: string; nome: string; versione_in_vigore: string | null }[]> {
  return (await fetch(`${url}/v1/organismi`)).json() as Promise<{ id: string; nome: string; versione_in_vigore: string | null }[]>;
}

export async function versione(url: string, organismo: string, v: string): Promise<{ sorgente: string; ir: { regole: { nome: string; tipo: string; riga?: number }[] } | null }> {
  const r = await fetch(`${url}/v1/organismi/${organismo}/regolamenti/${encodeURIComponent(v)}`);
  if (!r.ok) throw new Error(`versione: ${r.status} ${await r.text()}`);
  return r.json() as Promise<{ sorgente: string; ir: { regole: { nome: string; tipo: string; riga?: number }[] } | null }>;
}

/** Creates and publishes a version through the API. */
export async function pubblicaVersione(url: string, chiave: string, organismo: string, sorgente: string, v: string): Promise<void> {
  const h = { authorization: `Bearer ${chiave}`, "content-type": "application/json" };
  const c = await fetch(`${url}/v1/organismi/${organismo}/regolamenti`, { method: "POST", headers: h, body: JSON.stringify({ sorgente }) });
  if (!c.ok) throw new Error(`bozza: ${c.status} ${await c.text()}`);
  const p = await fetch(`${url}/v1/organismi/${organismo}/regolamenti/${encodeURIComponent(v)}/pubblica`, { method: "POST", headers: h });
  if (!p.ok) throw new Error(`pubblica: ${p.status} ${await p.text()}`);
}

/** Replaces the version in the header of a source (`versione X in vigore dal D`). */
export function conVersione(sorgente: string, versione: string, dal: string): string {
  return sorgente.replace(/versione\s+("[^"]*"|\S+)\s+in\s+vigore\s+dal\s+\d{4}-\d{2}-\d{2}/, `versione "${versione}" in vigore dal ${dal}`);
}

/** Opens the editor on an organismo and waits for its text and its first diagnostics. */
export async function apriEditor(p: Page, url: string, organismo: string): Promise<void> {
  await p.goto(`${url}/#/editor/${organismo}`);
  await p.locator("regolamento-editor .view-lines").first().waitFor();
  await p.waitForFunction(() => {
    const ed = document.querySelector("app-regolamenti")?.shadowRoot?.querySelector("regolamento-editor");
    return !!ed && (ed as unknown as { testo: string }).testo.length > 0 && !!ed.shadowRoot?.querySelector(".stato")?.textContent?.includes("verificato");
  }, undefined, { timeout: 60_000 });
}

/** Runs a function on the page's <regolamento-editor>. */
export function editorEl(): string {
  return `document.querySelector("app-regolamenti").shadowRoot.querySelector("regolamento-editor")`;
}

/** Moves the mouse onto an element in a few steps: Monaco's hover needs real mouse movement. */
export async function sorvola(p: Page, selettore: ReturnType<Page["locator"]>): Promise<void> {
  const b = await selettore.boundingBox();
  if (!b) throw new Error("elemento non visibile");
  await p.mouse.move(b.x + 2, b.y + b.height / 2);
  await p.mouse.move(b.x + Math.min(10, b.width / 2), b.y + b.height / 2, { steps: 4 });
}
