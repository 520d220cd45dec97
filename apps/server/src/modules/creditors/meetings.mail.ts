import type { Tx } from '../../db/client';
import type { Mailer } from '../../providers/mail/mailer';
import type { MailTemplate, MeetingWhenWhere } from '../../providers/mail/mail-templates';
import { meetingRecipients, type MeetingRow } from './meetings.repository';

const JST_OFFSET_MS = 9 * 3600_000;

/** When and where a stored meeting is held (Japan time). */
export const whenWhereOf = (m: Pick<MeetingRow, 'scheduledAt' | 'mode' | 'place'>): MeetingWhenWhere => ({
  scheduledAtJst: new Date(m.scheduledAt.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16),
  mode: m.mode,
  place: m.place,
});

/** Whether the date, time, format or place differ (what the invited banks must be told about). */
export const whenWhereChanged = (a: MeetingWhenWhere, b: MeetingWhenWhere): boolean =>
  a.scheduledAtJst !== b.scheduledAtJst || a.mode !== b.mode || a.place !== b.place;

/**
 * Puts one message per recipient in the outbox, in the caller's transaction: the officers of the given invited banks
 * who can see the meeting now (grant, membership, consent in force). Nobody else is ever written to. Returns the
 * bank codes mailed (for the audit trail).
 */
export async function mailInvitedBanks(
  tx: Tx,
  mailer: Mailer,
  caseId: string,
  bankCodes: readonly string[],
  now: Date,
  template: MailTemplate,
): Promise<string[]> {
  const recipients = await meetingRecipients(tx, caseId, bankCodes, now);
  for (const r of recipients) await mailer.enqueue(tx, r.email, template);
  return [...new Set(recipients.map((r) => r.bankCode))];
}
