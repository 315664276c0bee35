// The worker thread of the analysis pool (analisi.ts): parses, checks, compiles and formats sources
// off the server's event loop. Pure: what it gets in, what it gives back (structured clone).
import { motore } from "../engine-adapter.ts";
import type { Regolamento } from "../engine-adapter.ts";

export type Compito =
  | { op: "intestazione"; sorgente: string }
  | { op: "check"; sorgente: string; basi: Regolamento[] }
  | { op: "compile"; sorgente: string; basi: Regolamento[] }
  | { op: "format"; sorgente: string };

const m = await motore();

export default function esegui(c: Compito): unknown {
  switch (c.op) {
    case "intestazione":
      return m.readHeader(c.sorgente) ?? null;
    case "check":
      return m.check(c.sorgente, c.basi);
    case "compile":
      return m.compile(c.sorgente, c.basi);
    case "format":
      return m.format(c.sorgente);
  }
}
