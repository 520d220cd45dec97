CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid,
	"case_reference_no" text,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"organization" jsonb NOT NULL,
	"roles" text[] NOT NULL,
	"role_in_case" text,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"grant_expires_at" timestamp with time zone,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"inviter_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_council_idx" ON "invitations" USING btree ("council_id","case_id");--> statement-breakpoint
CREATE POLICY "invitations_app_council" ON "invitations" AS PERMISSIVE FOR ALL TO "kasseika_app" USING ("invitations"."council_id" = app.council_id()) WITH CHECK ("invitations"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "invitations_auth_all" ON "invitations" AS PERMISSIVE FOR ALL TO "kasseika_auth" USING (true) WITH CHECK (true);