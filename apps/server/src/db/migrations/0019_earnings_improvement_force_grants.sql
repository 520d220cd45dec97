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
