import { z } from 'zod';

// ── バンクミーティング (bank meetings, issue 7) ─────────────────────────────────

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'versionSha256.format');

/** A local date-time in Japan time (JST, UTC+9), minutes precision, that exists on the calendar. */
export const jstDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'meetingAt.format')
  .refine((s) => {
    const d = new Date(`${s}:00+09:00`);
    return !Number.isNaN(d.getTime()) && new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16) === s;
  }, 'meetingAt.format');

export const bankMeetingParamsSchema = z.strictObject({ caseId: z.uuid(), meetingId: z.uuid() });

export const bankMeetingBodySchema = z
  .strictObject({
    scheduledAt: jstDateTimeSchema.meta({ description: 'Japan time (JST), `YYYY-MM-DDTHH:mm`' }),
    mode: z.enum(['in_person', 'online']),
    place: z.string().trim().min(1, 'meetingPlace.length').max(300, 'meetingPlace.length'),
    agenda: z
      .array(z.string().trim().min(1, 'meetingAgenda.length').max(200, 'meetingAgenda.length'))
      .min(1, 'meetingAgenda.count')
      .max(20, 'meetingAgenda.count'),
    /** The plan version the meeting discusses, by its SHA-256; its target creditors are invited. */
    versionSha256: sha256Schema,
  })
  .meta({ id: 'BankMeetingBody' });

export const bankMeetingRecordBodySchema = z
  .strictObject({
    attendance: z
      .array(
        z.strictObject({
          bankCode: z.string().regex(/^\d{4}$/, 'bankCode.format'),
          attended: z.boolean(),
          attendees: z.string().trim().max(300, 'meetingAttendees.length'),
        }),
      )
      .max(100),
    minutes: z.string().trim().min(1, 'meetingMinutes.length').max(20000, 'meetingMinutes.length'),
  })
  .meta({ id: 'BankMeetingRecordBody' });

/** Cancelling a meeting (中止): the reason is shown to the invited banks on the meetings page. */
export const bankMeetingCancelBodySchema = z
  .strictObject({
    reason: z.string().trim().min(1, 'meetingCancelReason.length').max(1000, 'meetingCancelReason.length'),
  })
  .meta({ id: 'BankMeetingCancelBody' });

export const bankMeetingSchema = z
  .object({
    id: z.string(),
    scheduledAt: z.string().meta({ description: 'Japan time (JST), `YYYY-MM-DDTHH:mm`' }),
    mode: z.enum(['in_person', 'online']),
    place: z.string(),
    agenda: z.array(z.string()),
    versionNo: z.number().int(),
    versionSha256: z.string(),
    isCurrentVersion: z.boolean(),
    invited: z.array(
      z.object({
        bankCode: z.string(),
        bankName: z.string(),
        attended: z.boolean().nullable().meta({ description: 'null until the council records the attendance' }),
        attendees: z.string(),
      }),
    ),
    minutes: z.string().nullable(),
    recordedAt: z.string().nullable(),
    recordedByName: z.string().nullable(),
    cancelledAt: z.string().nullable().meta({ description: 'Set when the meeting was cancelled (中止); it is then read-only' }),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BankMeeting' });

export const bankMeetingListSchema = z
  .object({
    meetings: z.array(bankMeetingSchema),
    currentVersion: z.object({ versionNo: z.number().int(), sha256: z.string() }).nullable(),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'BankMeetingList', description: 'The bank meetings of a case a user may see' });

export type BankMeetingBody = z.infer<typeof bankMeetingBodySchema>;
export type BankMeetingCancelBody = z.infer<typeof bankMeetingCancelBodySchema>;
export type BankMeetingRecordBody = z.infer<typeof bankMeetingRecordBodySchema>;
export type BankMeeting = z.infer<typeof bankMeetingSchema>;
export type BankMeetingList = z.infer<typeof bankMeetingListSchema>;
