import { sql } from 'drizzle-orm';
import { date, index, integer, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { supportCases, grantedCaseIds, tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * The company's financial statements (決算書, 1–3 fiscal years) on a case, as revisions: every save inserts a new
 * revision and the latest one counts — nothing is overwritten, so who entered which figures stays traceable.
 * The figures are a designated sensitive field: the whole set is sealed with the council's data key (FieldCipher,
 * place `case_statement_sets.statements:<caseId>:<revision>`); only the year count and the latest year end are plain,
 * for lists.
 */
export const caseStatementSets = pgTable(
  'case_statement_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    revision: integer('revision').notNull(),
    years: smallint('years').notNull(),
    latestFiscalYearEnd: date('latest_fiscal_year_end').notNull(),
    statementsEnc: text('statements_enc').notNull(),
    /** Who entered them: the company itself, the council, or an appointed expert. */
    source: text('source', { enum: ['company', 'council', 'expert'] }).notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_statement_sets_revision_key').on(t.caseId, t.revision),
    index('case_statement_sets_case_idx').on(t.caseId, t.revision),
    pgPolicy('case_statement_sets_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_statement_sets_granted_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('statements.read')}`,
    }),
    pgPolicy('case_statement_sets_granted_insert', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.caseId} in ${grantedCaseIds('statements.write')} and ${t.enteredBy} = app.user_id()`,
    }),
  ],
).enableRLS();
