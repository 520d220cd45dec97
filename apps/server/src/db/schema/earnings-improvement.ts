import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ACTION_ITEM_STATUSES, GOVERNANCE_STATUSES } from '@kasseika/domain';
import { supportCases, tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * 収益力改善支援 (REFERENCE §2): governance checklist answers, the action plan and the adopted plan. Council-only like the
 * rest of case work (ADR 0015): tenant policy only, FORCE RLS. Notes and the plan summary are encrypted.
 */
const tenantPolicy = (name: string) =>
  pgPolicy(name, { as: 'permissive', for: 'all', to: appRole, using: tenantPredicate, withCheck: tenantPredicate });

const caseRefs = {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: smallint('council_id')
    .notNull()
    .references(() => councils.id),
  caseId: uuid('case_id')
    .notNull()
    .references(() => supportCases.id),
};

/** One answer per checklist item and case (the item keys come from configuration). */
export const caseGovernanceChecks = pgTable(
  'case_governance_checks',
  {
    ...caseRefs,
    itemKey: text('item_key').notNull(),
    status: text('status', { enum: GOVERNANCE_STATUSES }).notNull(),
    noteEnc: text('note_enc'),
    checkedBy: uuid('checked_by').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('case_governance_checks_item_key').on(t.caseId, t.itemKey), tenantPolicy('case_governance_checks_tenant_isolation')],
).enableRLS();

/** 収益力改善アクションプラン: what, who, by when, status. */
export const caseActionItems = pgTable(
  'case_action_items',
  {
    ...caseRefs,
    whatEnc: text('what_enc').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ACTION_ITEM_STATUSES }).notNull().default('planned'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_action_items_case_idx').on(t.caseId, t.dueOn), tenantPolicy('case_action_items_tenant_isolation')],
).enableRLS();

/** The adopted 収益力改善計画 (one per case): period, rescheduling request, summary. The fact `earningsPlanAdopted`. */
export const caseEarningsPlans = pgTable(
  'case_earnings_plans',
  {
    ...caseRefs,
    planYears: smallint('plan_years').notNull(),
    reschedulingRequested: boolean('rescheduling_requested').notNull(),
    startsOn: date('starts_on').notNull(),
    summaryEnc: text('summary_enc').notNull(),
    adoptedBy: uuid('adopted_by').notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_earnings_plans_case_key').on(t.caseId),
    check('case_earnings_plans_years', sql`${t.planYears} between 1 and 3 and (not ${t.reschedulingRequested} or ${t.planYears} = 1)`),
    tenantPolicy('case_earnings_plans_tenant_isolation'),
  ],
).enableRLS();
