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
CREATE INDEX "case_internal_notes_case_idx" ON "case_internal_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_interviews_case_idx" ON "case_interviews" USING btree ("case_id","held_on");--> statement-breakpoint
CREATE INDEX "case_issues_case_idx" ON "case_issues" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "case_tasks_open_due_idx" ON "case_tasks" USING btree ("council_id","due_on") WHERE "case_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "case_tasks_reminder_idx" ON "case_tasks" USING btree ("council_id","remind_on") WHERE "case_tasks"."reminded_at" is null and "case_tasks"."status" = 'open';--> statement-breakpoint
CREATE POLICY "case_internal_notes_tenant_isolation" ON "case_internal_notes" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_interviews_tenant_isolation" ON "case_interviews" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_issues_tenant_isolation" ON "case_issues" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_tasks_tenant_isolation" ON "case_tasks" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());--> statement-breakpoint
CREATE POLICY "case_triage_decisions_tenant_isolation" ON "case_triage_decisions" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());