ALTER TABLE "case_guarantor_sets" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Revisions are append-only: a save inserts a new revision, nothing is updated or deleted.
GRANT SELECT, INSERT ON "case_guarantor_sets" TO kasseika_app;
