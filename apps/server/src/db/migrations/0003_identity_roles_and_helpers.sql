-- The identity subsystem's role: sign-in, sessions, credentials, tokens, rate limits. Like kasseika_app it cannot
-- log in, bypass RLS or own anything; the two roles see disjoint secrets.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kasseika_auth') THEN
    CREATE ROLE kasseika_auth NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT kasseika_auth TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO kasseika_auth;
--> statement-breakpoint
-- Row-level-security helpers: the transaction's tenant context (set with set_config(…, true) by withTenantTx).
-- SECURITY INVOKER and STABLE, so they are inlined and grant nothing. nullif: after first use in a session an
-- unset setting reads '' rather than NULL.
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.council_id() RETURNS smallint LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.council_id', true), '')::smallint $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.has_role(role text) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(role = any(string_to_array(nullif(current_setting('app.roles', true), ''), ',')), false) $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO kasseika_app, kasseika_auth;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO kasseika_app, kasseika_auth;
