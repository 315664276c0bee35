// Lists and agenda at scale (issue 14: a page ≤ 50 ms with 100,000 procedures of one organismo):
// a throwaway Postgres database filled with 100,000 procedures (summary and agenda rows, made by
// INSERT … SELECT over generate_series on the server), then the median of the list's first page
// (segreteria, newest first), of a page further on by cursor, of a mediator's and a party's list,
// and of one month's agenda. PGlite (no DATABASE_URL and no Postgres on 127.0.0.1): skipped.
import { performance } from "node:perf_hooks";
import { scadenzeVisibili } from "../server/agenda/servizio.ts";
import type { CredenzialeChiave } from "../server/auth/credenziale.ts";
import { avvia } from "../server/avvia.ts";
import { creaDatabaseTemporaneo } from "../server/db/database-temporaneo.ts";
import { elencaProcedimenti } from "../server/elenchi/procedimenti.ts";
import { FIXTURE } from "../server/test-support/ambiente.ts";

const N = Number(process.env.BENCH_CLIENTI_N ?? 100_000);
const GIRI = 30;

async function mediana(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < GIRI; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return Math.round(t[Math.floor(t.length / 2)]! * 100) / 100;
}

export async function bench(): Promise<Record<string, number | string>> {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const { default: postgres } = await import("postgres");
  const prova = postgres(base, { max: 1, connect_timeout: 2, onnotice: () => {} });
  const raggiungibile = await prova`select 1`.then(() => true, () => false);
  await prova.end({ timeout: 1 }).catch(() => {});
  if (!raggiungibile) {
    console.error("bench clienti: Postgres non raggiungibile, parte saltata (su PGlite non si misura a 100.000 procedimenti)");
    return { lista_ms_100k: "saltato (PGlite)", agenda_ms_100k: "saltato (PGlite)" };
  }
  const tmp = await creaDatabaseTemporaneo(base, "bench_clienti_");
  const s = await avvia({ dove: { url: tmp.url }, chiaveAdmin: "bench-clienti-0123456789abcdef0123", semi: FIXTURE("clienti") });
  const riempi = postgres(tmp.url, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    // 100,000 procedures over ~3 years, 200 mediators, parties P<i> and Q<i>, two deadlines each.
    await riempi.unsafe(`
      insert into procedimenti (organismo_id, id, versione_regolamento, fatti, revisione)
      select 'gamma', 'p' || lpad(i::text, 7, '0'), '1', '{}'::jsonb, 1 from generate_series(1, ${N}) i;
      insert into procedimenti_sintesi (organismo_id, procedimento_id, fase, depositato_il, parti, mediatori, prossima_scadenza)
      select 'gamma', 'p' || lpad(i::text, 7, '0'),
             case when i % 3 = 0 then 'mediazione_in_corso' else 'domanda_depositata' end,
             date '2024-01-01' + (i % 1000), array['P' || i, 'Q' || (i % 5000)], array['m' || (i % 200)],
             date '2024-01-01' + (i % 1000) + 15
      from generate_series(1, ${N}) i;
      insert into procedimenti_persone (organismo_id, persona, procedimento_id)
      select 'gamma', x, 'p' || lpad(i::text, 7, '0') from generate_series(1, ${N}) i,
             unnest(array['parte:P' || i, 'parte:Q' || (i % 5000), 'mediatore:m' || (i % 200)]) x;
      insert into scadenze_agenda (organismo_id, procedimento_id, nome, parte, dal, entro, cita, fonte)
      select 'gamma', 'p' || lpad(i::text, 7, '0'), case k when 0 then 'adesione' else 'primo_incontro' end, '', null,
             date '2024-01-01' + (i % 1000) + case k when 0 then 15 else 30 end, 'art. 1 c. ' || (k + 1), 'gamma'
      from generate_series(1, ${N}) i, generate_series(0, 1) k;
      analyze procedimenti; analyze procedimenti_sintesi; analyze procedimenti_persone; analyze scadenze_agenda;`);
    const riempimento = Math.round(performance.now() - t0);
    const { database } = s.dipendenze;
    const chiave = (ruolo: CredenzialeChiave["ruolo"], parte?: string): CredenzialeChiave => ({ tipo: "chiave", organismo: "gamma", id: "bench", ruolo, ...(parte ? { parte } : {}) });
    const segreteria = chiave("segreteria");
    const prima = await elencaProcedimenti(database, segreteria, "gamma", {});
    const lista = await mediana(() => elencaProcedimenti(database, segreteria, "gamma", {}));
    const listaCursore = await mediana(() => elencaProcedimenti(database, segreteria, "gamma", { cursore: prima.cursore! }));
    const listaFase = await mediana(() => elencaProcedimenti(database, segreteria, "gamma", { fase: "mediazione_in_corso", ordine: "depositato_il" }));
    const listaScadenza = await mediana(() => elencaProcedimenti(database, segreteria, "gamma", { scadenza_entro: "2025-06-30", ordine: "prossima_scadenza" }));
    const listaMediatore = await mediana(() => elencaProcedimenti(database, chiave("mediatore", "m7"), "gamma", {}));
    const listaParte = await mediana(() => elencaProcedimenti(database, chiave("parte", "Q42"), "gamma", {}));
    const agenda = await mediana(() => scadenzeVisibili(database, segreteria, "gamma", { dal: "2025-03-01", al: "2025-03-31" }));
    const agendaMediatore = await mediana(() => scadenzeVisibili(database, chiave("mediatore", "m7"), "gamma", { dal: "2025-03-01", al: "2025-03-31" }));
    return {
      clienti_procedimenti: N,
      clienti_riempimento_ms: riempimento,
      lista_ms_100k: lista,
      lista_cursore_ms_100k: listaCursore,
      lista_fase_ms_100k: listaFase,
      lista_scadenza_ms_100k: listaScadenza,
      lista_mediatore_ms_100k: listaMediatore,
      lista_parte_ms_100k: listaParte,
      agenda_ms_100k: agenda,
      agenda_mediatore_ms_100k: agendaMediatore,
    };
  } finally {
    await riempi.end({ timeout: 5 });
    await s.chiudi();
    await tmp.elimina();
  }
}
