CREATE TABLE "case_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"reason_enc" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_transitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "stage" text DEFAULT 'desk_consultation' NOT NULL;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "track" text;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_transitions_case_idx" ON "case_transitions" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "support_cases_council_stage_idx" ON "support_cases" USING btree ("council_id","stage","created_at");--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_closed_consistent" CHECK (("support_cases"."stage" = 'closed') = ("support_cases"."closed_at" is not null and "support_cases"."outcome" is not null));--> statement-breakpoint
CREATE POLICY "case_transitions_tenant_isolation" ON "case_transitions" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());