-- Search grams of the staff case list (ADR 0020): kept by a trigger on support_cases under the same tenant policy.
ALTER TABLE "case_search_terms" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Written by the trigger below, which runs as the role writing the case (like support_cases, no UPDATE: a changed
-- case has its grams deleted and inserted again).
GRANT SELECT, INSERT, DELETE ON "case_search_terms" TO kasseika_app;
--> statement-breakpoint
-- The grams of a text: every distinct bigram, and every 4-character run of ASCII digits (a bigram of digits is in
-- nearly every case; a 4-digit run of a 法人番号 or reference number is not). The search splits its (lower-cased)
-- input with the same function, so whatever a LIKE '%input%' matches holds all of the input's grams.
CREATE OR REPLACE FUNCTION app.case_search_grams(s text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
     SELECT substr(s, i, 2) AS g FROM generate_series(1, char_length(s) - 1) AS i
     UNION ALL
     SELECT substr(s, i, 4) FROM generate_series(1, char_length(s) - 3) AS i WHERE substr(s, i, 4) ~ '^[0-9]{4}$'
   ) AS grams $$;
--> statement-breakpoint
-- Keeps a case's grams in step with its search_text, in the writing transaction. SECURITY INVOKER (as every app
-- function): the grams pass the same tenant policy as the case they come from, whoever the owner is.
CREATE OR REPLACE FUNCTION app.support_cases_search_terms() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_text = OLD.search_text AND NEW.council_id = OLD.council_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM case_search_terms
     WHERE council_id = OLD.council_id AND term = ANY (app.case_search_grams(OLD.search_text)) AND case_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO case_search_terms (council_id, term, case_id)
    SELECT NEW.council_id, g, NEW.id FROM unnest(app.case_search_grams(NEW.search_text)) AS g;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER support_cases_search_terms AFTER INSERT OR DELETE
  OR UPDATE OF council_id, reference_no, company_name, company_name_kana, corporate_number ON "support_cases"
  FOR EACH ROW EXECUTE FUNCTION app.support_cases_search_terms();
--> statement-breakpoint
-- Backfill the cases that exist (as the migrating role, which sees every council's cases).
INSERT INTO case_search_terms (council_id, term, case_id)
SELECT c.council_id, g, c.id FROM support_cases AS c, unnest(app.case_search_grams(c.search_text)) AS g;
