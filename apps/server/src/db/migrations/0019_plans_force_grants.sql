ALTER TABLE "case_plan_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_plan_comments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_creditor_responses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_monitoring_baselines" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Plan versions, comments and baselines are immutable: insert and read only.
GRANT SELECT, INSERT ON "case_plan_versions", "case_plan_comments", "case_monitoring_baselines" TO kasseika_app;
--> statement-breakpoint
-- Answers are voided (an update by the council), never deleted.
GRANT SELECT, INSERT, UPDATE ON "case_creditor_responses" TO kasseika_app;
