import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bloccaCartella, ErroreAvvio, FILE_BLOCCO } from "./blocco.ts";

const cartelle: string[] = [];
afterEach(() => {
  for (const c of cartelle.splice(0)) rmSync(c, { recursive: true, force: true });
});
const cartella = () => {
  const c = mkdtempSync(join(tmpdir(), "blocco-"));
  cartelle.push(c);
  return c;
};

describe("blocco della cartella dei dati", () => {
  it("preso, scritto col pid, rilasciato", () => {
    const dir = cartella();
    const b = bloccaCartella(dir);
    expect(readFileSync(join(dir, FILE_BLOCCO), "utf8").trim()).toBe(String(process.pid));
    b.rilascia();
    expect(existsSync(join(dir, FILE_BLOCCO))).toBe(false);
  });

  it("un processo vivo lo tiene: rifiutato con un messaggio che dice cosa fare", () => {
    const dir = cartella();
    // pid 1 is always alive
    writeFileSync(join(dir, FILE_BLOCCO), "1\n");
    expect(() => bloccaCartella(dir)).toThrow(ErroreAvvio);
    expect(() => bloccaCartella(dir)).toThrow(/già usata da un altro server \(pid 1\).*\n.*REGOLAMENTO_DATA/);
  });

  it("un blocco di un processo morto è ripreso", () => {
    const dir = cartella();
    writeFileSync(join(dir, FILE_BLOCCO), "999999999\n");
    const b = bloccaCartella(dir);
    expect(b.ripresoDa).toBe(999999999);
    b.rilascia();
  });
});
