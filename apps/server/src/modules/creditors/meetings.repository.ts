import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { caseBankMeetings, casePlanVersions, users } from '../../db/schema';

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
