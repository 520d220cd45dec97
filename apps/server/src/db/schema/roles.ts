import { pgRole } from 'drizzle-orm/pg-core';

/**
 * The role every request runs as for tenant data (`SET LOCAL ROLE`). NOLOGIN, NOSUPERUSER, NOBYPASSRLS, not the
 * owner of any table: row-level security applies to it. Created idempotently by migration 0000 (roles are
 * cluster-wide, so drizzle-kit must not emit CREATE ROLE).
 */
export const appRole = pgRole('kasseika_app').existing();
export const APP_ROLE_NAME = 'kasseika_app';

/**
 * The role of the identity subsystem (sign-in, sessions, credentials, tokens, rate limits). Separate from the
 * app role so that request code handling tenant data can never read password hashes, TOTP secrets or session
 * tokens — and the identity code cannot read tenant data. Created by migration 0003.
 */
export const authRole = pgRole('kasseika_auth').existing();
export const AUTH_ROLE_NAME = 'kasseika_auth';
