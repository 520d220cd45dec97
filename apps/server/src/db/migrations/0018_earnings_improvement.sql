CREATE TABLE "case_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"what_enc" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_action_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_earnings_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"plan_years" smallint NOT NULL,
	"rescheduling_requested" boolean NOT NULL,
	"starts_on" date NOT NULL,
	"summary_enc" text NOT NULL,
	"adopted_by" uuid NOT NULL,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_earnings_plans_case_key" UNIQUE("case_id"),
	CONSTRAINT "case_earnings_plans_years" CHECK ("case_earnings_plans"."plan_years" between 1 and 3 and (not "case_earnings_plans"."rescheduling_requested" or "case_earnings_plans"."plan_years" = 1))
);
--> statement-breakpoint
ALTER TABLE "case_earnings_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_governance_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"status" text NOT NULL,
	"note_enc" text,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_governance_checks_item_key" UNIQUE("case_id","item_key")
);
--> statement-breakpoint
ALTER TABLE "case_governance_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_action_items" ADD CONSTRAINT "case_action_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_action_items" ADD CONSTRAINT "case_action_items_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_earnings_plans" ADD CONSTRAINT "case_earnings_plans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_earnings_plans" ADD CONSTRAINT "case_earnings_plans_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_governance_checks" ADD CONSTRAINT "case_governance_checks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_governance_checks" ADD CONSTRAINT "case_governance_checks_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_action_items_case_idx" ON "case_action_items" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE POLICY "case_action_items_tenant_isolation" ON "case_action_items" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_earnings_plans_tenant_isolation" ON "case_earnings_plans" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_governance_checks_tenant_isolation" ON "case_governance_checks" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());