-- 再チャレンジ支援: council material, plus the referral the company consents to and the referred lawyer reads.
ALTER TABLE "case_rc_advice" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_rc_referrals" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_rc_proceedings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_rc_consultations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Advice and consultations are append-only; the referral is re-prepared and consented/revoked; routes change status.
GRANT SELECT, INSERT ON "case_rc_advice" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_rc_referrals" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "case_rc_proceedings" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_rc_consultations" TO kasseika_app;
