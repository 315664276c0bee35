// Builds a running server's parts from a configuration: database (migrated), seed, catalogue,
// credentials, app. main.ts adds the port; tests call it on an in-memory database.
import { creaApp } from "./app.ts";
import { chiaveAmministratore, controllaChiaveAdmin } from "./avvio/amministratore.ts";
import { semina, type EsitoSemina } from "./avvio/semina.ts";
import { Verificatore } from "./auth/verifica.ts";
import { Registro } from "./catalogo/registro.ts";
import type { Dipendenze } from "./contesto.ts";
import { openDatabase, type Where } from "./db/open.ts";
import { motore as caricaMotore } from "./engine-adapter.ts";

export interface Configurazione {
  dove: Where;
  /** REGOLAMENTO_ADMIN_KEY */
  chiaveAdmin?: string;
  /** Folder of the seed regolamenti (default regolamenti/); null: seed nothing. */
  semi?: string | null;
}

export interface Avviato {
  app: ReturnType<typeof creaApp>;
  dipendenze: Dipendenze;
  semina: EsitoSemina;
  /** The administrator key generated at first start (shown once), if any. */
  chiaveAdminGenerata?: string;
  chiudi(): Promise<void>;
}

export function dovePerAmbiente(env: NodeJS.ProcessEnv = process.env): Where {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, ...(env.DATABASE_APP_URL ? { urlApp: env.DATABASE_APP_URL } : {}) };
  return { dataDir: env.REGOLAMENTO_DATA ?? "./data" };
}

export async function avvia(conf: Configurazione): Promise<Avviato> {
  controllaChiaveAdmin(conf.chiaveAdmin);
  const database = await openDatabase(conf.dove);
  try {
    const motore = await caricaMotore();
    const esito = conf.semi === null ? { inseriti: [], scartati: [] } : await semina(database, motore, conf.semi);
    const admin = await chiaveAmministratore(database, conf.chiaveAdmin);
    const registro = await Registro.apri(database, motore);
    const verificatore = new Verificatore(database, admin.hashAmbiente);
    await verificatore.ascolta();
    const dipendenze: Dipendenze = { database, motore, registro, verificatore, statistiche: { azioniUnTempo: 0, azioniConLock: 0 } };
    return {
      app: creaApp(dipendenze),
      dipendenze,
      semina: esito,
      ...(admin.generata ? { chiaveAdminGenerata: admin.generata } : {}),
      async chiudi() {
        await registro.chiusura();
        await verificatore.chiusura();
        await database.close();
      },
    };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}
