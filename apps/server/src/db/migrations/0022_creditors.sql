CREATE TABLE "case_confidentiality_lifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"bank_code" text NOT NULL,
	"bank_name" text NOT NULL,
	"document_sets" text[] NOT NULL,
	"consented_by" uuid NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "case_confidentiality_lifts_sets" CHECK (cardinality("case_confidentiality_lifts"."document_sets") > 0)
);
--> statement-breakpoint
ALTER TABLE "case_confidentiality_lifts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_creditors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"bank_code" text NOT NULL,
	"bank_name" text NOT NULL,
	"is_main_bank" boolean DEFAULT false NOT NULL,
	"is_target" boolean DEFAULT true NOT NULL,
	"start_agreed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_creditors_bank_key" UNIQUE("case_id","bank_code")
);
--> statement-breakpoint
ALTER TABLE "case_creditors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"label" text NOT NULL,
	"balance" bigint NOT NULL,
	"annual_rate_percent" numeric(6, 3) NOT NULL,
	"monthly_repayment" bigint NOT NULL,
	"collateral" text,
	"collateral_appraisal" bigint DEFAULT 0 NOT NULL,
	"collateral_haircut_percent" smallint DEFAULT 100 NOT NULL,
	"guarantee_cover_percent" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_loans_amounts" CHECK ("case_loans"."balance" >= 0 and "case_loans"."monthly_repayment" >= 0 and "case_loans"."collateral_appraisal" >= 0
        and "case_loans"."collateral_haircut_percent" between 0 and 100 and "case_loans"."guarantee_cover_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "case_loans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_creditor_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"version_sha256" text NOT NULL,
	"bank_code" text NOT NULL,
	"kind" text NOT NULL,
	"stance" text,
	"conditions" text,
	"responded_by" uuid NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "case_creditor_responses_stance" CHECK (("case_creditor_responses"."kind" = 'stance') = ("case_creditor_responses"."stance" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_creditor_responses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_monitoring_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "case_monitoring_baselines_version_key" UNIQUE("case_id","version_id")
);
--> statement-breakpoint
ALTER TABLE "case_monitoring_baselines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_plan_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_enc" text NOT NULL,
	"target_bank_codes" text[] NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_plan_versions_no_key" UNIQUE("case_id","version_no"),
	CONSTRAINT "case_plan_versions_sha256" CHECK ("case_plan_versions"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "case_plan_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_confidentiality_lifts" ADD CONSTRAINT "case_confidentiality_lifts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_confidentiality_lifts" ADD CONSTRAINT "case_confidentiality_lifts_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_creditors" ADD CONSTRAINT "case_creditors_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_creditors" ADD CONSTRAINT "case_creditors_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_loans" ADD CONSTRAINT "case_loans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_loans" ADD CONSTRAINT "case_loans_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_loans" ADD CONSTRAINT "case_loans_creditor_id_case_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."case_creditors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_creditor_responses" ADD CONSTRAINT "case_creditor_responses_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_creditor_responses" ADD CONSTRAINT "case_creditor_responses_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_creditor_responses" ADD CONSTRAINT "case_creditor_responses_version_id_case_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_monitoring_baselines" ADD CONSTRAINT "case_monitoring_baselines_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_monitoring_baselines" ADD CONSTRAINT "case_monitoring_baselines_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_monitoring_baselines" ADD CONSTRAINT "case_monitoring_baselines_version_id_case_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_comments" ADD CONSTRAINT "case_plan_comments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_comments" ADD CONSTRAINT "case_plan_comments_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_comments" ADD CONSTRAINT "case_plan_comments_version_id_case_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_versions" ADD CONSTRAINT "case_plan_versions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plan_versions" ADD CONSTRAINT "case_plan_versions_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_confidentiality_lifts_case_idx" ON "case_confidentiality_lifts" USING btree ("case_id","bank_code");--> statement-breakpoint
CREATE UNIQUE INDEX "case_confidentiality_lifts_live_key" ON "case_confidentiality_lifts" USING btree ("case_id","bank_code") WHERE "case_confidentiality_lifts"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_creditors_one_main_bank" ON "case_creditors" USING btree ("case_id") WHERE "case_creditors"."is_main_bank";--> statement-breakpoint
CREATE INDEX "case_loans_case_idx" ON "case_loans" USING btree ("case_id","creditor_id");--> statement-breakpoint
CREATE INDEX "case_creditor_responses_case_idx" ON "case_creditor_responses" USING btree ("case_id","version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_creditor_responses_one_consent" ON "case_creditor_responses" USING btree ("version_id","bank_code") WHERE "case_creditor_responses"."kind" = 'consent' and "case_creditor_responses"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "case_monitoring_baselines_case_idx" ON "case_monitoring_baselines" USING btree ("case_id","agreed_at");--> statement-breakpoint
CREATE INDEX "case_plan_comments_version_idx" ON "case_plan_comments" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE POLICY "case_confidentiality_lifts_tenant_isolation" ON "case_confidentiality_lifts" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_confidentiality_lifts_company_read" ON "case_confidentiality_lifts" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_confidentiality_lifts"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'confidentiality.manage' = any(g.scopes)));--> statement-breakpoint
CREATE POLICY "case_confidentiality_lifts_company_insert" ON "case_confidentiality_lifts" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("case_confidentiality_lifts"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'confidentiality.manage' = any(g.scopes)) and "case_confidentiality_lifts"."consented_by" = app.user_id());--> statement-breakpoint
CREATE POLICY "case_confidentiality_lifts_company_revoke" ON "case_confidentiality_lifts" AS PERMISSIVE FOR UPDATE TO "kasseika_app" USING ("case_confidentiality_lifts"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'confidentiality.manage' = any(g.scopes))) WITH CHECK ("case_confidentiality_lifts"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'confidentiality.manage' = any(g.scopes)) and "case_confidentiality_lifts"."revoked_by" = app.user_id());--> statement-breakpoint
CREATE POLICY "case_confidentiality_lifts_bank_read" ON "case_confidentiality_lifts" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_confidentiality_lifts"."revoked_at" is null and "case_confidentiality_lifts"."bank_code" in (select o.bank_code from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null));--> statement-breakpoint
CREATE POLICY "case_creditors_tenant_isolation" ON "case_creditors" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_creditors_bank_read" ON "case_creditors" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_creditors"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'creditors.read' = any(g.scopes)) and "case_creditors"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'plan' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null)));--> statement-breakpoint
CREATE POLICY "case_loans_tenant_isolation" ON "case_loans" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_loans_bank_read" ON "case_loans" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_loans"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'creditors.read' = any(g.scopes)) and "case_loans"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'plan' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null)));--> statement-breakpoint
CREATE POLICY "case_creditor_responses_tenant_isolation" ON "case_creditor_responses" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_creditor_responses_bank_read" ON "case_creditor_responses" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_creditor_responses"."bank_code" in (select o.bank_code from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null) and "case_creditor_responses"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'plan.read' = any(g.scopes))
        and "case_creditor_responses"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'plan' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null)));--> statement-breakpoint
CREATE POLICY "case_creditor_responses_bank_insert" ON "case_creditor_responses" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("case_creditor_responses"."bank_code" in (select o.bank_code from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null) and "case_creditor_responses"."responded_by" = app.user_id()
        and "case_creditor_responses"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'plan.respond' = any(g.scopes)) and "case_creditor_responses"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'plan' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null))
        and "case_creditor_responses"."bank_code" in (select c.bank_code from case_creditors c where c.case_id = "case_creditor_responses"."case_id" and c.is_target));--> statement-breakpoint
CREATE POLICY "case_monitoring_baselines_tenant_isolation" ON "case_monitoring_baselines" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_plan_comments_tenant_isolation" ON "case_plan_comments" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_plan_versions_tenant_isolation" ON "case_plan_versions" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_plan_versions_bank_read" ON "case_plan_versions" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_plan_versions"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'plan.read' = any(g.scopes)) and "case_plan_versions"."case_id" in (select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and 'plan' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null)));