// The simulator without the server: the organismi's compiled forms are fetched while the server is
// reachable (`GET …/regolamenti/{versione}/compilato`, the version in force today), and when a
// comparison cannot reach the server the same engine (sdk/motore.ts, bundled into the editor) answers
// in the browser. Only a network failure falls back: an answer of the server (even an error) is its word.
import { motoreOffline, type FormaCompilata, type MotoreOffline } from "../../sdk/motore.ts";
import type { Domanda } from "../../engine/contract.ts";
import type { OrganismoInfo, RispostaConfronto } from "./tipi.ts";

export class MotoriOffline {
  private readonly motori = new Map<string, MotoreOffline>();

  constructor(private readonly scarica: (id: string, versione: string) => Promise<FormaCompilata>) {}

  /** Fetches what is missing; failures are silent (the simulator just has fewer offline organismi). */
  async prepara(organismi: OrganismoInfo[]): Promise<void> {
    await Promise.all(
      organismi.map(async (o) => {
        if (!o.versione_in_vigore || this.motori.get(o.id)?.versione === o.versione_in_vigore) return;
        try {
          this.motori.set(o.id, motoreOffline(await this.scarica(o.id, o.versione_in_vigore)));
        } catch {
          /* offline for this one */
        }
      }),
    );
  }

  disponibili(): string[] {
    return [...this.motori.keys()];
  }

  /** One answer per organismo that has a compiled form here, marked as computed in the browser. */
  confronta(organismi: string[], domanda: Domanda): (RispostaConfronto & { offline: true })[] {
    return organismi.flatMap((id) => {
      const m = this.motori.get(id);
      return m ? [{ organismo: id, versione: m.versione, risposta: m.valuta(domanda), offline: true as const }] : [];
    });
  }
}

/** fetch rejects with a TypeError when the server cannot be reached (no answer at all). */
export const èErroreDiRete = (e: unknown): boolean => e instanceof TypeError;
