// The diff view on the organismo's past procedures (issue 13 § 5): a draft of Velletri that raises the
// spese di avvio and lowers the praticanti's ceiling, put to two procedures filed through the API; the
// Responsabile sees the act the draft would deny, the fee per procedure and the total per voce.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { apriChromium, fotografa, type Sessione } from "./chromium.ts";
import { conVersione, creaChiave, organismi, versione } from "./aiuti.ts";

const url = inject("url");
const chiaveAdmin = inject("chiaveAdmin");
const ORGANISMO = "velletri";
const BOZZA = "diffcasi-browser";
let s: Sessione;
let p: Page & { erroriConsole: string[] };
let pubblicata: string;
const pid: Record<string, string> = {};

const sp = (t: string) => t.replace(/\u00a0|\u202f/g, " ");

async function post(percorso: string, chiave: string, corpo: unknown): Promise<{ id: string; errori?: number }> {
  const r = await fetch(`${url}/v1/organismi/${ORGANISMO}${percorso}`, { method: "POST", headers: { authorization: `Bearer ${chiave}`, "content-type": "application/json" }, body: JSON.stringify(corpo) });
  if (r.status !== 201) throw new Error(`${percorso}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<{ id: string; errori?: number }>;
}

beforeAll(async () => {
  pubblicata = (await organismi(url)).find((o) => o.id === ORGANISMO)!.versione_in_vigore!;
  const segreteria = await creaChiave(url, chiaveAdmin, ORGANISMO, "segreteria");
  const responsabile = await creaChiave(url, chiaveAdmin, ORGANISMO);
  for (const [nome, valore, praticante] of [["avvocato", 30000, false], ["praticante", 20000, true]] as const) {
    pid[nome] = (await post("/procedimenti", segreteria, {
      materia: "condominio", valore, parti: [{ id: "A", ruolo: "istante" }, { id: "B", ruolo: "invitata" }],
      eventi: [
        { azione: "deposito_domanda", data: "2026-03-02", parte: "A" },
        ...(praticante ? [{ azione: "designazione_mediatore", data: "2026-03-03", mediatore: { id: "p1", categoria: "praticante_abilitato" } }] : []),
      ],
    })).id;
  }
  const originale = (await versione(url, ORGANISMO, pubblicata)).sorgente;
  const sorgente = conVersione(originale, BOZZA, "2032-01-01")
    .replace("      fino a 250.000 €: 40 €\n", "      fino a 250.000 €: 60 €\n")
    .replace("richiede esiste valore e valore <= 25.000 €", "richiede esiste valore e valore <= 15.000 €");
  expect(sorgente.match(/60 €|15\.000 €/g)?.length).toBe(2);
  expect((await post("/regolamenti", responsabile, { sorgente })).errori).toBe(0);
  s = await apriChromium();
  p = await s.pagina();
  // The responsabile's key, as the editor keeps it (sessionStorage), before the page loads.
  await p.addInitScript((k) => sessionStorage.setItem("regolamenti.chiave", k), responsabile);
  await p.goto(`${url}/#/diff/${ORGANISMO}/${pubblicata}/${BOZZA}`);
});

afterAll(async () => {
  await s?.chiudi();
});

describe("diff sui procedimenti", () => {
  it("the draft put to the organismo's procedures: the denied act, the fees, the total per voce", async () => {
    await p.locator("regolamento-diff li.modifica").first().waitFor({ timeout: 30_000 });
    await p.locator("diff-procedimenti button.prova").click();
    await p.locator("diff-procedimenti li.caso").first().waitFor({ timeout: 60_000 });
    expect(sp(await p.locator("diff-procedimenti .riassunto").innerText())).toMatch(/^\d+ procedimenti: \d+ cambiano, \d+ invariati$/);

    const praticante = p.locator(`diff-procedimenti li.caso[data-id="${pid.praticante}"]`);
    const testo = sp(await praticante.innerText());
    expect(testo).toContain("condominio · 20.000,00 € · depositato il 02/03/2026");
    expect(testo).toContain("designazione mediatore del 03/03/2026: consentito → negato");
    expect(await praticante.locator(".riga.esito .cita").innerText()).toBe("art. 5 c. 4");
    expect(testo).toContain("spese avvio (A): 40,00 € → 60,00 € (+20,00 €)");

    const avvocato = sp(await p.locator(`diff-procedimenti li.caso[data-id="${pid.avvocato}"]`).innerText());
    expect(avvocato).toContain("spese avvio (A): 40,00 € → 60,00 € (+20,00 €)");
    expect(avvocato).not.toContain("consentito → negato");

    // The total per voce: 20 € more for each istante of the two procedures (no other velletri procedure exists here).
    const totale = sp(await p.locator("diff-procedimenti table.totali tr.totale", { hasText: "spese avvio" }).innerText());
    expect(totale.split(/\s*\t\s*/)).toEqual(["spese avvio", "2", "+40,00 €"]);
    await fotografa(p, "diff-casi");
  });

  it("another pair of versions clears the answer", async () => {
    await p.locator("regolamento-diff select[aria-label='Versione di arrivo']").selectOption(pubblicata);
    await expect.poll(() => p.locator("diff-procedimenti li.caso").count(), { timeout: 10_000 }).toBe(0);
    await p.locator("diff-procedimenti button.prova").click();
    await p.locator("diff-procedimenti p.vuoto", { hasText: "Nessun procedimento cambia" }).waitFor({ timeout: 60_000 });
  });

  it("logs no errors in the console", () => {
    expect(p.erroriConsole).toEqual([]);
  });
});
