CREATE TABLE "case_rv_support_designs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"seeks_forgiveness" boolean NOT NULL,
	"requirements_version" text NOT NULL,
	"payload_enc" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rv_support_designs_version_key" UNIQUE("case_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_rv_support_designs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_rv_support_designs" ADD CONSTRAINT "case_rv_support_designs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_support_designs" ADD CONSTRAINT "case_rv_support_designs_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "case_rv_support_designs_tenant_isolation" ON "case_rv_support_designs" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());