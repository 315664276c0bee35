// Builds a running server's parts from a configuration: database (migrated), seed, catalogue,
// credentials, app. main.ts adds the port; tests call it on an in-memory database.
import { creaApp } from "./app.ts";
import { chiaveAmministratore, controllaChiaveAdmin } from "./avvio/amministratore.ts";
import { bloccaCartella, ErroreAvvio } from "./avvio/blocco.ts";
import { semina, type EsitoSemina } from "./avvio/semina.ts";
import { Verificatore } from "./auth/verifica.ts";
import { Registro } from "./catalogo/registro.ts";
import type { Dipendenze } from "./contesto.ts";
import { openDatabase, type Where } from "./db/open.ts";
import { motoreSenzaLingua } from "./engine-adapter.ts";
import { Analizzatore } from "./lavoro/analisi.ts";
import { LIMITI_DI_PROVA, type Limiti } from "./limiti/configurazione.ts";
import { ricostruisciAgenda } from "./agenda/ricostruzione.ts";
import { Consegnatore, OPZIONI_PREDEFINITE, type OpzioniConsegna } from "./webhook/consegnatore.ts";

export interface Configurazione {
  dove: Where;
  /** REGOLAMENTO_ADMIN_KEY */
  chiaveAdmin?: string;
  /** Folder of the seed regolamenti (default regolamenti/); null: seed nothing. */
  semi?: string | null;
  /** Rate limits, caps, memory (main.ts: from the environment; default: LIMITI_DI_PROVA). */
  limiti?: Limiti;
  /** The webhook delivery worker's timings (tests shorten them); false: no worker in this process. */
  webhook?: Partial<OpzioniConsegna> | false;
}

export interface Avviato {
  app: ReturnType<typeof creaApp>;
  dipendenze: Dipendenze;
  semina: EsitoSemina;
  /** The administrator key generated at first start (shown once), if any. */
  chiaveAdminGenerata?: string;
  /** The webhook delivery worker (absent with `webhook: false`). */
  consegnatore?: Consegnatore;
  chiudi(): Promise<void>;
}

export function dovePerAmbiente(env: NodeJS.ProcessEnv = process.env): Where {
  if (env.DATABASE_URL)
    return {
      url: env.DATABASE_URL,
      ...(env.DATABASE_APP_URL ? { urlApp: env.DATABASE_APP_URL } : {}),
      ...(env.DATABASE_LISTEN_URL ? { urlListen: env.DATABASE_LISTEN_URL } : {}),
    };
  const durabilita = env.REGOLAMENTO_DURABILITA ?? "piena";
  if (durabilita !== "piena" && durabilita !== "veloce")
    throw new ErroreAvvio(`REGOLAMENTO_DURABILITA=${durabilita}: i valori ammessi sono "piena" (predefinito) e "veloce".`);
  const mb = env.REGOLAMENTO_PGLITE_MEMORIA_MB;
  if (mb !== undefined && !(Number.isInteger(Number(mb)) && Number(mb) >= 1))
    throw new ErroreAvvio(`REGOLAMENTO_PGLITE_MEMORIA_MB=${mb}: serve un numero intero di MB, almeno 1.`);
  return { dataDir: env.REGOLAMENTO_DATA ?? "./data", durabilita, ...(mb !== undefined ? { memoriaMb: Number(mb) } : {}) };
}

export async function avvia(conf: Configurazione): Promise<Avviato> {
  controllaChiaveAdmin(conf.chiaveAdmin);
  // Before opening: a second process must not touch the files of the first.
  const blocco = "dataDir" in conf.dove ? bloccaCartella(conf.dove.dataDir) : undefined;
  if (blocco?.ripresoDa !== undefined)
    console.log(`regolamenti: il blocco ${blocco.file} era del processo ${blocco.ripresoDa}, non più attivo: lo riprendo.`);
  // The analysis threads start at the first check/format/compile (server/lavoro/analisi.ts).
  const limiti = conf.limiti ?? LIMITI_DI_PROVA;
  const analisi = new Analizzatore(limiti.analisi);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(conf.dove);
  } catch (e) {
    await analisi.chiudi().catch(() => {});
    blocco?.rilascia();
    throw e;
  }
  try {
    // The language is loaded where needed (a seed to compile, a draft to check for conformity).
    const motore = motoreSenzaLingua();
    const esito = conf.semi === null ? { inseriti: [], scartati: [] } : await semina(database, motore, conf.semi);
    const admin = await chiaveAmministratore(database, conf.chiaveAdmin);
    const registro = await Registro.apri(database, motore, { ...(limiti.memoriaPreparate === undefined ? {} : { budgetPreparate: limiti.memoriaPreparate }), ...(limiti.memoriaIr === undefined ? {} : { budgetIr: limiti.memoriaIr }) });
    // Procedures recorded before the agenda existed get theirs (a no-op once done).
    await ricostruisciAgenda({ database, motore, registro });
    const verificatore = new Verificatore(database, admin.hashAmbiente);
    await verificatore.ascolta();
    const dipendenze: Dipendenze = { database, motore, registro, verificatore, analisi, limiti, statistiche: { azioniUnTempo: 0, azioniConLock: 0 } };
    const consegnatore = conf.webhook === false ? undefined : new Consegnatore(database, { ...OPZIONI_PREDEFINITE, ...conf.webhook });
    consegnatore?.avvia();
    return {
      app: creaApp(dipendenze),
      dipendenze,
      semina: esito,
      ...(admin.generata ? { chiaveAdminGenerata: admin.generata } : {}),
      ...(consegnatore ? { consegnatore } : {}),
      async chiudi() {
        await consegnatore?.chiudi();
        await analisi.chiudi();
        await registro.chiusura();
        await verificatore.chiusura();
        await database.close();
        blocco?.rilascia();
      },
    };
  } catch (e) {
    await analisi.chiudi().catch(() => {});
    await database.close().catch(() => {});
    blocco?.rilascia();
    throw e;
  }
}
