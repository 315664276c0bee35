// "A first run that works as written": every command in the fenced sh/bash blocks of README.md and
// docs/api.md is run as written, from the repository root, against a real server where it talks to
// one (`localhost:3000` is this test's server). A command is either run here or listed in ESCLUSI
// with the reason; a new command in the docs that is neither fails the test.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHIAVE_ADMIN } from "../../server/test-support/ambiente.ts";
import { RADICE } from "../../server/test-support/processo.ts";
import { avviaServerReale, type ServerReale } from "./server-reale.ts";

const esegui = promisify(execFile);

/** Commands not run here, and why. */
const ESCLUSI: Record<string, string> = {
  "npm ci && npm start": "npm ci reinstalla le dipendenze dal registro; il server che npm start avvia è quello che questo test avvia (il bundle di server/compila.ts con l'ambiente dello script start, senza ricompilare l'editor)",
  "npm test": "è la suite che contiene i test di questo progetto (.ci/run la esegue)",
  "npm run test:browser": "richiede Chromium (.ci/run la esegue)",
  "npm run bench -- --json": "misura per minuti le prestazioni (docs/prestazioni.md); non è una verifica",
  "bash .ci/run": "esegue tutto, questa suite compresa",
};

/** The commands of the ```sh / ```bash blocks: comments dropped, quoted newlines kept in one command. */
export function comandi(markdown: string): string[] {
  const out: string[] = [];
  for (const blocco of markdown.matchAll(/^```(?:sh|bash)\n([\s\S]*?)^```/gm)) {
    let corrente = "";
    for (const riga of blocco[1]!.split("\n")) {
      corrente = corrente ? `${corrente}\n${riga}` : riga;
      if ((corrente.match(/'/g) ?? []).length % 2 === 1 || corrente.endsWith("\\")) continue;
      const senzaCommento = corrente.replace(/\s+#.*$/s, (m) => ((m.match(/'/g) ?? []).length ? m : "")).trim();
      if (senzaCommento && !senzaCommento.startsWith("#")) out.push(senzaCommento);
      corrente = "";
    }
  }
  return out;
}

const documenti = ["README.md", "docs/api.md"].map((f) => ({ file: f, comandi: comandi(readFileSync(join(RADICE, f), "utf8")) }));

let s: ServerReale;
beforeAll(async () => {
  s = await avviaServerReale({ REGOLAMENTO_SEMI: join(RADICE, "regolamenti") });
});
afterAll(async () => {
  await s?.ferma();
});

describe("i comandi di README.md e docs/api.md funzionano come sono scritti", () => {
  it("ci sono comandi da provare in entrambi i file, e gli esempi che nominano esistono", () => {
    for (const d of documenti) expect(d.comandi.length, d.file).toBeGreaterThan(0);
    const tutti = documenti.flatMap((d) => d.comandi).join("\n");
    expect(tutti).toContain("examples/domanda.yaml");
    expect(tutti).toContain("examples/caso.yaml");
  });

  for (const { file, comandi: cs } of documenti)
    for (const comando of cs) {
      const motivo = ESCLUSI[comando];
      it.skipIf(motivo !== undefined)(`${file}: ${comando.split("\n")[0]!.slice(0, 90)}${motivo ? ` (non eseguito: ${motivo})` : ""}`, async () => {
        const host = new URL(s.url).host;
        const scritto = comando.replaceAll("localhost:3000", host);
        const r = await esegui("bash", ["-c", scritto], {
          cwd: RADICE,
          env: { ...process.env, REGOLAMENTO_ADMIN_KEY: CHIAVE_ADMIN, DATABASE_URL: "" },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 120_000,
        }).catch((e: { code?: number; stdout?: string; stderr?: string }) => ({ ...e, fallito: true as const }));
        expect("fallito" in r ? `uscita ${r.code}: ${r.stderr}${r.stdout?.slice(0, 2000)}` : "ok", comando).toBe("ok");
        if (/^curl /.test(comando)) expect(JSON.parse(r.stdout!)).not.toHaveProperty("errore");
      });
    }
});
