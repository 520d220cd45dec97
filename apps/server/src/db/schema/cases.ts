import { sql } from 'drizzle-orm';
import { pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { councils } from './directory';
import { appRole } from './roles';

/** The tenant predicate: the row's council is the transaction's council (fails closed when unset). */
export const tenantPredicate = sql`council_id = nullif(current_setting('app.council_id', true), '')::smallint`;

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
  ],
).enableRLS();
