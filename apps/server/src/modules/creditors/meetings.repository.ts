import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  caseBankMeetings,
  caseConfidentialityLifts,
  caseGrants,
  casePlanVersions,
  memberships,
  organizations,
  users,
} from '../../db/schema';

export type MeetingRow = typeof caseBankMeetings.$inferSelect & { versionNo: number; recordedByName: string | null };

function selectMeetings(tx: Tx) {
  return tx
    .select({
      id: caseBankMeetings.id,
      councilId: caseBankMeetings.councilId,
      caseId: caseBankMeetings.caseId,
      versionId: caseBankMeetings.versionId,
      versionSha256: caseBankMeetings.versionSha256,
      scheduledAt: caseBankMeetings.scheduledAt,
      mode: caseBankMeetings.mode,
      place: caseBankMeetings.place,
      agenda: caseBankMeetings.agenda,
      invitedBankCodes: caseBankMeetings.invitedBankCodes,
      attendance: caseBankMeetings.attendance,
      minutesEnc: caseBankMeetings.minutesEnc,
      recordedBy: caseBankMeetings.recordedBy,
      recordedAt: caseBankMeetings.recordedAt,
      cancelledAt: caseBankMeetings.cancelledAt,
      cancelledBy: caseBankMeetings.cancelledBy,
      cancelReasonEnc: caseBankMeetings.cancelReasonEnc,
      createdBy: caseBankMeetings.createdBy,
      createdAt: caseBankMeetings.createdAt,
      updatedAt: caseBankMeetings.updatedAt,
      versionNo: casePlanVersions.versionNo,
      recordedByName: users.displayName,
    })
    .from(caseBankMeetings)
    .innerJoin(casePlanVersions, eq(casePlanVersions.id, caseBankMeetings.versionId))
    .leftJoin(users, eq(users.id, caseBankMeetings.recordedBy));
}

/** The meetings of a case the transaction may see (RLS: the council, or an invited bank with consent in force). */
export function listMeetings(tx: Tx, caseId: string): Promise<MeetingRow[]> {
  return selectMeetings(tx)
    .where(eq(caseBankMeetings.caseId, caseId))
    .orderBy(asc(caseBankMeetings.scheduledAt), asc(caseBankMeetings.createdAt));
}

export async function findMeeting(tx: Tx, caseId: string, meetingId: string): Promise<MeetingRow | null> {
  const [row] = await selectMeetings(tx).where(and(eq(caseBankMeetings.caseId, caseId), eq(caseBankMeetings.id, meetingId)));
  return row ?? null;
}

export async function insertMeeting(tx: Tx, values: typeof caseBankMeetings.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseBankMeetings).values(values).returning({ id: caseBankMeetings.id });
  if (!row) throw new Error('meeting not inserted');
  return row.id;
}

export async function updateMeeting(
  tx: Tx,
  meetingId: string,
  values: Partial<Omit<typeof caseBankMeetings.$inferInsert, 'id' | 'councilId' | 'caseId' | 'createdBy' | 'createdAt'>>,
): Promise<void> {
  await tx.update(caseBankMeetings).set(values).where(eq(caseBankMeetings.id, meetingId));
}

/**
 * Who is told about a meeting by mail: the active officers of the given (invited) banks who could read it right now —
 * a live `plan.read` grant on the case, an active membership of the bank, and the company's `plan` consent in force
 * for that bank (the same three conditions as the row-level policy `case_bank_meetings_bank_read`).
 */
export async function meetingRecipients(
  tx: Tx,
  caseId: string,
  bankCodes: readonly string[],
  now: Date,
): Promise<{ email: string; bankCode: string }[]> {
  if (bankCodes.length === 0) return [];
  const rows = await tx
    .selectDistinct({ email: users.email, bankCode: organizations.bankCode })
    .from(caseGrants)
    .innerJoin(users, eq(users.id, caseGrants.userId))
    .innerJoin(memberships, and(eq(memberships.userId, caseGrants.userId), isNull(memberships.revokedAt)))
    .innerJoin(organizations, and(eq(organizations.id, memberships.organizationId), eq(organizations.kind, 'bank')))
    .innerJoin(
      caseConfidentialityLifts,
      and(
        eq(caseConfidentialityLifts.caseId, caseGrants.caseId),
        eq(caseConfidentialityLifts.bankCode, organizations.bankCode),
        isNull(caseConfidentialityLifts.revokedAt),
        sql`'plan' = any(${caseConfidentialityLifts.documentSets})`,
      ),
    )
    .where(
      and(
        eq(caseGrants.caseId, caseId),
        isNull(caseGrants.revokedAt),
        or(isNull(caseGrants.expiresAt), gt(caseGrants.expiresAt, now)),
        sql`'plan.read' = any(${caseGrants.scopes})`,
        eq(users.status, 'active'),
        inArray(organizations.bankCode, [...bankCodes]),
      ),
    )
    .orderBy(asc(organizations.bankCode), asc(users.email));
  return rows.flatMap((r) => (r.bankCode ? [{ email: r.email, bankCode: r.bankCode }] : []));
}
