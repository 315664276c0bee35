// One embedded database, one process: a lock file in the data folder, held for the process's life.
// PGlite is a single-process database: two servers on one folder would each see only their own
// writes and overwrite each other's files. A lock whose pid is no longer alive (kill -9, a crash)
// is stale and taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";

export const FILE_BLOCCO = "regolamenti.lock";

/** A start refused for a reason the operator can fix: main.ts prints the message, no stack trace. */
export class ErroreAvvio extends Error {}

export interface Blocco {
  file: string;
  /** The pid of the dead process whose stale lock was taken over, if any. */
  ripresoDa?: number;
  rilascia(): void;
}

function vivo(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function bloccaCartella(cartella: string): Blocco {
  const dir = resolve(cartella);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, FILE_BLOCCO);
  let ripresoDa: number | undefined;
  for (let tentativo = 0; ; tentativo++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || tentativo > 2) throw e;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (vivo(pid) && pid !== process.pid)
      throw new ErroreAvvio(
        `La cartella dei dati ${dir} è già usata da un altro server (pid ${pid}): PGlite ammette un solo processo per cartella.\n` +
          `  Ferma l'altro server, oppure avvia questo su un'altra cartella (REGOLAMENTO_DATA=…) o su Postgres (DATABASE_URL=…).`,
      );
    ripresoDa = Number.isInteger(pid) ? pid : undefined;
    try {
      unlinkSync(file);
    } catch {
      /* another process took it over first: the next openSync decides */
    }
  }
  let rilasciato = false;
  const rilascia = () => {
    if (rilasciato) return;
    rilasciato = true;
    process.off("exit", rilascia);
    try {
      if (Number.parseInt(readFileSync(file, "utf8"), 10) === process.pid) unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.on("exit", rilascia);
  return { file, ...(ripresoDa !== undefined ? { ripresoDa } : {}), rilascia };
}
