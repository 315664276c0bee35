// Who is asking, as a type: a request is anonymous, the administrator, or one key of one organismo
// with one role (and, for parties and mediators, the id it speaks for).
import type { RuoloChiave } from "./chiave.ts";

export type Credenziale =
  | { tipo: "anonimo" }
  | { tipo: "amministratore"; id: string }
  | {
      tipo: "chiave";
      organismo: string;
      id: string;
      ruolo: Exclude<RuoloChiave, "amministratore">;
      /** The party id (ruolo parte) or mediator id (ruolo mediatore). */
      parte?: string;
      /** The key is good for this procedure only. */
      procedimento?: string;
      /**
       * Ruolo parte: the procedures the key is bound to (issued for, opened, granted by the segreteria:
       * table chiavi_procedimenti). A party label never gives access by itself.
       */
      procedimentiConcessi?: ReadonlySet<string>;
    };

export type CredenzialeChiave = Extract<Credenziale, { tipo: "chiave" }>;
