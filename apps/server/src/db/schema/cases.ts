import { sql } from 'drizzle-orm';
import { pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { councils } from './directory';
import { appRole } from './roles';

/** The tenant predicate: the row's council is the transaction's council (fails closed when unset). */
export const tenantPredicate = sql`council_id = app.council_id()`;

/**
 * The cases on which the transaction's user holds an unexpired, unrevoked grant with the given scope. Written inline
 * (a hashed subplan evaluated once per query), not as a per-row function call.
 */
export function grantedCaseIds(scope: string) {
  return sql.raw(`(select g.case_id from case_grants g where g.user_id = app.user_id() and g.revoked_at is null
    and (g.expires_at is null or g.expires_at > now()) and '${scope.replace(/'/g, "''")}' = any(g.scopes))`);
}

/**
 * A support case (支援案件): one company's matter at one council. The first tenant table; later issues add the
 * track, stage, team and the rest. Row-level security: a transaction sees and writes only its council's rows.
 */
export const supportCases = pgTable(
  'support_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    referenceNo: text('reference_no').notNull(),
    companyName: text('company_name').notNull(),
    /** The company organisation, once it exists (intake creates it). */
    companyOrganizationId: uuid('company_organization_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('support_cases_reference_key').on(t.councilId, t.referenceNo),
    pgPolicy('support_cases_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('support_cases_granted_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.id} in ${grantedCaseIds('case.read')}`,
    }),
  ],
).enableRLS();
