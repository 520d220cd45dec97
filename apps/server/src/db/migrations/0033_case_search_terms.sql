CREATE TABLE "case_search_terms" (
	"council_id" smallint NOT NULL,
	"term" text NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "case_search_terms_pkey" PRIMARY KEY("council_id","term","case_id")
);
--> statement-breakpoint
ALTER TABLE "case_search_terms" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "case_search_terms_tenant_isolation" ON "case_search_terms" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());