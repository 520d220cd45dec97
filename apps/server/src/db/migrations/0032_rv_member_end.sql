ALTER TABLE "case_rv_team_members" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ADD COLUMN "end_kind" text;--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ADD COLUMN "end_reason_enc" text;--> statement-breakpoint
ALTER TABLE "case_rv_team_members" ADD CONSTRAINT "case_rv_team_members_end_details" CHECK ("case_rv_team_members"."ended_at" is not null or ("case_rv_team_members"."ended_by" is null and "case_rv_team_members"."ended_on" is null and "case_rv_team_members"."end_kind" is null and "case_rv_team_members"."end_reason_enc" is null));