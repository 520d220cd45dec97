-- Council case work (窓口相談, triage, tasks): the council's own material, tenant policy only (ADR 0015).
ALTER TABLE "case_interviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_issues" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_internal_notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_triage_decisions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_tasks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Interviews, internal notes and the triage decision are append-only; advice is added to an issue later; tasks are
-- completed, reopened and marked reminded.
GRANT SELECT, INSERT ON "case_interviews" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_internal_notes" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_triage_decisions" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_issues" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_tasks" TO kasseika_app;

--> statement-breakpoint
-- 収益力改善支援: council-only case work (ADR 0015).
ALTER TABLE "case_governance_checks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_action_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_earnings_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Checklist answers are replaced and action items move through statuses; the adopted plan is written once.
GRANT SELECT, INSERT, UPDATE ON "case_governance_checks" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_action_items" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_earnings_plans" TO kasseika_app;
