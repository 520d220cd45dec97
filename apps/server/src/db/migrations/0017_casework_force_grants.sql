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
