ALTER TABLE "case_transitions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The workflow history is append-only for the app: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON "case_transitions" TO kasseika_app;
