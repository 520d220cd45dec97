import { sql } from 'drizzle-orm';
import { index, integer, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { supportCases, grantedCaseIds, tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * Guarantors of the company's debts (経営者保証) with their guarantees and personal assets, as revisions: every save
 * inserts a new revision and the latest counts. Owners' personal assets and guarantees are a designated sensitive
 * field: the whole list is sealed with the council's data key (FieldCipher, place
 * `case_guarantor_sets.guarantors:<caseId>:<revision>`); only the count is plain.
 *
 * @see ../../../../../../shared/domain/REFERENCE.md §4.1
 */
export const caseGuarantorSets = pgTable(
  'case_guarantor_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    revision: integer('revision').notNull(),
    guarantorCount: smallint('guarantor_count').notNull(),
    guarantorsEnc: text('guarantors_enc').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_guarantor_sets_revision_key').on(t.caseId, t.revision),
    index('case_guarantor_sets_case_idx').on(t.caseId, t.revision),
    pgPolicy('case_guarantor_sets_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_guarantor_sets_granted_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('guarantors.read')}`,
    }),
    pgPolicy('case_guarantor_sets_granted_insert', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.caseId} in ${grantedCaseIds('guarantors.write')} and ${t.enteredBy} = app.user_id()`,
    }),
  ],
).enableRLS();
