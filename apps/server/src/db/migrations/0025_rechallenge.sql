CREATE TABLE "case_rc_advice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"advised_on" date NOT NULL,
	"topic" text NOT NULL,
	"text_enc" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_rc_advice" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_rc_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"lawyer_name" text NOT NULL,
	"fee_yen" integer NOT NULL,
	"fee_supported" boolean NOT NULL,
	"support_ordinal" smallint,
	"rule_id" text,
	"note_enc" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rc_consultations_ordinal_key" UNIQUE("case_id","support_ordinal"),
	CONSTRAINT "case_rc_consultations_fee" CHECK ("case_rc_consultations"."fee_yen" >= 0),
	CONSTRAINT "case_rc_consultations_support" CHECK ("case_rc_consultations"."fee_supported" = ("case_rc_consultations"."support_ordinal" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_rc_consultations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_rc_proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"route" text NOT NULL,
	"guarantor_name_enc" text,
	"status" text NOT NULL,
	"started_on" date,
	"ended_on" date,
	"note_enc" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rc_proceedings_dates" CHECK ("case_rc_proceedings"."ended_on" is null or "case_rc_proceedings"."started_on" is null or "case_rc_proceedings"."ended_on" >= "case_rc_proceedings"."started_on"),
	CONSTRAINT "case_rc_proceedings_guarantor" CHECK (("case_rc_proceedings"."kind" = 'guarantor') = ("case_rc_proceedings"."guarantor_name_enc" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_rc_proceedings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_rc_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"lawyer_user_id" uuid NOT NULL,
	"lawyer_name" text NOT NULL,
	"lawyer_firm" text NOT NULL,
	"package_enc" text NOT NULL,
	"package_hash" text NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consented_at" timestamp with time zone,
	"consented_by" uuid,
	"consent_revoked_at" timestamp with time zone,
	"consent_revoked_by" uuid,
	"grant_id" uuid,
	CONSTRAINT "case_rc_referrals_case_key" UNIQUE("case_id"),
	CONSTRAINT "case_rc_referrals_revocation" CHECK ("case_rc_referrals"."consent_revoked_at" is null or "case_rc_referrals"."consented_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "case_rc_referrals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_rc_advice" ADD CONSTRAINT "case_rc_advice_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_advice" ADD CONSTRAINT "case_rc_advice_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_consultations" ADD CONSTRAINT "case_rc_consultations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_consultations" ADD CONSTRAINT "case_rc_consultations_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_proceedings" ADD CONSTRAINT "case_rc_proceedings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_proceedings" ADD CONSTRAINT "case_rc_proceedings_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_referrals" ADD CONSTRAINT "case_rc_referrals_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_referrals" ADD CONSTRAINT "case_rc_referrals_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rc_referrals" ADD CONSTRAINT "case_rc_referrals_lawyer_user_id_users_id_fk" FOREIGN KEY ("lawyer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_rc_advice_case_idx" ON "case_rc_advice" USING btree ("case_id","advised_on");--> statement-breakpoint
CREATE INDEX "case_rc_consultations_case_idx" ON "case_rc_consultations" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE INDEX "case_rc_proceedings_case_idx" ON "case_rc_proceedings" USING btree ("case_id");--> statement-breakpoint
CREATE POLICY "case_rc_advice_tenant_isolation" ON "case_rc_advice" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rc_consultations_tenant_isolation" ON "case_rc_consultations" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rc_proceedings_tenant_isolation" ON "case_rc_proceedings" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rc_referrals_tenant_isolation" ON "case_rc_referrals" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rc_referrals_company_read" ON "case_rc_referrals" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING (app.has_role('company_member') and "case_rc_referrals"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'case.read' = any(g.scopes)));--> statement-breakpoint
CREATE POLICY "case_rc_referrals_company_consent" ON "case_rc_referrals" AS PERMISSIVE FOR UPDATE TO "kasseika_app" USING (app.has_role('company_member') and "case_rc_referrals"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'case.read' = any(g.scopes))) WITH CHECK (app.has_role('company_member') and "case_rc_referrals"."case_id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'case.read' = any(g.scopes)));--> statement-breakpoint
CREATE POLICY "case_rc_referrals_lawyer_read" ON "case_rc_referrals" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_rc_referrals"."lawyer_user_id" = app.user_id() and "case_rc_referrals"."consented_at" is not null and "case_rc_referrals"."consent_revoked_at" is null);