ALTER TABLE "support_cases" ADD COLUMN "company_name_kana" text;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "corporate_number" text;--> statement-breakpoint
CREATE INDEX "support_cases_corporate_number_idx" ON "support_cases" USING btree ("council_id","corporate_number");