-- Hand-written: what drizzle-kit does not emit.
-- FORCE: row-level security binds the table owner too, so no code path escapes the tenant filter
-- by running as the owner (the runtime never does DML as the owner: every transaction is app_user).
ALTER TABLE "organismi" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "regolamento_versioni" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "procedimenti" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "eventi" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "chiavi" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "idempotenza" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The connecting user must be able to `SET LOCAL ROLE app_user` (a superuser already can).
DO $$ BEGIN
  EXECUTE format('GRANT app_user TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "organismi" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "regolamento_versioni" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "procedimenti" TO app_user;--> statement-breakpoint
-- Append-only: no UPDATE, no DELETE on the history of a procedure.
GRANT SELECT, INSERT ON "eventi" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "chiavi" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "idempotenza" TO app_user;--> statement-breakpoint
-- A published version is immutable, whoever asks: the database refuses, not only the API.
CREATE OR REPLACE FUNCTION regolamento_pubblicato_immutabile() RETURNS trigger AS $$
BEGIN
  IF OLD.stato = 'pubblicata' THEN
    RAISE EXCEPTION 'versione % di % pubblicata: immutabile', OLD.versione, OLD.organismo_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER regolamento_versioni_immutabili BEFORE UPDATE OR DELETE ON "regolamento_versioni"
  FOR EACH ROW EXECUTE FUNCTION regolamento_pubblicato_immutabile();
