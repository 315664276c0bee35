// Resolves `Authorization: Bearer <chiave>` to a Credenziale. Verified keys are cached briefly (an
// action is then one transaction, not two); a revocation clears the cache here at once and on the
// other servers through NOTIFY.
import { LRUCache } from "lru-cache";
import { sql } from "drizzle-orm";
import type { Database } from "../db/open.ts";
import { inTenant } from "../db/tenant.ts";
import { ErroreApi, nonAutenticato } from "../errori/errore.ts";
import { leggiTokenFeed, tokenFeedValido } from "../agenda/indirizzo-feed.ts";
import { TENANT_AMMINISTRAZIONE, impronta, leggiChiave, stessaImpronta, type RuoloChiave } from "./chiave.ts";
import type { Credenziale } from "./credenziale.ts";

/** `<organismo>.<id>` of a key revoked or bound to another procedure: every server drops it from its cache. */
export const CANALE_REVOCHE = "chiavi_revocate";
const DURATA_CACHE_MS = 30_000;

interface RigaChiave {
  id: string;
  hash: string;
  ruolo: RuoloChiave;
  parte: string | null;
  procedimento: string | null;
  revocata: boolean;
}

/** The key in `Authorization: Bearer <chiave>`, when the header has that shape. */
export function chiaveDellIntestazione(intestazione: string): string | undefined {
  return /^Bearer\s+(\S{1,512})$/i.exec(intestazione.trim())?.[1];
}

export class Verificatore {
  /** Keys verified lately (by hash), each for DURATA_CACHE_MS: the 10,000 most recently used. */
  private readonly cache = new LRUCache<string, { cred: Credenziale; scade: number }>({ max: 10_000 });
  private chiudi?: () => Promise<void>;

  constructor(
    private readonly database: Database,
    /** sha-256 of REGOLAMENTO_ADMIN_KEY, when given. */
    private readonly hashAdminEnv?: string,
  ) {}

  async ascolta(): Promise<void> {
    this.chiudi = await this.database.listen(CANALE_REVOCHE, (payload) => this.dimentica(payload));
  }

  async chiusura(): Promise<void> {
    await this.chiudi?.();
  }

  /** Drops a key (`<organismo>.<id>`) from the cache. */
  dimentica(organismoPuntoId: string): void {
    for (const [k, v] of this.cache.entries()) {
      if (v.cred.tipo !== "anonimo" && `${"organismo" in v.cred ? v.cred.organismo : TENANT_AMMINISTRAZIONE}.${v.cred.id}` === organismoPuntoId) this.cache.delete(k);
    }
  }

  async verifica(intestazione: string | undefined): Promise<Credenziale> {
    if (intestazione === undefined || intestazione === "") return { tipo: "anonimo" };
    const chiave = chiaveDellIntestazione(intestazione);
    if (chiave === undefined) throw nonAutenticato();
    const hash = impronta(chiave);
    const nota = this.cache.get(hash);
    if (nota && nota.scade > Date.now()) return nota.cred;
    const cred = await this.cerca(chiave, hash);
    if (!cred) throw nonAutenticato();
    this.cache.set(hash, { cred, scade: Date.now() + DURATA_CACHE_MS });
    return cred;
  }

  /**
   * The credential behind a calendar feed's token (agenda/indirizzo-feed.ts): the key's own, for
   * reading that feed only; 401 when the token is not one of a valid key of this organismo.
   */
  async verificaFeed(organismo: string, token: string): Promise<Credenziale> {
    const t = leggiTokenFeed(token);
    const cred = t && (await this.leggi({ organismo, id: t.id }, (riga) => tokenFeedValido(organismo, riga.id, riga.hash, t.mac)));
    if (!cred) throw new ErroreApi(401, "unauthorized", "L'indirizzo del calendario non è valido, o la sua chiave è stata revocata: chiedine uno nuovo.");
    return cred;
  }

  private async cerca(chiave: string, hash: string): Promise<Credenziale | undefined> {
    if (this.hashAdminEnv && stessaImpronta(hash, this.hashAdminEnv)) return { tipo: "amministratore", id: "env" };
    const parti = leggiChiave(chiave);
    if (!parti) return undefined;
    return this.leggi(parti, (riga) => stessaImpronta(hash, riga.hash));
  }

  /** The key's row and bindings, as a credential when it is not revoked and `prova` accepts it. */
  private async leggi(parti: { organismo: string; id: string }, prova: (riga: RigaChiave) => boolean): Promise<Credenziale | undefined> {
    const [[riga], concessi] = await inTenant(this.database, parti.organismo, (tx) =>
      Promise.all([
        this.database.rows<RigaChiave>(
          tx,
          sql`select id, hash, ruolo, parte, procedimento, revocata from chiavi where organismo_id = ${parti.organismo} and id = ${parti.id}`,
        ),
        this.database.rows<{ procedimento_id: string }>(
          tx,
          sql`select procedimento_id from chiavi_procedimenti where organismo_id = ${parti.organismo} and chiave_id = ${parti.id}`,
        ),
      ]),
    );
    if (!riga || riga.revocata || !prova(riga)) return undefined;
    if (riga.ruolo === "amministratore") return parti.organismo === TENANT_AMMINISTRAZIONE ? { tipo: "amministratore", id: riga.id } : undefined;
    return {
      tipo: "chiave",
      organismo: parti.organismo,
      id: riga.id,
      ruolo: riga.ruolo,
      ...(riga.parte ? { parte: riga.parte } : {}),
      ...(riga.procedimento ? { procedimento: riga.procedimento } : {}),
      ...(riga.ruolo === "parte" ? { procedimentiConcessi: new Set(concessi.map((c) => c.procedimento_id)) } : {}),
    };
  }
}
