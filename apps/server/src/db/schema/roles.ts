import { pgRole } from 'drizzle-orm/pg-core';

/**
 * The role every request runs as (`SET LOCAL ROLE`). NOLOGIN, NOSUPERUSER, NOBYPASSRLS, not the owner of any
 * table: row-level security applies to it. Created idempotently by migration 0000 (roles are cluster-wide, so
 * drizzle-kit must not emit CREATE ROLE).
 */
export const appRole = pgRole('kasseika_app').existing();

export const APP_ROLE_NAME = 'kasseika_app';
