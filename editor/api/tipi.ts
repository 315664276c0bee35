// Shapes of the server's answers the editor reads (docs/contratto.md "Over HTTP" and
// docs/architettura.md). Only the fields the interface uses; the server may send more.
import type { Diagnostic } from "../../dsl/index.ts";
import type { Change, Matrix } from "../../engine/index.ts";
import type { Regolamento } from "../../engine/ir.ts";
import type { Risposta } from "../../engine/contract.ts";
import type { CambioCaso, DiffCasi } from "../../engine/analisi/diff-casi.ts";

export interface OrganismoInfo {
  id: string;
  nome: string;
  registro?: string;
  versione_in_vigore?: string;
}

export interface VersioneInfo {
  versione: string;
  /** "bozza" or "pubblicata" (the server's words). */
  stato?: string;
  in_vigore_dal?: string;
  pubblicata?: boolean;
}

export interface VersioneDettaglio extends VersioneInfo {
  sorgente: string;
  regolamento?: Regolamento;
  diagnostiche: Diagnostic[];
}

export interface EsitoDiff {
  testuale: string;
  semantico: Change[];
}

export interface RispostaConfronto {
  organismo: string;
  versione?: string;
  risposta: Risposta;
}

export type { Change, Matrix };

/** GET …/regolamenti/{a}/diff/{b}/casi: the organismo's past procedures under two versions. */
export interface EsitoDiffCasi extends DiffCasi {
  a: { organismo: string; versione: string };
  b: { organismo: string; versione: string };
  /** How many procedures were read at most (the latest filed), and how many the organismo has. */
  limite: number;
  procedimenti_totali: number;
  /** Older procedures left out: their events were more work than one comparison does. */
  limitato_dal_lavoro?: boolean;
  /** What each changed procedure is. */
  procedimenti: { id: string; depositato_il?: string; materia?: string; valore?: number }[];
}

export type { CambioCaso, DiffCasi };
