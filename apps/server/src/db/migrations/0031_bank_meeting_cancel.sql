ALTER TABLE "case_bank_meetings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_bank_meetings" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "case_bank_meetings" ADD COLUMN "cancel_reason_enc" text;