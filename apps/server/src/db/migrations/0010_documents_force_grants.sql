ALTER TABLE "documents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "document_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Documents are never deleted (versions accumulate); the council may change a document's visibility.
GRANT SELECT, INSERT, UPDATE ON "documents" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "document_versions" TO kasseika_app;
