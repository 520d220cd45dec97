-- The application role. Roles are cluster-wide, so creation is idempotent and tolerates a concurrent creator
-- (several databases of one cluster may migrate at the same time, e.g. parallel test databases).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kasseika_app') THEN
    CREATE ROLE kasseika_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The connecting (owner) role must be able to SET ROLE kasseika_app inside each transaction.
DO $$
BEGIN
  EXECUTE format('GRANT kasseika_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO kasseika_app;
