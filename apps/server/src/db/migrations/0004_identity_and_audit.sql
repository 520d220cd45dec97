CREATE TABLE "case_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" smallint NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role_in_case" text NOT NULL,
	"scopes" text[] NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
ALTER TABLE "case_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "external_identities" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_identities_pk" UNIQUE("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"template" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"council_id" smallint,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "one_time_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "one_time_tokens_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_kana" text,
	"council_id" smallint,
	"bank_code" text,
	"corporate_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_council_kind" CHECK (("organizations"."kind" in ('council', 'company')) = ("organizations"."council_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_pk" UNIQUE("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text NOT NULL,
	"active_membership_id" uuid,
	"auth_methods" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"mfa_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "user_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"password_hash" text,
	"password_changed_at" timestamp with time zone,
	"totp_secret" text,
	"totp_pending" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"recovery_code_hashes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"locale" text DEFAULT 'ja' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_key" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webauthn_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"public_key" "bytea" NOT NULL,
	"counter" integer DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}'::text[] NOT NULL,
	"device_type" text NOT NULL,
	"backed_up" boolean NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"chain" smallint NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"event_type" text NOT NULL,
	"outcome" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"actor_roles" text[] NOT NULL,
	"council_id" smallint,
	"case_id" uuid,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"request_id" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_chain_seq_key" UNIQUE("chain","seq")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "council_data_keys" (
	"council_id" smallint PRIMARY KEY NOT NULL,
	"key_version" smallint NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "company_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "case_grants" ADD CONSTRAINT "case_grants_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_grants" ADD CONSTRAINT "case_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_grants" ADD CONSTRAINT "case_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_grants" ADD CONSTRAINT "case_grants_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_credentials" ADD CONSTRAINT "user_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "webauthn_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_grants_user_idx" ON "case_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_grants_case_idx" ON "case_grants" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("created_at") WHERE "mail_outbox"."sent_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_active_key" ON "memberships" USING btree ("user_id","organization_id") WHERE "memberships"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "memberships_council_idx" ON "memberships" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_one_per_council" ON "organizations" USING btree ("council_id") WHERE "organizations"."kind" = 'council';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_bank_code_key" ON "organizations" USING btree ("bank_code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "webauthn_credentials_user_idx" ON "webauthn_credentials" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE POLICY "support_cases_granted_read" ON "support_cases" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("support_cases"."id" in (select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and 'case.read' = any(g.scopes)));--> statement-breakpoint
CREATE POLICY "case_grants_app_read" ON "case_grants" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("case_grants"."council_id" = app.council_id() or "case_grants"."user_id" = app.user_id());--> statement-breakpoint
CREATE POLICY "case_grants_app_insert" ON "case_grants" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("case_grants"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "case_grants_app_update" ON "case_grants" AS PERMISSIVE FOR UPDATE TO "kasseika_app" USING ("case_grants"."council_id" = app.council_id()) WITH CHECK ("case_grants"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "case_grants_auth_read" ON "case_grants" AS PERMISSIVE FOR SELECT TO "kasseika_auth" USING (true);--> statement-breakpoint
CREATE POLICY "case_grants_auth_insert" ON "case_grants" AS PERMISSIVE FOR INSERT TO "kasseika_auth" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "memberships_app_read" ON "memberships" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("memberships"."user_id" = app.user_id() or "memberships"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "memberships_app_write" ON "memberships" AS PERMISSIVE FOR ALL TO "kasseika_app" USING ("memberships"."council_id" = app.council_id()) WITH CHECK ("memberships"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "memberships_auth_all" ON "memberships" AS PERMISSIVE FOR ALL TO "kasseika_auth" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "organizations_app_read" ON "organizations" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("organizations"."kind" not in ('company') or "organizations"."council_id" = app.council_id()
        or exists (select 1 from memberships m where m.organization_id = "organizations"."id" and m.user_id = app.user_id() and m.revoked_at is null));--> statement-breakpoint
CREATE POLICY "organizations_app_write_company" ON "organizations" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK ("organizations"."kind" = 'company' and "organizations"."council_id" = app.council_id());--> statement-breakpoint
CREATE POLICY "organizations_auth_all" ON "organizations" AS PERMISSIVE FOR ALL TO "kasseika_auth" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "users_app_read" ON "users" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("users"."id" = app.user_id()
        or exists (select 1 from memberships m where m.user_id = "users"."id" and m.council_id = app.council_id())
        or exists (select 1 from case_grants g where g.user_id = "users"."id" and g.council_id = app.council_id()));--> statement-breakpoint
CREATE POLICY "users_auth_all" ON "users" AS PERMISSIVE FOR ALL TO "kasseika_auth" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "audit_events_app_append" ON "audit_events" AS PERMISSIVE FOR INSERT TO "kasseika_app" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "audit_events_app_read" ON "audit_events" AS PERMISSIVE FOR SELECT TO "kasseika_app" USING ("audit_events"."council_id" = app.council_id()
        or "audit_events"."actor_user_id" = app.user_id()
        or app.has_role('audit_verifier')
        or ("audit_events"."case_id" is not null and "audit_events"."case_id" in (select g.case_id from case_grants g
             where g.user_id = app.user_id() and g.revoked_at is null and (g.expires_at is null or g.expires_at > now())
               and 'case.accessLog' = any(g.scopes))));--> statement-breakpoint
CREATE POLICY "audit_events_auth_append" ON "audit_events" AS PERMISSIVE FOR INSERT TO "kasseika_auth" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "audit_events_auth_read_own" ON "audit_events" AS PERMISSIVE FOR SELECT TO "kasseika_auth" USING ("audit_events"."actor_user_id" = app.user_id());--> statement-breakpoint
ALTER POLICY "support_cases_tenant_isolation" ON "support_cases" TO kasseika_app USING (council_id = app.council_id()) WITH CHECK (council_id = app.council_id());