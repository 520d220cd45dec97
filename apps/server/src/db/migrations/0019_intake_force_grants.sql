ALTER TABLE "consultation_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Requests are inserted by the public form and marked verified once (verified_at, case_id); requests never verified
-- are deleted once their link has expired (the verification mail promises it).
GRANT SELECT, INSERT, UPDATE, DELETE ON "consultation_requests" TO kasseika_app;
