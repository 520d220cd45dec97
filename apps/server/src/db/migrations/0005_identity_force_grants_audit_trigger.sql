-- RLS applies to the owner too.
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_grants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Request role (tenant data): no access at all to credentials, sessions, tokens or rate-limit counters.
GRANT SELECT, INSERT ON "organizations" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT ON "users" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "memberships", "case_grants" TO kasseika_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "audit_events" TO kasseika_app, kasseika_auth;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "audit_chain_heads" TO kasseika_app, kasseika_auth;
--> statement-breakpoint
GRANT SELECT ON "council_data_keys" TO kasseika_app, kasseika_auth;
--> statement-breakpoint
GRANT INSERT ON "mail_outbox" TO kasseika_app;
--> statement-breakpoint
-- Identity role.
GRANT SELECT, INSERT, UPDATE ON "users", "organizations", "memberships" TO kasseika_auth;
--> statement-breakpoint
GRANT SELECT, INSERT ON "case_grants" TO kasseika_auth;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "user_credentials", "webauthn_credentials", "external_identities", "sessions", "one_time_tokens", "rate_limit_counters" TO kasseika_auth;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "mail_outbox" TO kasseika_auth;
--> statement-breakpoint
GRANT SELECT ON "councils", "council_offices", "directory_sources" TO kasseika_auth;
--> statement-breakpoint
-- The audit trail is append-only, for every role including the owner (a superuser must disable the trigger
-- explicitly, and verify-audit then finds what was changed).
CREATE OR REPLACE FUNCTION app.reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit_events is append-only (% rejected)', TG_OP USING ERRCODE = 'P0001'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION app.reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION app.reject_audit_change();
