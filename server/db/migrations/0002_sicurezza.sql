CREATE TABLE "chiavi_procedimenti" (
	"organismo_id" text NOT NULL,
	"chiave_id" text NOT NULL,
	"procedimento_id" text NOT NULL,
	"concessa_da" text NOT NULL,
	"concessa_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chiavi_procedimenti_organismo_id_chiave_id_procedimento_id_pk" PRIMARY KEY("organismo_id","chiave_id","procedimento_id")
);
--> statement-breakpoint
ALTER TABLE "chiavi_procedimenti" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pubblicazioni" (
	"organismo_id" text NOT NULL,
	"versione" text NOT NULL,
	"chiave_id" text NOT NULL,
	"ruolo" text NOT NULL,
	"in_vigore_dal" text NOT NULL,
	"retroattiva" boolean NOT NULL,
	"pubblicata_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pubblicazioni_organismo_id_versione_pk" PRIMARY KEY("organismo_id","versione")
);
--> statement-breakpoint
ALTER TABLE "pubblicazioni" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "chiavi_procedimenti" ADD CONSTRAINT "chiavi_procedimenti_organismo_id_chiave_id_chiavi_organismo_id_id_fk" FOREIGN KEY ("organismo_id","chiave_id") REFERENCES "public"."chiavi"("organismo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chiavi_procedimenti" ADD CONSTRAINT "chiavi_procedimenti_organismo_id_procedimento_id_procedimenti_organismo_id_id_fk" FOREIGN KEY ("organismo_id","procedimento_id") REFERENCES "public"."procedimenti"("organismo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pubblicazioni" ADD CONSTRAINT "pubblicazioni_organismo_id_versione_regolamento_versioni_organismo_id_versione_fk" FOREIGN KEY ("organismo_id","versione") REFERENCES "public"."regolamento_versioni"("organismo_id","versione") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "chiavi_procedimenti_tenant" ON "chiavi_procedimenti" AS PERMISSIVE FOR ALL TO "app_user" USING ("chiavi_procedimenti"."organismo_id" = current_setting('app.organismo', true)) WITH CHECK ("chiavi_procedimenti"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "pubblicazioni_lettura" ON "pubblicazioni" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "pubblicazioni_inserimento" ON "pubblicazioni" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("pubblicazioni"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
-- Hand-written from here (drizzle-kit writes neither FORCE, nor GRANTs, nor roles).
ALTER TABLE "chiavi_procedimenti" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pubblicazioni" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Append-only, like the history: a binding or a publication record is never changed nor removed.
GRANT SELECT, INSERT ON "chiavi_procedimenti" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT ON "pubblicazioni" TO app_user;--> statement-breakpoint
-- Party keys issued before bindings existed keep the procedures they were issued for or opened
-- (deposito_domanda recorded with their key), never those where only their label appears. The
-- owner may be bound by FORCEd RLS: lifted for the copy, restored at once (same transaction).
ALTER TABLE "chiavi" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "procedimenti" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "eventi" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "chiavi_procedimenti" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "chiavi_procedimenti" (organismo_id, chiave_id, procedimento_id, concessa_da)
  SELECT k.organismo_id, k.id, k.procedimento, 'migrazione' FROM "chiavi" k
  JOIN "procedimenti" p ON p.organismo_id = k.organismo_id AND p.id = k.procedimento
  WHERE k.ruolo = 'parte'
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "chiavi_procedimenti" (organismo_id, chiave_id, procedimento_id, concessa_da)
  SELECT k.organismo_id, k.id, e.procedimento_id, 'migrazione' FROM "chiavi" k
  JOIN "eventi" e ON e.organismo_id = k.organismo_id AND e.seq = 1 AND e.attore->>'chiave' = k.id
  WHERE k.ruolo = 'parte'
  ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "chiavi" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "procedimenti" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "eventi" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "chiavi_procedimenti" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The login role the server's pool connects as on Postgres (migrations run as the owner, on their
-- own connection). It owns nothing and is a member of app_user, whose policies therefore bind it
-- even when a transaction forgets `SET ROLE`: without the tenant setting it sees no tenant's rows.
-- Roles are cluster-wide and throwaway databases of one cluster migrate concurrently: creating and
-- granting tolerate having been done (or being done right now) by another database's migration.
DO $$ BEGIN
  CREATE ROLE regolamenti_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
  GRANT app_user TO regolamenti_app;
EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO regolamenti_app', current_database());
EXCEPTION WHEN internal_error THEN NULL;
END $$;
