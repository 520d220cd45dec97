import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { RV_EXPERT_DUTIES, RV_EXPERT_QUALIFICATIONS, RV_STAFF_POSITIONS, RV_SUPPORT_KINDS, RV_TEAM_TYPES } from '@kasseika/domain';
import { supportCases, tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * 再生支援 / プレ再生支援 (REFERENCE §3): the team's type, its members with their conflict-of-interest declarations,
 * the 実態貸借対照表 and the business-plan drafts. Council-only like the rest of case work (ADR 0015): tenant policy
 * only, FORCE RLS. An appointed expert reaches the case through a case grant (created by the invitation), never
 * through these tables. Free text and figures are encrypted with the council's data key.
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

/** One per case: team type (従来型 / 検証型 / 簡易型) and プレ再生 or 再生; changed in place, each change audited. */
export const caseRvProfiles = pgTable(
  'case_rv_profiles',
  {
    ...caseRefs,
    teamType: text('team_type', { enum: RV_TEAM_TYPES }).notNull(),
    supportKind: text('support_kind', { enum: RV_SUPPORT_KINDS }).notNull(),
    forgivenessExpected: boolean('forgiveness_expected').notNull().default(false),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('case_rv_profiles_case_key').on(t.caseId), tenantPolicy('case_rv_profiles_tenant_isolation')],
).enableRLS();

/**
 * Team members: council staff (PM / SM / staff, by user) and appointed external experts (by email — the case grant
 * follows from the invitation, with its scopes and expiry). Every row carries its conflict-of-interest declaration;
 * rows are never deleted, an appointment ends with `ended_at`.
 */
export const caseRvTeamMembers = pgTable(
  'case_rv_team_members',
  {
    ...caseRefs,
    kind: text('kind', { enum: ['staff', 'expert'] }).notNull(),
    staffUserId: uuid('staff_user_id'),
    position: text('position', { enum: RV_STAFF_POSITIONS }),
    /** A staff member seconded from a bank (出向元) and whether that bank is a creditor of the company. */
    secondedFromBank: text('seconded_from_bank'),
    bankIsCreditor: boolean('bank_is_creditor').notNull().default(false),
    expertEmail: text('expert_email'),
    expertName: text('expert_name'),
    expertOrganization: text('expert_organization'),
    qualification: text('qualification', { enum: RV_EXPERT_QUALIFICATIONS }),
    duty: text('duty', { enum: RV_EXPERT_DUTIES }),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    expiresOn: date('expires_on'),
    /** null: no declaration (allowed only for staff not seconded from a creditor bank). */
    hasConflict: boolean('has_conflict'),
    conflictDetailsEnc: text('conflict_details_enc'),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    appointedBy: uuid('appointed_by').notNull(),
    appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Who ended the membership, the end date (JST), 解任 or 任期終了, and the reason (encrypted). */
    endedBy: uuid('ended_by'),
    endedOn: date('ended_on'),
    endKind: text('end_kind', { enum: ['dismissed', 'term_ended'] }),
    endReasonEnc: text('end_reason_enc'),
  },
  (t) => [
    index('case_rv_team_members_case_idx').on(t.caseId, t.appointedAt),
    check(
      'case_rv_team_members_kind_fields',
      sql`(${t.kind} = 'staff' and ${t.staffUserId} is not null and ${t.position} is not null)
        or (${t.kind} = 'expert' and ${t.expertEmail} is not null and ${t.qualification} is not null and ${t.expiresOn} is not null
            and ${t.hasConflict} is not null)`,
    ),
    check('case_rv_team_members_declaration', sql`(${t.hasConflict} is null) = (${t.declaredAt} is null)`),
    check(
      'case_rv_team_members_end_details',
      sql`${t.endedAt} is not null or (${t.endedBy} is null and ${t.endedOn} is null and ${t.endKind} is null and ${t.endReasonEnc} is null)`,
    ),
    tenantPolicy('case_rv_team_members_tenant_isolation'),
  ],
).enableRLS();

/**
 * 実態貸借対照表, append-only: each save is a new version. The book balance sheet, the adjustments (with reasons) and
 * the officer-loan choice are sealed together (place `case_real_balance_sheets.payload:<caseId>:<version>`); the
 * adjusted figures are recomputed by the finance engine on read.
 */
export const caseRealBalanceSheets = pgTable(
  'case_real_balance_sheets',
  {
    ...caseRefs,
    version: integer('version').notNull(),
    asOf: date('as_of').notNull(),
    payloadEnc: text('payload_enc').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_real_balance_sheets_version_key').on(t.caseId, t.version),
    tenantPolicy('case_real_balance_sheets_tenant_isolation'),
  ],
).enableRLS();

/**
 * The company's 事業計画 drafts (drafted by the company with the council's support, REFERENCE §3.3 step 4),
 * append-only versions; causes of distress, measures and yearly figures sealed (place
 * `case_rv_business_plans.payload:<caseId>:<version>`).
 */
export const caseRvBusinessPlans = pgTable(
  'case_rv_business_plans',
  {
    ...caseRefs,
    version: integer('version').notNull(),
    planYears: smallint('plan_years').notNull(),
    startsOn: date('starts_on').notNull(),
    payloadEnc: text('payload_enc').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_rv_business_plans_version_key').on(t.caseId, t.version),
    check('case_rv_business_plans_years', sql`${t.planYears} between 1 and 10`),
    tenantPolicy('case_rv_business_plans_tenant_isolation'),
  ],
).enableRLS();

/**
 * 金融支援策 designs (REFERENCE §3.3 step 5, §3.6), append-only versions: the measures and their amounts, the answers
 * to the configurable forgiveness requirements, and the liquidation-basis comparison — sealed together (place
 * `case_rv_support_designs.payload:<caseId>:<version>`); only whether forgiveness is sought is plain.
 */
export const caseRvSupportDesigns = pgTable(
  'case_rv_support_designs',
  {
    ...caseRefs,
    version: integer('version').notNull(),
    seeksForgiveness: boolean('seeks_forgiveness').notNull(),
    requirementsVersion: text('requirements_version').notNull(),
    payloadEnc: text('payload_enc').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('case_rv_support_designs_version_key').on(t.caseId, t.version), tenantPolicy('case_rv_support_designs_tenant_isolation')],
).enableRLS();
