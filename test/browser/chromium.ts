// Debian's Chromium driven by playwright-core: never a downloaded browser, a fresh profile each
// launch, no network beyond loopback.
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = "/usr/bin/chromium";

export function chromiumPresente(): boolean {
  return existsSync(CHROMIUM);
}

export interface Sessione {
  contesto: BrowserContext;
  pagina(): Promise<Page & { erroriConsole: string[] }>;
  chiudi(): Promise<void>;
}

export async function apriChromium(): Promise<Sessione> {
  const profilo = mkdtempSync(join(tmpdir(), "chromium-profilo-"));
  // A persistent context is how playwright takes a user-data-dir: a fresh one per launch.
  const contesto = await chromium.launchPersistentContext(profilo, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
  return {
    contesto,
    async pagina() {
      const p = (await contesto.newPage()) as Page & { erroriConsole: string[] };
      p.erroriConsole = [];
      p.on("console", (m) => {
        if (m.type() === "error") p.erroriConsole.push(m.text());
      });
      p.on("pageerror", (e) => p.erroriConsole.push(String(e)));
      return p;
    },
    async chiudi() {
      await contesto.close();
      rmSync(profilo, { recursive: true, force: true });
    },
  };
}

export const CARTELLA_SCREENSHOT = "test-results/screenshots";

export async function fotografa(p: Page, nome: string): Promise<string> {
  mkdirSync(CARTELLA_SCREENSHOT, { recursive: true });
  const file = join(CARTELLA_SCREENSHOT, `${nome}.png`);
  await p.screenshot({ path: file });
  return file;
}
