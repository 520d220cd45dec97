CREATE TABLE "case_real_balance_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"as_of" date NOT NULL,
	"payload_enc" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_real_balance_sheets_version_key" UNIQUE("case_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_real_balance_sheets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_rv_business_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"plan_years" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"payload_enc" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rv_business_plans_version_key" UNIQUE("case_id","version"),
	CONSTRAINT "case_rv_business_plans_years" CHECK ("case_rv_business_plans"."plan_years" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "case_rv_business_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_rv_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"team_type" text NOT NULL,
	"support_kind" text NOT NULL,
	"forgiveness_expected" boolean DEFAULT false NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rv_profiles_case_key" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "case_rv_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
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
CREATE TABLE "case_rv_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"staff_user_id" uuid,
	"position" text,
	"seconded_from_bank" text,
	"bank_is_creditor" boolean DEFAULT false NOT NULL,
	"expert_email" text,
	"expert_name" text,
	"expert_organization" text,
	"qualification" text,
	"duty" text,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"expires_on" date,
	"has_conflict" boolean,
	"conflict_details_enc" text,
	"declared_at" timestamp with time zone,
	"appointed_by" uuid NOT NULL,
	"appointed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "case_rv_team_members_kind_fields" CHECK (("case_rv_team_members"."kind" = 'staff' and "case_rv_team_members"."staff_user_id" is not null and "case_rv_team_members"."position" is not null)
        or ("case_rv_team_members"."kind" = 'expert' and "case_rv_team_members"."expert_email" is not null and "case_rv_team_members"."qualification" is not null and "case_rv_team_members"."expires_on" is not null
            and "case_rv_team_members"."has_conflict" is not null)),
	CONSTRAINT "case_rv_team_members_declaration" CHECK (("case_rv_team_members"."has_conflict" is null) = ("case_rv_team_members"."declared_at" is null))
);
--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_real_balance_sheets" ADD CONSTRAINT "case_real_balance_sheets_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_real_balance_sheets" ADD CONSTRAINT "case_real_balance_sheets_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_business_plans" ADD CONSTRAINT "case_rv_business_plans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_business_plans" ADD CONSTRAINT "case_rv_business_plans_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_profiles" ADD CONSTRAINT "case_rv_profiles_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_profiles" ADD CONSTRAINT "case_rv_profiles_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_support_designs" ADD CONSTRAINT "case_rv_support_designs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_support_designs" ADD CONSTRAINT "case_rv_support_designs_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ADD CONSTRAINT "case_rv_team_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ADD CONSTRAINT "case_rv_team_members_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_rv_team_members_case_idx" ON "case_rv_team_members" USING btree ("case_id","appointed_at");--> statement-breakpoint
CREATE POLICY "case_real_balance_sheets_tenant_isolation" ON "case_real_balance_sheets" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rv_business_plans_tenant_isolation" ON "case_rv_business_plans" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rv_profiles_tenant_isolation" ON "case_rv_profiles" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rv_support_designs_tenant_isolation" ON "case_rv_support_designs" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_rv_team_members_tenant_isolation" ON "case_rv_team_members" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());