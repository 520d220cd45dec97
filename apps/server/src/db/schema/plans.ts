import { sql } from 'drizzle-orm';
import { check, index, integer, pgPolicy, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { grantedCaseIds, supportCases, tenantPredicate } from './cases';
import { liftedCaseIdsForMyBank, myBankCodes } from './creditors';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * A plan version submitted to the banks (ADR 0019): immutable (the app role may only insert), identified by the
 * SHA-256 of the RFC 8785 canonical JSON of its content. The content (plan terms and the creditor table with proposed
 * repayments) is sealed with the council's data key; the hash and the target creditors are plain.
 */
export const casePlanVersions = pgTable(
  'case_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    versionNo: integer('version_no').notNull(),
    sha256: text('sha256').notNull(),
    contentEnc: text('content_enc').notNull(),
    /** The target creditors (金融機関コード) whose consent this version needs. */
    targetBankCodes: text('target_bank_codes').array().notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_plan_versions_no_key').on(t.caseId, t.versionNo),
    check('case_plan_versions_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    pgPolicy('case_plan_versions_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_plan_versions_bank_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('plan.read')} and ${t.caseId} in ${liftedCaseIdsForMyBank('plan')}`,
    }),
  ],
).enableRLS();

/** PM/SM review comments (意見・助言) on a plan version; council-internal, encrypted, append-only. */
export const casePlanComments = pgTable(
  'case_plan_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => casePlanVersions.id),
    authorId: uuid('author_id').notNull(),
    bodyEnc: text('body_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_plan_comments_version_idx').on(t.versionId, t.createdAt),
    pgPolicy('case_plan_comments_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
  ],
).enableRLS();

/**
 * A target creditor's answer to a plan version: a stance (support / conditional with conditions / oppose) or the
 * consent itself, bound to the version's hash. A new version voids every live answer to older versions.
 */
export const caseCreditorResponses = pgTable(
  'case_creditor_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => casePlanVersions.id),
    versionSha256: text('version_sha256').notNull(),
    bankCode: text('bank_code').notNull(),
    kind: text('kind', { enum: ['stance', 'consent'] }).notNull(),
    stance: text('stance', { enum: ['support', 'conditional', 'oppose'] }),
    conditions: text('conditions'),
    respondedBy: uuid('responded_by').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('case_creditor_responses_case_idx').on(t.caseId, t.versionId),
    uniqueIndex('case_creditor_responses_one_consent')
      .on(t.versionId, t.bankCode)
      .where(sql`${t.kind} = 'consent' and ${t.voidedAt} is null`),
    check('case_creditor_responses_stance', sql`(${t.kind} = 'stance') = (${t.stance} is not null)`),
    pgPolicy('case_creditor_responses_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_creditor_responses_bank_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.bankCode} in ${myBankCodes} and ${t.caseId} in ${grantedCaseIds('plan.read')}
        and ${t.caseId} in ${liftedCaseIdsForMyBank('plan')}`,
    }),
    // A target creditor answers for its own bank, on a case it may respond to, while the company's consent is in force.
    pgPolicy('case_creditor_responses_bank_insert', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.bankCode} in ${myBankCodes} and ${t.respondedBy} = app.user_id()
        and ${t.caseId} in ${grantedCaseIds('plan.respond')} and ${t.caseId} in ${liftedCaseIdsForMyBank('plan')}
        and ${t.bankCode} in (select c.bank_code from case_creditors c where c.case_id = ${t.caseId} and c.is_target)`,
    }),
  ],
).enableRLS();

/** The agreed version frozen as the monitoring baseline when the plan takes effect (成立). One per case. */
export const caseMonitoringBaselines = pgTable(
  'case_monitoring_baselines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => casePlanVersions.id),
    sha256: text('sha256').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').notNull(),
  },
  (t) => [
    unique('case_monitoring_baselines_version_key').on(t.caseId, t.versionId),
    index('case_monitoring_baselines_case_idx').on(t.caseId, t.agreedAt),
    pgPolicy('case_monitoring_baselines_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
  ],
).enableRLS();
