CREATE TABLE "case_internal_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"body_enc" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_internal_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees_enc" text NOT NULL,
	"notes_enc" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_interviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"issue_enc" text NOT NULL,
	"advice_enc" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"advice_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_issues" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"checklist_key" text,
	"title" text NOT NULL,
	"assignee_user_id" uuid,
	"due_on" date NOT NULL,
	"remind_on" date,
	"reminded_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_tasks_done_consistent" CHECK (("case_tasks"."status" = 'done') = ("case_tasks"."completed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_triage_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"referral_body" text,
	"referral_body_name" text,
	"reasons_enc" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_triage_decisions_case_key" UNIQUE("case_id"),
	CONSTRAINT "case_triage_decisions_referral" CHECK (("case_triage_decisions"."decision" = 'refer') = ("case_triage_decisions"."referral_body" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_triage_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
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
ALTER TABLE "case_internal_notes" ADD CONSTRAINT "case_internal_notes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_internal_notes" ADD CONSTRAINT "case_internal_notes_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interviews" ADD CONSTRAINT "case_interviews_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interviews" ADD CONSTRAINT "case_interviews_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_issues" ADD CONSTRAINT "case_issues_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_issues" ADD CONSTRAINT "case_issues_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_triage_decisions" ADD CONSTRAINT "case_triage_decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_triage_decisions" ADD CONSTRAINT "case_triage_decisions_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_action_items" ADD CONSTRAINT "case_action_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_action_items" ADD CONSTRAINT "case_action_items_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_earnings_plans" ADD CONSTRAINT "case_earnings_plans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_earnings_plans" ADD CONSTRAINT "case_earnings_plans_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_governance_checks" ADD CONSTRAINT "case_governance_checks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_governance_checks" ADD CONSTRAINT "case_governance_checks_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_internal_notes_case_idx" ON "case_internal_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_interviews_case_idx" ON "case_interviews" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE INDEX "case_issues_case_idx" ON "case_issues" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_tasks_open_due_idx" ON "case_tasks" USING btree ("council_id","due_on") WHERE "case_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "case_tasks_reminder_idx" ON "case_tasks" USING btree ("council_id","remind_on") WHERE "case_tasks"."reminded_at" is null and "case_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "case_action_items_case_idx" ON "case_action_items" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE POLICY "case_internal_notes_tenant_isolation" ON "case_internal_notes" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_interviews_tenant_isolation" ON "case_interviews" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_issues_tenant_isolation" ON "case_issues" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_tasks_tenant_isolation" ON "case_tasks" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_triage_decisions_tenant_isolation" ON "case_triage_decisions" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_action_items_tenant_isolation" ON "case_action_items" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_earnings_plans_tenant_isolation" ON "case_earnings_plans" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_governance_checks_tenant_isolation" ON "case_governance_checks" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());