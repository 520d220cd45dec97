import { sql } from 'drizzle-orm';
import { index, jsonb, pgPolicy, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { grantedCaseIds, supportCases, tenantPredicate } from './cases';
import { liftedCaseIdsForMyBank, myBankCodes } from './creditors';
import { councils } from './directory';
import { casePlanVersions } from './plans';
import { appRole } from './roles';

/** One creditor's attendance at a bank meeting, recorded by the council after it. */
export interface MeetingAttendance {
  readonly bankCode: string;
  readonly attended: boolean;
  readonly attendees: string;
}

/**
 * A バンクミーティング of a case (issue 7): when (JST), where or online, the agenda, and the plan version it discusses
 * (by id and SHA-256). The version's target creditors are invited. After the meeting the council records attendance
 * and the minutes (議事録, sealed with the council's data key). A bank reads a meeting only while it is invited, holds
 * a `plan.read` grant and the company's consent for its bank is in force.
 */
export const caseBankMeetings = pgTable(
  'case_bank_meetings',
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
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    mode: text('mode', { enum: ['in_person', 'online'] }).notNull(),
    place: text('place').notNull(),
    agenda: text('agenda').array().notNull(),
    invitedBankCodes: text('invited_bank_codes').array().notNull(),
    attendance: jsonb('attendance').$type<MeetingAttendance[]>(),
    minutesEnc: text('minutes_enc'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    /** Cancelled (中止): the meeting stays in the list, is no longer edited or recorded. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by'),
    /** Why it was cancelled (free text, sealed with the council key like the minutes). */
    cancelReasonEnc: text('cancel_reason_enc'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_bank_meetings_case_idx').on(t.caseId, t.scheduledAt),
    pgPolicy('case_bank_meetings_tenant_isolation', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: tenantPredicate,
      withCheck: tenantPredicate,
    }),
    pgPolicy('case_bank_meetings_bank_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`${t.caseId} in ${grantedCaseIds('plan.read')} and ${t.caseId} in ${liftedCaseIdsForMyBank('plan')}
        and ${t.invitedBankCodes} && array${myBankCodes}`,
    }),
  ],
).enableRLS();
