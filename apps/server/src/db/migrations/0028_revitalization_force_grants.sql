-- 再生支援 / プレ再生支援: council-only case work (ADR 0015); experts reach the case through their grant only.
ALTER TABLE "case_rv_profiles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_rv_team_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_real_balance_sheets" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_rv_business_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The profile is changed in place; an appointment is ended (ended_at), never deleted; the 実態BS and the business
-- plan are append-only versions.
GRANT SELECT, INSERT, UPDATE ON "case_rv_profiles" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_rv_team_members" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_real_balance_sheets" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_rv_business_plans" TO kasseika_app;

--> statement-breakpoint
-- 金融支援策 designs: council-only case work (ADR 0015), append-only versions.
ALTER TABLE "case_rv_support_designs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_rv_support_designs" TO kasseika_app;
