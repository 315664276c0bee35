-- Issue 15 § 1: a start reads the index of the published versions, not their IRs (≈ 60 kB of JSON
-- each; 1,000 took 1.5–2.9 s): what choosing a version needs of its IR is kept beside it, computed
-- by the database from the IR (generated: a publication writes the IR alone, as before).
ALTER TABLE "regolamento_versioni" ADD COLUMN "applica" jsonb GENERATED ALWAYS AS (ir->'applica') STORED;--> statement-breakpoint
ALTER TABLE "regolamento_versioni" ADD COLUMN "governa_pendenti" boolean GENERATED ALWAYS AS (coalesce((ir->'parametri'->'applica_ai_procedimenti_pendenti'->>'valore') = 'true', false)) STORED;--> statement-breakpoint
-- The immutability trigger compares the rows without the hash; generated columns are not computed
-- yet in a BEFORE trigger's NEW (they follow the IR, compared already).
CREATE OR REPLACE FUNCTION regolamento_pubblicato_immutabile() RETURNS trigger AS $$
BEGIN
  IF OLD.stato = 'pubblicata' THEN
    IF TG_OP = 'UPDATE' AND OLD.impronta_ir IS NULL AND NEW.impronta_ir IS NOT NULL
       AND (to_jsonb(NEW) - 'impronta_ir' - 'applica' - 'governa_pendenti') = (to_jsonb(OLD) - 'impronta_ir' - 'applica' - 'governa_pendenti') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'versione % di % pubblicata: immutabile', OLD.versione, OLD.organismo_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
