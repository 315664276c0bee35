// The synthetic case behind the fee chart: two parties, a chosen subject matter, and how far the
// procedure went — the fees due depend on it (D.M. 150/2023 art. 28: the first meeting; art. 30: on).
import type { CasoForm, EventoForm } from "./caso.ts";

export const TAPPE = {
  avvio: "Deposito e adesione",
  primo_incontro: "Primo incontro senza prosecuzione",
  accordo: "Mediazione svolta, con accordo",
} as const;
export type Tappa = keyof typeof TAPPE;

export function casoGrafico(materia = "condominio", tappa: Tappa = "accordo"): CasoForm {
  const eventi: EventoForm[] = [
    { azione: "deposito_domanda", data: "2026-03-02", parte: "A", campi: "" },
    { azione: "adesione", data: "2026-03-10", parte: "B", campi: "" },
  ];
  if (tappa === "primo_incontro") {
    eventi.push({ azione: "primo_incontro", data: "2026-04-01", parte: "", campi: "esito: mancato_accordo, presenti: [A, B], avvio_mediazione: false" });
  }
  if (tappa === "accordo") {
    eventi.push(
      { azione: "primo_incontro", data: "2026-04-01", parte: "", campi: "esito: prosecuzione, presenti: [A, B], avvio_mediazione: true" },
      { azione: "verbale", data: "2026-05-15", parte: "", campi: "tipo: accordo" },
    );
  }
  return {
    data: "2026-06-30",
    materia,
    tipo: "",
    valore: "",
    parti: [
      { id: "A", ruolo: "istante" },
      { id: "B", ruolo: "invitata" },
    ],
    eventi,
    azione: undefined,
  };
}
