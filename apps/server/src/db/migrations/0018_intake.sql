CREATE TABLE "consultation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"reference_no" text NOT NULL,
	"token_hash" text NOT NULL,
	"company_name" text NOT NULL,
	"company_name_kana" text NOT NULL,
	"corporate_number" text,
	"prefecture_code" text NOT NULL,
	"duplicate_keys" text[] NOT NULL,
	"email_enc" text NOT NULL,
	"details_enc" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"case_id" uuid,
	CONSTRAINT "consultation_requests_reference_key" UNIQUE("reference_no"),
	CONSTRAINT "consultation_requests_token_key" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "consultation_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD CONSTRAINT "consultation_requests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_requests_case_idx" ON "consultation_requests" USING btree ("council_id","case_id");--> statement-breakpoint
CREATE POLICY "consultation_requests_tenant_isolation" ON "consultation_requests" AS PERMISSIVE FOR ALL TO "kasseika_app" USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());