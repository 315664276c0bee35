-- Issue 15 § 1: a published version is stored compiled, its IR with the IR's hash (sha-256 of its
-- canonical JSON, server/ricevute/impronta.ts), set at publication; a start reads them and compiles
-- nothing. Versions published before this column get their hash once, at the next start: the
-- immutability trigger lets that one write through (a null hash set, nothing else changed).
ALTER TABLE "regolamento_versioni" ADD COLUMN "impronta_ir" text;--> statement-breakpoint
CREATE OR REPLACE FUNCTION regolamento_pubblicato_immutabile() RETURNS trigger AS $$
BEGIN
  IF OLD.stato = 'pubblicata' THEN
    IF TG_OP = 'UPDATE' AND OLD.impronta_ir IS NULL AND NEW.impronta_ir IS NOT NULL
       AND (to_jsonb(NEW) - 'impronta_ir') = (to_jsonb(OLD) - 'impronta_ir') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'versione % di % pubblicata: immutabile', OLD.versione, OLD.organismo_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The organismi with a procedure that has no summary yet (agenda/ricostruzione.ts), in one round
-- trip: a register of 1,000 organismi took 1,000 transactions (≈ 6 s) at every start. Runs as the
-- caller (app_user, row-level security on): the tenant is set for each organismo in turn, as
-- inTenant would, and put back.
CREATE OR REPLACE FUNCTION organismi_senza_sintesi() RETURNS SETOF text AS $$
DECLARE
  o text;
  prima text := coalesce(current_setting('app.organismo', true), '');
BEGIN
  FOR o IN SELECT organismo_id FROM organismi WHERE NOT normativa ORDER BY organismo_id LOOP
    PERFORM set_config('app.organismo', o, true);
    IF EXISTS (SELECT 1 FROM procedimenti p WHERE p.organismo_id = o
               AND NOT EXISTS (SELECT 1 FROM procedimenti_sintesi s WHERE s.organismo_id = p.organismo_id AND s.procedimento_id = p.id)) THEN
      RETURN NEXT o;
    END IF;
  END LOOP;
  PERFORM set_config('app.organismo', prima, true);
END $$ LANGUAGE plpgsql;
