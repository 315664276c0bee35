-- Issue 15 § 3 (a million procedures, bench/scala.ts, docs/scalabilita.md "Un milione di procedimenti").
-- The agenda's index also carries the columns the agenda returns: a month of a large organismo
-- (4,000+ deadlines) is read by an index-only scan already in the answer's order, with no heap
-- visit and no sort (17 → 6 ms on 1,000,000 procedures).
DROP INDEX IF EXISTS "agenda_data";--> statement-breakpoint
CREATE INDEX "agenda_data" ON "scadenze_agenda" ("organismo_id","entro","procedimento_id","nome") INCLUDE ("parte","dal","cita","fonte");--> statement-breakpoint
-- A party's or a mediator's list: their procedures (procedimenti_persone) are ordered and cut to one
-- page through this index alone, and only that page's rows are read from the tables (server/elenchi/
-- procedimenti.ts); a mediator with 500 procedures read ~1,500 random heap pages, now ~150.
CREATE INDEX "sintesi_procedimento" ON "procedimenti_sintesi" ("organismo_id","procedimento_id") INCLUDE ("fase","depositato_il","prossima_scadenza");
