-- Row-level security applies even to the table owner; no role but a superuser bypasses it.
ALTER TABLE "support_cases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Least privilege: the app role may read the public directory and work on tenant rows; master data is written
-- only by the owner during the start-up sync.
GRANT SELECT ON "directory_sources", "councils", "council_offices" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "support_cases" TO kasseika_app;
