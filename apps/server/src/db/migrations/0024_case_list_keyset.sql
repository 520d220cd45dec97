DROP INDEX "support_cases_council_stage_idx";--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(reference_no || '|' || company_name || '|' || coalesce(replace(company_name_kana, ' ', ''), '') || '|' || coalesce(corporate_number, ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "support_cases_council_created_idx" ON "support_cases" USING btree ("council_id","created_at","id");--> statement-breakpoint
CREATE INDEX "support_cases_council_stage_created_idx" ON "support_cases" USING btree ("council_id","stage","created_at","id");--> statement-breakpoint
CREATE INDEX "support_cases_council_track_created_idx" ON "support_cases" USING btree ("council_id","track","created_at","id");--> statement-breakpoint
CREATE INDEX "case_tasks_open_assignee_idx" ON "case_tasks" USING btree ("assignee_user_id","case_id") WHERE "case_tasks"."status" = 'open';