CREATE TABLE "case_bank_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"version_sha256" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"place" text NOT NULL,
	"agenda" text[] NOT NULL,
	"invited_bank_codes" text[] NOT NULL,
	"attendance" jsonb,
	"minutes_enc" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_bank_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_bank_meetings" ADD CONSTRAINT "case_bank_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_bank_meetings" ADD CONSTRAINT "case_bank_meetings_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_bank_meetings" ADD CONSTRAINT "case_bank_meetings_version_id_case_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_bank_meetings_case_idx" ON "case_bank_meetings" USING btree ("case_id","scheduled_at");--> statement-breakpoint
CREATE POLICY "case_bank_meetings_tenant_isolation" ON "case_bank_meetings" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_bank_meetings_bank_read" ON "case_bank_meetings" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_bank_meetings"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'plan.read' = any(g.scopes)) and "case_bank_meetings"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'plan' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null))
        and "case_bank_meetings"."invited_bank_codes" && array(select o.bank_code from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null));