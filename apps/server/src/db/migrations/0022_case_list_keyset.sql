DROP INDEX "support_cases_council_stage_idx";--> statement-breakpoint
CREATE INDEX "support_cases_council_created_idx" ON "support_cases" USING btree ("council_id","created_at","id");--> statement-breakpoint
CREATE INDEX "support_cases_council_stage_created_idx" ON "support_cases" USING btree ("council_id","stage","created_at","id");--> statement-breakpoint
CREATE INDEX "support_cases_council_track_created_idx" ON "support_cases" USING btree ("council_id","track","created_at","id");--> statement-breakpoint
CREATE INDEX "case_tasks_open_assignee_idx" ON "case_tasks" USING btree ("assignee_user_id","case_id") WHERE "case_tasks"."status" = 'open';