-- Hand-written (drizzle-kit does not create roles, and roles are cluster-wide: another database of
-- the same cluster may have created it already, possibly at this very moment).
DO $$ BEGIN
  CREATE ROLE app_user NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;--> statement-breakpoint
CREATE TABLE "chiavi" (
	"organismo_id" text NOT NULL,
	"id" text NOT NULL,
	"hash" text NOT NULL,
	"ruolo" text NOT NULL,
	"parte" text,
	"procedimento" text,
	"revocata" boolean DEFAULT false NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chiavi_organismo_id_id_pk" PRIMARY KEY("organismo_id","id")
);
--> statement-breakpoint
ALTER TABLE "chiavi" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "eventi" (
	"organismo_id" text NOT NULL,
	"procedimento_id" text NOT NULL,
	"seq" integer NOT NULL,
	"azione" jsonb NOT NULL,
	"attore" jsonb NOT NULL,
	"versione_regolamento" text NOT NULL,
	"regole" jsonb NOT NULL,
	"registrato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eventi_organismo_id_procedimento_id_seq_pk" PRIMARY KEY("organismo_id","procedimento_id","seq")
);
--> statement-breakpoint
ALTER TABLE "eventi" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "idempotenza" (
	"organismo_id" text NOT NULL,
	"chiave" text NOT NULL,
	"impronta" text NOT NULL,
	"status" integer NOT NULL,
	"risposta" jsonb NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotenza_organismo_id_chiave_pk" PRIMARY KEY("organismo_id","chiave")
);
--> statement-breakpoint
ALTER TABLE "idempotenza" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organismi" (
	"organismo_id" text PRIMARY KEY NOT NULL,
	"nome" text NOT NULL,
	"registro" text,
	"normativa" boolean DEFAULT false NOT NULL,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organismi" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "procedimenti" (
	"organismo_id" text NOT NULL,
	"id" text NOT NULL,
	"versione_regolamento" text NOT NULL,
	"fatti" jsonb NOT NULL,
	"revisione" integer DEFAULT 0 NOT NULL,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"aggiornato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedimenti_organismo_id_id_pk" PRIMARY KEY("organismo_id","id")
);
--> statement-breakpoint
ALTER TABLE "procedimenti" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "regolamento_versioni" (
	"organismo_id" text NOT NULL,
	"versione" text NOT NULL,
	"stato" text NOT NULL,
	"in_vigore_dal" text,
	"sorgente" text NOT NULL,
	"ir" jsonb,
	"diagnostiche" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"aggiornato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"pubblicato_il" timestamp with time zone,
	CONSTRAINT "regolamento_versioni_organismo_id_versione_pk" PRIMARY KEY("organismo_id","versione")
);
--> statement-breakpoint
ALTER TABLE "regolamento_versioni" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "eventi" ADD CONSTRAINT "eventi_organismo_id_procedimento_id_procedimenti_organismo_id_id_fk" FOREIGN KEY ("organismo_id","procedimento_id") REFERENCES "public"."procedimenti"("organismo_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "chiavi_tenant" ON "chiavi" AS PERMISSIVE FOR ALL TO "app_user" USING ("chiavi"."organismo_id" = current_setting('app.organismo', true)) WITH CHECK ("chiavi"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "eventi_lettura" ON "eventi" AS PERMISSIVE FOR SELECT TO "app_user" USING ("eventi"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "eventi_inserimento" ON "eventi" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("eventi"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "idempotenza_tenant" ON "idempotenza" AS PERMISSIVE FOR ALL TO "app_user" USING ("idempotenza"."organismo_id" = current_setting('app.organismo', true)) WITH CHECK ("idempotenza"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "organismi_lettura" ON "organismi" AS PERMISSIVE FOR SELECT TO "app_user" USING (true);--> statement-breakpoint
CREATE POLICY "organismi_scrittura" ON "organismi" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("organismi"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "organismi_modifica" ON "organismi" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("organismi"."organismo_id" = current_setting('app.organismo', true)) WITH CHECK ("organismi"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "procedimenti_tenant" ON "procedimenti" AS PERMISSIVE FOR ALL TO "app_user" USING ("procedimenti"."organismo_id" = current_setting('app.organismo', true)) WITH CHECK ("procedimenti"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "versioni_lettura" ON "regolamento_versioni" AS PERMISSIVE FOR SELECT TO "app_user" USING ("regolamento_versioni"."stato" = 'pubblicata' or "regolamento_versioni"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "versioni_inserimento" ON "regolamento_versioni" AS PERMISSIVE FOR INSERT TO "app_user" WITH CHECK ("regolamento_versioni"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "versioni_modifica" ON "regolamento_versioni" AS PERMISSIVE FOR UPDATE TO "app_user" USING ("regolamento_versioni"."organismo_id" = current_setting('app.organismo', true)) WITH CHECK ("regolamento_versioni"."organismo_id" = current_setting('app.organismo', true));--> statement-breakpoint
CREATE POLICY "versioni_cancellazione" ON "regolamento_versioni" AS PERMISSIVE FOR DELETE TO "app_user" USING ("regolamento_versioni"."organismo_id" = current_setting('app.organismo', true));