ALTER TABLE "consultation_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Requests are inserted by the public form, marked verified once (verified_at, case_id); never deleted by the app.
GRANT SELECT, INSERT, UPDATE ON "consultation_requests" TO kasseika_app;
