import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  numeric,
  pgPolicy,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { grantedCaseIds, supportCases, tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * What a company's consent to lift confidentiality (守秘義務の解除) may cover for one bank:
 * - `plan`: the case itself, the plan versions, the creditor table, bank meetings and consent;
 * - `creditor_documents`: the case documents of visibility class `creditors`.
 * Any lift in force makes the case visible to the bank's officers who hold a grant; nothing else does.
 */
export const LIFT_DOCUMENT_SETS = ['plan', 'creditor_documents'] as const;

/** The 金融機関コード of the banks the transaction's user belongs to (active memberships of bank organisations). */
export const myBankCodes = sql.raw(`(select o.bank_code from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = app.user_id() and m.revoked_at is null and o.kind = 'bank' and o.bank_code is not null)`);

/**
 * The cases on which the company's consent is in force for the transaction's user's bank, for a document set.
 * Inline subquery (evaluated once per query), like grantedCaseIds.
 */
export function liftedCaseIdsForMyBank(set: (typeof LIFT_DOCUMENT_SETS)[number]) {
  return sql.raw(`(select l.case_id from case_confidentiality_lifts l where l.revoked_at is null
    and '${set}' = any(l.document_sets) and l.bank_code in (select o.bank_code from memberships m
      join organizations o on o.id = m.organization_id where m.user_id = app.user_id() and m.revoked_at is null
      and o.kind = 'bank' and o.bank_code is not null))`);
}

/**
 * The company's consent to lift confidentiality towards one bank (REFERENCE §1.3, §9): per bank (金融機関コード), per
 * document set, dated, revocable with immediate effect (row-level security reads it on every query). Recorded by
 * the company itself; the council reads it. A revoked consent stays as history; a new consent is a new row.
 */
export const caseConfidentialityLifts = pgTable(
  'case_confidentiality_lifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    bankCode: text('bank_code').notNull(),
    bankName: text('bank_name').notNull(),
    documentSets: text('document_sets').array().notNull(),
    consentedBy: uuid('consented_by').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    index('case_confidentiality_lifts_case_idx').on(t.caseId, t.bankCode),
    // At most one consent in force per bank and case.
    uniqueIndex('case_confidentiality_lifts_live_key')
      .on(t.caseId, t.bankCode)
      .where(sql`${t.revokedAt} is null`),
    check('case_confidentiality_lifts_sets', sql`cardinality(${t.documentSets}) > 0`),
    pgPolicy('case_confidentiality_lifts_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_confidentiality_lifts_company_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('confidentiality.manage')}`,
    }),
    pgPolicy('case_confidentiality_lifts_company_insert', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.caseId} in ${grantedCaseIds('confidentiality.manage')} and ${t.consentedBy} = app.user_id()`,
    }),
    pgPolicy('case_confidentiality_lifts_company_revoke', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('confidentiality.manage')}`,
      withCheck: sql`${t.caseId} in ${grantedCaseIds('confidentiality.manage')} and ${t.revokedBy} = app.user_id()`,
    }),
    // A bank sees the consents naming it (the visibility rules below read them as the bank).
    pgPolicy('case_confidentiality_lifts_bank_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.revokedAt} is null and ${t.bankCode} in ${myBankCodes}`,
    }),
  ],
).enableRLS();

/**
 * A creditor (債権者) of a case: one bank by 金融機関コード, from the company's 借入金一覧. `isTarget` marks a 対象債権者
 * (whose consent the plan needs); `isMainBank` the メイン行, whose agreement to start support (`startAgreedOn`) the
 * workflow needs (REFERENCE §3.3 step 1).
 */
export const caseCreditors = pgTable(
  'case_creditors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    bankCode: text('bank_code').notNull(),
    bankName: text('bank_name').notNull(),
    isMainBank: boolean('is_main_bank').notNull().default(false),
    isTarget: boolean('is_target').notNull().default(true),
    startAgreedOn: date('start_agreed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_creditors_bank_key').on(t.caseId, t.bankCode),
    uniqueIndex('case_creditors_one_main_bank')
      .on(t.caseId)
      .where(sql`${t.isMainBank}`),
    pgPolicy('case_creditors_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    // Fairness among creditors (REFERENCE §9): every target creditor with a consent in force sees the whole table.
    pgPolicy('case_creditors_bank_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('creditors.read')} and ${t.caseId} in ${liftedCaseIdsForMyBank('plan')}`,
    }),
  ],
).enableRLS();

/**
 * A loan (借入金) from a creditor: balance, rate, monthly repayment, collateral with its appraisal (and 掛目), and
 * guarantee-corporation cover (信用保証協会, percent of the balance). Integer yen.
 */
export const caseLoans = pgTable(
  'case_loans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supportCases.id),
    creditorId: uuid('creditor_id')
      .notNull()
      .references(() => caseCreditors.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull(),
    /** Annual interest rate in percent, up to three decimals. */
    annualRatePercent: numeric('annual_rate_percent', { precision: 6, scale: 3 }).notNull(),
    monthlyRepayment: bigint('monthly_repayment', { mode: 'number' }).notNull(),
    collateral: text('collateral'),
    collateralAppraisal: bigint('collateral_appraisal', { mode: 'number' }).notNull().default(0),
    /** 掛目 in percent applied to the appraisal (100 = full value). */
    collateralHaircutPercent: smallint('collateral_haircut_percent').notNull().default(100),
    guaranteeCoverPercent: smallint('guarantee_cover_percent').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_loans_case_idx').on(t.caseId, t.creditorId),
    check(
      'case_loans_amounts',
      sql`${t.balance} >= 0 and ${t.monthlyRepayment} >= 0 and ${t.collateralAppraisal} >= 0
        and ${t.collateralHaircutPercent} between 0 and 100 and ${t.guaranteeCoverPercent} between 0 and 100`,
    ),
    pgPolicy('case_loans_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_loans_bank_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('creditors.read')} and ${t.caseId} in ${liftedCaseIdsForMyBank('plan')}`,
    }),
  ],
).enableRLS();
