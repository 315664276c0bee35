// The agenda as iCalendar (RFC 5545, ical-generator): one all-day event per deadline on its end day,
// the citation in the description. The UID is procedure + deadline + party: when an action moves a
// deadline, calendars that subscribed update the event instead of adding another.
import ical from "ical-generator";
import type { VoceAgenda } from "./servizio.ts";

export function uidScadenza(organismo: string, v: Pick<VoceAgenda, "procedimento" | "nome" | "parte">): string {
  return `${v.procedimento}.${v.nome}.${v.parte ?? "tutte"}@${organismo}.regolamenti`;
}

export function feedIcs(organismo: string, nome: string, voci: VoceAgenda[]): string {
  const cal = ical({ name: nome, prodId: { company: "regolamenti-mediazione", product: "agenda", language: "IT" } });
  for (const v of voci) {
    const [a, m, g] = v.entro.split("-").map(Number) as [number, number, number];
    const giorno = new Date(Date.UTC(a, m - 1, g));
    cal.createEvent({
      id: uidScadenza(organismo, v),
      allDay: true,
      start: giorno,
      summary: `Scadenza ${v.nome}${v.parte ? ` (parte ${v.parte})` : ""}: procedimento ${v.procedimento}`,
      description: [
        `Termine: ${v.nome}${v.dal ? `, dal ${v.dal}` : ""} entro ${v.entro}.`,
        `Fonte: ${v.cita} (${v.fonte}).`,
        ...(v.parte ? [`Parte interessata: ${v.parte}.`] : []),
        `Procedimento: ${v.procedimento}.`,
      ].join("\n"),
      stamp: giorno,
    });
  }
  return cal.toString();
}
