import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { RC_ADVICE_TOPICS, RC_PROCEEDING_KINDS, RC_PROCEEDING_ROUTES, RC_PROCEEDING_STATUSES } from '@kasseika/domain';
import { grantedCaseIds, supportCases, tenantPredicate } from './cases';
import { councils } from './directory';
import { users } from './identity';
import { appRole } from './roles';

/**
 * 再チャレンジ支援 (REFERENCE §4): advice on 円滑な廃業, the lawyer referral with its handover package and the
 * company's consent, the exit routes and guarantor workouts, and the lawyer consultations counted against the fee
 * support. Council material (tenant policy, FORCE RLS) — except the referral, which the company reads and consents
 * to, and which the referred lawyer reads once consented. Free text and the package are encrypted.
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

/** Dated advice on 円滑な廃業 / 軟着陸的な破産 / guarantor workouts (append-only). */
export const caseRcAdvice = pgTable(
  'case_rc_advice',
  {
    ...caseRefs,
    advisedOn: date('advised_on').notNull(),
    topic: text('topic', { enum: RC_ADVICE_TOPICS }).notNull(),
    textEnc: text('text_enc').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_rc_advice_case_idx').on(t.caseId, t.advisedOn), tenantPolicy('case_rc_advice_tenant_isolation')],
).enableRLS();

/**
 * The lawyer referral of a case (one per case): the chosen lawyer, the handover package (a sealed snapshot of the
 * chosen documents and figures, with its SHA-256) and the company's consent to exactly that package (dated,
 * revocable). The consent creates the lawyer's case grant (`grant_id`); its revocation revokes it.
 */
export const caseRcReferrals = pgTable(
  'case_rc_referrals',
  {
    ...caseRefs,
    lawyerUserId: uuid('lawyer_user_id')
      .notNull()
      .references(() => users.id),
    lawyerName: text('lawyer_name').notNull(),
    lawyerFirm: text('lawyer_firm').notNull(),
    packageEnc: text('package_enc').notNull(),
    packageHash: text('package_hash').notNull(),
    preparedBy: uuid('prepared_by').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    consentedBy: uuid('consented_by'),
    consentRevokedAt: timestamp('consent_revoked_at', { withTimezone: true }),
    consentRevokedBy: uuid('consent_revoked_by'),
    grantId: uuid('grant_id'),
  },
  (t) => [
    unique('case_rc_referrals_case_key').on(t.caseId),
    check('case_rc_referrals_revocation', sql`${t.consentRevokedAt} is null or ${t.consentedAt} is not null`),
    tenantPolicy('case_rc_referrals_tenant_isolation'),
    // The company (a member holding a live case.read grant) reads the proposal and records or revokes its consent.
    pgPolicy('case_rc_referrals_company_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`app.has_role('company_member') and ${t.caseId} in ${grantedCaseIds('case.read')}`,
    }),
    pgPolicy('case_rc_referrals_company_consent', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`app.has_role('company_member') and ${t.caseId} in ${grantedCaseIds('case.read')}`,
      withCheck: sql`app.has_role('company_member') and ${t.caseId} in ${grantedCaseIds('case.read')}`,
    }),
    // The referred lawyer reads the package only while the company's consent stands.
    pgPolicy('case_rc_referrals_lawyer_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.lawyerUserId} = app.user_id() and ${t.consentedAt} is not null and ${t.consentRevokedAt} is null`,
    }),
  ],
).enableRLS();

/** The company's exit route (私的整理 / 破産 / 事業譲渡) and each guarantor's workout (一体型 / 単独型), with status and dates. */
export const caseRcProceedings = pgTable(
  'case_rc_proceedings',
  {
    ...caseRefs,
    kind: text('kind', { enum: RC_PROCEEDING_KINDS }).notNull(),
    route: text('route', { enum: RC_PROCEEDING_ROUTES }).notNull(),
    guarantorNameEnc: text('guarantor_name_enc'),
    status: text('status', { enum: RC_PROCEEDING_STATUSES }).notNull(),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    noteEnc: text('note_enc'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_rc_proceedings_case_idx').on(t.caseId),
    check('case_rc_proceedings_dates', sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    check('case_rc_proceedings_guarantor', sql`(${t.kind} = 'guarantor') = (${t.guarantorNameEnc} is not null)`),
    tenantPolicy('case_rc_proceedings_tenant_isolation'),
  ],
).enableRLS();

/**
 * Lawyer consultations (date, lawyer, fee). A supported one carries its ordinal among the case's supported
 * consultations: unique per case, so two concurrent requests cannot both take the last supported place.
 */
export const caseRcConsultations = pgTable(
  'case_rc_consultations',
  {
    ...caseRefs,
    heldOn: date('held_on').notNull(),
    lawyerName: text('lawyer_name').notNull(),
    feeYen: integer('fee_yen').notNull(),
    feeSupported: boolean('fee_supported').notNull(),
    supportOrdinal: smallint('support_ordinal'),
    ruleId: text('rule_id'),
    noteEnc: text('note_enc'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_rc_consultations_ordinal_key').on(t.caseId, t.supportOrdinal),
    check('case_rc_consultations_fee', sql`${t.feeYen} >= 0`),
    check('case_rc_consultations_support', sql`${t.feeSupported} = (${t.supportOrdinal} is not null)`),
    index('case_rc_consultations_case_idx').on(t.caseId, t.heldOn),
    tenantPolicy('case_rc_consultations_tenant_isolation'),
  ],
).enableRLS();
