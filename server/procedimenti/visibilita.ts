// Documents of a kind that a `visibilita` rule restricts (e.g. separate-session documents: only the
// depositing party and the mediator) are redacted in the history shown to anyone else.
import type { CredenzialeChiave } from "../auth/credenziale.ts";
import type { Visibilita } from "../../engine/ir.ts";
import type { Regolamento } from "../engine-adapter.ts";

export function regoleVisibilita(regolamenti: Regolamento[]): Visibilita[] {
  return regolamenti.flatMap((r) => r.regole.filter((x): x is Visibilita => x.tipo === "visibilita"));
}

export function puoVedereDocumento(cred: CredenzialeChiave, evento: Record<string, unknown>, regole: Visibilita[]): boolean {
  if (evento.azione !== "deposito_documento") return true;
  const rilevanti = regole.filter((r) => r.documenti === evento.tipo);
  if (rilevanti.length === 0) return true;
  return rilevanti.every((r) =>
    r.visibileA.some((chi) => {
      switch (chi) {
        case "depositante":
          return cred.ruolo === "parte" && evento.parte === cred.parte;
        case "mediatore":
          return cred.ruolo === "mediatore";
        case "parti":
          return cred.ruolo === "parte";
        case "segreteria":
          return cred.ruolo === "segreteria";
      }
    }),
  );
}

/** What a reader without access sees of a restricted deposit: that it happened, not what. */
export function oscurato(evento: Record<string, unknown>): Record<string, unknown> {
  return { azione: evento.azione, data: evento.data, tipo: evento.tipo, riservato: true };
}
