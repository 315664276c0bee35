-- Issue 14 (for client apps): the procedures' summary for lists, the deadline agenda, denied
-- attempts, webhooks with their transactional outbox and delivery log, the event's IR hash.
-- Every table leads with organismo_id, has the tenant policy, FORCE RLS and the GRANTs of 0001.
CREATE TABLE "procedimenti_sintesi" (
	"organismo_id" text NOT NULL,
	"procedimento_id" text NOT NULL,
	"fase" text NOT NULL,
	"depositato_il" date NOT NULL,
	"parti" text[] NOT NULL,
	"mediatori" text[] NOT NULL,
	"prossima_scadenza" date DEFAULT 'infinity' NOT NULL,
	CONSTRAINT "procedimenti_sintesi_pk" PRIMARY KEY("organismo_id","procedimento_id"),
	CONSTRAINT "procedimenti_sintesi_procedimento_fk" FOREIGN KEY ("organismo_id","procedimento_id") REFERENCES "procedimenti"("organismo_id","id")
);--> statement-breakpoint
CREATE INDEX "sintesi_deposito" ON "procedimenti_sintesi" ("organismo_id","depositato_il","procedimento_id");--> statement-breakpoint
CREATE INDEX "sintesi_scadenza" ON "procedimenti_sintesi" ("organismo_id","prossima_scadenza","procedimento_id");--> statement-breakpoint
CREATE INDEX "sintesi_fase" ON "procedimenti_sintesi" ("organismo_id","fase","depositato_il","procedimento_id");--> statement-breakpoint
-- Who is in which procedure ('parte:A', 'mediatore:m1'): a party's or a mediator's procedures by a
-- btree lookup. (Not a GIN index on the summary's arrays: under row-level security the planner
-- uses an index only for leakproof operators, and the array operators are not.)
CREATE TABLE "procedimenti_persone" (
	"organismo_id" text NOT NULL,
	"persona" text NOT NULL,
	"procedimento_id" text NOT NULL,
	CONSTRAINT "procedimenti_persone_pk" PRIMARY KEY("organismo_id","persona","procedimento_id"),
	CONSTRAINT "procedimenti_persone_procedimento_fk" FOREIGN KEY ("organismo_id","procedimento_id") REFERENCES "procedimenti"("organismo_id","id")
);--> statement-breakpoint
CREATE TABLE "scadenze_agenda" (
	"organismo_id" text NOT NULL,
	"procedimento_id" text NOT NULL,
	"nome" text NOT NULL,
	-- '' for a deadline of the whole procedure (a key column cannot be null).
	"parte" text DEFAULT '' NOT NULL,
	"dal" date,
	"entro" date NOT NULL,
	"cita" text NOT NULL,
	"fonte" text NOT NULL,
	CONSTRAINT "scadenze_agenda_pk" PRIMARY KEY("organismo_id","procedimento_id","nome","parte"),
	CONSTRAINT "scadenze_agenda_procedimento_fk" FOREIGN KEY ("organismo_id","procedimento_id") REFERENCES "procedimenti"("organismo_id","id")
);--> statement-breakpoint
CREATE INDEX "agenda_data" ON "scadenze_agenda" ("organismo_id","entro","procedimento_id","nome");--> statement-breakpoint
CREATE TABLE "tentativi_negati" (
	"organismo_id" text NOT NULL,
	"procedimento_id" text NOT NULL,
	"id" text NOT NULL,
	"revisione" integer NOT NULL,
	"azione" jsonb NOT NULL,
	"attore" jsonb NOT NULL,
	"versione_regolamento" text NOT NULL,
	"risposta" jsonb NOT NULL,
	"registrato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tentativi_negati_pk" PRIMARY KEY("organismo_id","procedimento_id","id"),
	CONSTRAINT "tentativi_negati_procedimento_fk" FOREIGN KEY ("organismo_id","procedimento_id") REFERENCES "procedimenti"("organismo_id","id")
);--> statement-breakpoint
CREATE INDEX "tentativi_data" ON "tentativi_negati" ("organismo_id","procedimento_id","registrato_il");--> statement-breakpoint
ALTER TABLE "eventi" ADD COLUMN "impronta_ir" text;--> statement-breakpoint
CREATE TABLE "webhook" (
	"organismo_id" text NOT NULL,
	"id" text NOT NULL,
	"url" text NOT NULL,
	"eventi" text[] NOT NULL,
	"giorni" integer[] DEFAULT '{}' NOT NULL,
	"segreto" text NOT NULL,
	"attivo" boolean DEFAULT true NOT NULL,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_pk" PRIMARY KEY("organismo_id","id")
);--> statement-breakpoint
CREATE TABLE "webhook_uscita" (
	"organismo_id" text NOT NULL,
	"id" text NOT NULL,
	"webhook_id" text NOT NULL,
	"tipo" text NOT NULL,
	-- What makes the event one: a second scan of the agenda finds the key and adds nothing.
	"chiave_evento" text NOT NULL,
	"corpo" jsonb NOT NULL,
	"stato" text DEFAULT 'in_attesa' NOT NULL,
	"tentativi" integer DEFAULT 0 NOT NULL,
	"prossimo_tentativo" timestamp with time zone DEFAULT now() NOT NULL,
	"in_consegna_fino" timestamp with time zone,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"consegnata_il" timestamp with time zone,
	CONSTRAINT "webhook_uscita_pk" PRIMARY KEY("organismo_id","id"),
	CONSTRAINT "webhook_uscita_evento" UNIQUE("organismo_id","webhook_id","chiave_evento"),
	CONSTRAINT "webhook_uscita_webhook_fk" FOREIGN KEY ("organismo_id","webhook_id") REFERENCES "webhook"("organismo_id","id")
);--> statement-breakpoint
CREATE INDEX "uscita_da_consegnare" ON "webhook_uscita" ("organismo_id","stato","prossimo_tentativo");--> statement-breakpoint
CREATE TABLE "webhook_consegne" (
	"organismo_id" text NOT NULL,
	"id" text NOT NULL,
	"uscita_id" text NOT NULL,
	"webhook_id" text NOT NULL,
	"tentativo" integer NOT NULL,
	"status" integer,
	"errore" text,
	"durata_ms" integer NOT NULL,
	"il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_consegne_pk" PRIMARY KEY("organismo_id","id")
);--> statement-breakpoint
CREATE INDEX "consegne_data" ON "webhook_consegne" ("organismo_id","il");--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['procedimenti_sintesi','procedimenti_persone','scadenze_agenda','tentativi_negati','webhook','webhook_uscita','webhook_consegne'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I AS PERMISSIVE FOR ALL TO app_user USING (organismo_id = current_setting(''app.organismo'', true)) WITH CHECK (organismo_id = current_setting(''app.organismo'', true))', t || '_tenant', t);
    -- Denied attempts and deliveries are a record: appended, never changed.
    IF t IN ('tentativi_negati', 'webhook_consegne') THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO app_user', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO app_user', t);
    END IF;
    -- The pool's login role (migration 0002–0004 of the same release), where it exists.
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'regolamenti_app') THEN
      IF t IN ('tentativi_negati', 'webhook_consegne') THEN
        EXECUTE format('GRANT SELECT, INSERT ON %I TO regolamenti_app', t);
      ELSE
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO regolamenti_app', t);
      END IF;
    END IF;
  END LOOP;
END $$;
