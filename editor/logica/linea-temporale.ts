// Layout of a procedure's timeline: its events as points, the open terms as bars [dal, entro], the
// evaluation day as a line, all on one date axis. Pure; the SVG component draws what this returns.
import type { Azione, Scadenza } from "../../engine/contract.ts";

export interface EventoDisegno {
  x: number;
  riga: number; // label row, staggered so labels do not overlap
  etichetta: string;
  data: string;
  chiesta: boolean; // the action asked about, not yet happened
}

export interface TermineDisegno {
  x0: number;
  x1: number;
  corsia: number;
  etichetta: string;
  dal?: string;
  entro?: string;
  scaduta: boolean;
  cita: string;
}

export interface Tacca {
  x: number;
  etichetta: string;
}

export interface LineaTemporale {
  eventi: EventoDisegno[];
  termini: TermineDisegno[];
  oggi?: number;
  tacche: Tacca[];
}

const GIORNO = 86_400_000;

function giorno(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

function isoDi(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function disponi(eventi: Azione[], scadenze: Scadenza[], data: string | undefined, azione: Azione | undefined, x0: number, x1: number): LineaTemporale {
  const date: number[] = [];
  for (const e of eventi) if (e.data) date.push(giorno(e.data));
  if (azione?.data) date.push(giorno(azione.data));
  for (const s of scadenze) for (const d of [s.dal, s.entro]) if (d) date.push(giorno(d));
  if (data) date.push(giorno(data));
  if (date.length === 0) return { eventi: [], termini: [], tacche: [] };
  const min = Math.min(...date) - 2 * GIORNO;
  const max = Math.max(...date) + 2 * GIORNO;
  const x = (t: number) => x0 + ((t - min) / (max - min)) * (x1 - x0);

  const tutti = [...eventi.map((e) => ({ e, chiesta: false })), ...(azione ? [{ e: azione, chiesta: true }] : [])].filter((v) => v.e.data);
  const ultimaX: number[] = [];
  const disegnati: EventoDisegno[] = tutti
    .sort((a, b) => giorno(a.e.data!) - giorno(b.e.data!))
    .map(({ e, chiesta }) => {
      const px = x(giorno(e.data!));
      // First label row whose previous label ends before this one starts (about 6.5px per character).
      let riga = 0;
      while ((ultimaX[riga] ?? -Infinity) > px - 4) riga++;
      ultimaX[riga] = px + e.azione.length * 6.5;
      return { x: px, riga, etichetta: e.azione.replace(/_/g, " "), data: e.data!, chiesta };
    });

  // A term without `dal` runs from its anchor, which is an event: draw it from the first event.
  const inizio = eventi.find((e) => e.data)?.data;
  const termini: TermineDisegno[] = scadenze.map((s, i) => {
    const a = s.dal ? giorno(s.dal) : inizio ? giorno(inizio) : data ? giorno(data) : min;
    const b = s.entro ? giorno(s.entro) : max;
    return {
      x0: x(a), x1: Math.max(x(b), x(a) + 2), corsia: i, etichetta: s.nome.replace(/_/g, " ") + (s.parte ? ` (${s.parte})` : ""),
      dal: s.dal, entro: s.entro, scaduta: s.scaduta === true || (!!data && !!s.entro && s.entro < data.slice(0, 10)), cita: s.cita,
    };
  });

  // About six ticks, on whole days.
  const passo = Math.max(1, Math.round((max - min) / GIORNO / 6)) * GIORNO;
  const tacche: Tacca[] = [];
  for (let t = min + 2 * GIORNO; t <= max; t += passo) tacche.push({ x: x(t), etichetta: isoDi(t).slice(5).split("-").reverse().join("/") });

  return { eventi: disegnati, termini, oggi: data ? x(giorno(data)) : undefined, tacche };
}
