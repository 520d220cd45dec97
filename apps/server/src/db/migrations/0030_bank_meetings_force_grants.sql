-- Bank meetings (バンクミーティング, issue 7): the council schedules, edits and records; invited banks read.
ALTER TABLE "case_bank_meetings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Meetings are edited and their attendance and minutes recorded (updates), never deleted.
GRANT SELECT, INSERT, UPDATE ON "case_bank_meetings" TO kasseika_app;
