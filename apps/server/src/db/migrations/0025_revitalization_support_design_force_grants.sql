-- 金融支援策 designs: council-only case work (ADR 0015), append-only versions.
ALTER TABLE "case_rv_support_designs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_rv_support_designs" TO kasseika_app;
