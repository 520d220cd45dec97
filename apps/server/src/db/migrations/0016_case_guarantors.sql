CREATE TABLE "case_guarantor_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"guarantor_count" smallint NOT NULL,
	"guarantors_enc" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_guarantor_sets_revision_key" UNIQUE("case_id","revision")
);
--> statement-breakpoint
ALTER TABLE "case_guarantor_sets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_guarantor_sets" ADD CONSTRAINT "case_guarantor_sets_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_guarantor_sets" ADD CONSTRAINT "case_guarantor_sets_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_guarantor_sets_case_idx" ON "case_guarantor_sets" USING btree ("case_id","revision");--> statement-breakpoint
CREATE POLICY "case_guarantor_sets_tenant_isolation" ON "case_guarantor_sets" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_guarantor_sets_granted_read" ON "case_guarantor_sets" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_guarantor_sets"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'guarantors.read' = any(g.scopes)));--> statement-breakpoint
CREATE POLICY "case_guarantor_sets_granted_insert" ON "case_guarantor_sets" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("case_guarantor_sets"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'guarantors.write' = any(g.scopes)) and "case_guarantor_sets"."entered_by" = app.user_id());