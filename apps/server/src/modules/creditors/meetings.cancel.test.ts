import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import type { BankMeeting, BankMeetingList, ConfidentialityLiftList, ProblemDetails } from '@kasseika/contracts';
import { auditEvents, caseBankMeetings, mailOutbox } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { meetingTimeText, renderMail } from '../../providers/mail/mail-templates';
import { toJst } from './meetings.service';
import { creditorTestKit } from './fixtures/creditor-test-kit';

let t: TestApp;
const { client, bankOfficer, planCase } = creditorTestKit(() => t, 120);

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

/** The outbox rows of one template about one case (by its reference number), oldest first. */
function mails(template: string, referenceNo: string) {
  return t.database.db
    .select({ to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.textBody })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.template, template), like(mailOutbox.textBody, `%${referenceNo}%`)))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.toAddress));
}

const inDays = (days: number, hour = '14:00') => `${toJst(new Date(t.clock.now().getTime() + days * 86_400_000)).slice(0, 10)}T${hour}`;

describe('bank meetings: mail, edit and cancel', () => {
  it('mails the invited banks that can see the case when a meeting is scheduled, moved and cancelled', async () => {
    const { pm, company, kase, base, banks, v1 } = await planCase('秘密商事株式会社');
    // Another officer of みずほ without a grant on the case: never mailed.
    const ungranted = await bankOfficer('0001');
    const when = inDays(10);
    const body = { scheduledAt: when, mode: 'in_person', place: '協議会 第1会議室', agenda: ['計画案の説明'], versionSha256: v1.sha256 };
    const created = await pm.c.post(`${base}/meetings`, body);
    expect(created.statusCode).toBe(201);
    const meeting = created.json<BankMeeting>();
    expect(meeting).toMatchObject({ cancelledAt: null, cancelReason: null });

    const invitations = await mails('bank_meeting_scheduled', kase.referenceNo);
    const officers = [banks.mizuho, banks.mufg, banks.smbc].map((b) => b.user.email).sort();
    expect(invitations.map((m) => m.to).sort()).toEqual(officers);
    expect(invitations.map((m) => m.to)).not.toContain(ungranted.user.email);
    expect(invitations.map((m) => m.to)).not.toContain(company.user.email);
    const text = invitations[0]!.text;
    // Japanese first, English below; the case reference, never the company name; JST; place; the meetings page.
    expect(text.indexOf('バンクミーティングを次のとおり開催します')).toBeLessThan(text.indexOf('has been scheduled'));
    expect(text).toContain(meetingTimeText(when).ja);
    expect(text).toContain(meetingTimeText(when).en);
    expect(text).toContain('形式: 対面');
    expect(text).toContain('場所: 協議会 第1会議室');
    expect(text).toContain(`/cases/${kase.id}/meetings`);
    expect(text).not.toContain('秘密商事');
    expect(invitations[0]!.subject).toContain(kase.referenceNo);

    // The agenda alone changes: nobody is mailed.
    expect((await pm.c.put(`${base}/meetings/${meeting.id}`, { ...body, agenda: ['計画案の説明', '質疑応答'] })).statusCode).toBe(200);
    expect(await mails('bank_meeting_changed', kase.referenceNo)).toEqual([]);
    // The time changes: the invited banks get the new and the former date and time.
    const later = inDays(11, '10:30');
    const moved = await pm.c.put(`${base}/meetings/${meeting.id}`, { ...body, scheduledAt: later, mode: 'online', place: 'Teams' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<BankMeeting>()).toMatchObject({ scheduledAt: later, mode: 'online', place: 'Teams' });
    const changes = await mails('bank_meeting_changed', kase.referenceNo);
    expect(changes.map((m) => m.to).sort()).toEqual(officers);
    expect(changes[0]!.text).toMatch(
      new RegExp(`【変更後】\\n日時: ${meetingTimeText(later).ja.replace(/[()（）]/g, '.')}\\n形式: オンライン\\n場所: Teams`),
    );
    expect(changes[0]!.text).toContain(`【変更前】\n日時: ${meetingTimeText(when).ja}`);

    // The company revokes 三菱ＵＦＪ's consent: it is no longer told anything.
    const lifts = (await company.c.get(`${base}/confidentiality-lifts`)).json<ConfidentialityLiftList>();
    await company.c.post(`${base}/confidentiality-lifts/${lifts.items.find((l) => l.bankCode === '0005' && l.inForce)!.id}/revoke`);

    // Refusals change nothing: a bank cannot cancel (403), another council sees no meeting (404), a blank reason (422).
    expect((await banks.mizuho.c.post(`${base}/meetings/${meeting.id}/cancel`, { reason: '都合' })).statusCode).toBe(403);
    const other = await client('council_pm', 27);
    expect((await other.c.post(`${base}/meetings/${meeting.id}/cancel`, { reason: '都合' })).statusCode).toBe(404);
    const blank = await pm.c.post(`${base}/meetings/${meeting.id}/cancel`, { reason: '  ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    const problem = blank.json<ProblemDetails>();
    expect(problem.errors?.[0]?.pointer).toBe('/body/reason');
    expect(problem.messages.title.ja.length).toBeGreaterThan(0);
    expect(problem.messages.title.en.length).toBeGreaterThan(0);
    expect((await pm.c.post(`${base}/meetings/${meeting.id}/cancel`, { reason: 'x', extra: 1 })).statusCode).toBe(422);
    expect((await pm.c.post(`${base}/meetings/00000000-0000-4000-8000-000000000000/cancel`, { reason: 'x' })).statusCode).toBe(404);
    expect((await pm.c.get(`${base}/meetings/${meeting.id}`)).json<BankMeeting>().cancelledAt).toBeNull();

    // The PM cancels with a reason: the meeting stays, marked cancelled, and the banks that can see it are told.
    const reason = '会社側の資料準備が間に合わないため延期します。';
    const cancelled = await pm.c.post(`${base}/meetings/${meeting.id}/cancel`, { reason });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<BankMeeting>()).toMatchObject({ cancelReason: reason, scheduledAt: later });
    expect(cancelled.json<BankMeeting>().cancelledAt).not.toBeNull();
    const notices = await mails('bank_meeting_cancelled', kase.referenceNo);
    expect(notices.map((m) => m.to).sort()).toEqual([banks.mizuho.user.email, banks.smbc.user.email].sort());
    expect(notices[0]!.text).toContain('中止になりました');
    expect(notices[0]!.text).toContain(meetingTimeText(later).ja);
    // The reason is not in the mail (read on the page), and it is sealed at rest.
    expect(notices[0]!.text).not.toContain('資料準備');
    const [stored] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, (tx) =>
      tx.select().from(caseBankMeetings).where(eq(caseBankMeetings.id, meeting.id)),
    );
    expect(stored!.cancelReasonEnc).not.toContain('資料準備');
    const [event] = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.eventType, 'BANK_MEETING_CANCELLED'), eq(auditEvents.targetId, meeting.id)));
    expect(event?.details).toMatchObject({ mailed: ['0001', '0009'] });

    // A cancelled meeting is read-only: no edit, no attendance or minutes, no second cancel (409).
    expect((await pm.c.put(`${base}/meetings/${meeting.id}`, { ...body, place: '別室' })).statusCode).toBe(409);
    const record = await pm.c.put(`${base}/meetings/${meeting.id}/record`, { attendance: [], minutes: '議事録' });
    expect(record.statusCode).toBe(409);
    expect(record.json<ProblemDetails>().messages.detail?.ja).toContain('中止');
    expect((await pm.c.post(`${base}/meetings/${meeting.id}/cancel`, { reason })).statusCode).toBe(409);
    // It stays in the list; an invited bank that can see it reads the reason.
    const seen = (await banks.smbc.c.get(`${base}/meetings`)).json<BankMeetingList>();
    expect(seen.meetings.map((m) => [m.id, m.cancelReason])).toEqual([[meeting.id, reason]]);
  });

  it('a meeting already held is not mailed about, and cannot be cancelled once its minutes are recorded', async () => {
    const { pm, kase, base, v1 } = await planCase('秘密商事株式会社');
    const held = (
      await pm.c.post(`${base}/meetings`, {
        scheduledAt: inDays(-1),
        mode: 'online',
        place: 'Teams',
        agenda: ['説明'],
        versionSha256: v1.sha256,
      })
    ).json<BankMeeting>();
    expect(await mails('bank_meeting_scheduled', kase.referenceNo)).toEqual([]);
    // Correcting a past meeting's time tells nobody either.
    const fixed = await pm.c.put(`${base}/meetings/${held.id}`, {
      scheduledAt: inDays(-1, '15:00'),
      mode: 'online',
      place: 'Teams',
      agenda: ['説明'],
      versionSha256: v1.sha256,
    });
    expect(fixed.statusCode).toBe(200);
    expect(await mails('bank_meeting_changed', kase.referenceNo)).toEqual([]);
    expect((await pm.c.put(`${base}/meetings/${held.id}/record`, { attendance: [], minutes: '説明した。' })).statusCode).toBe(200);
    const refused = await pm.c.post(`${base}/meetings/${held.id}/cancel`, { reason: '誤登録' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ProblemDetails>().messages.detail?.en).toContain('cannot be cancelled');
    expect((await pm.c.get(`${base}/meetings/${held.id}`)).json<BankMeeting>().cancelledAt).toBeNull();
  });
});

describe('bank meeting mail text', () => {
  it('writes the date and time in Japan time with the weekday, Japanese first and English below', () => {
    expect(meetingTimeText('2026-12-10T14:00')).toEqual({
      ja: '2026年12月10日（木）14:00（日本時間）',
      en: 'Thu 10 Dec 2026, 14:00 (Japan time, UTC+9)',
    });
    expect(meetingTimeText('2027-01-03T09:05').ja).toBe('2027年1月3日（日）09:05（日本時間）');
    const mail = renderMail({
      kind: 'bank_meeting_changed',
      caseReferenceNo: 'R-13-0001',
      meeting: { scheduledAtJst: '2026-12-11T10:30', mode: 'online', place: 'Teams' },
      before: { scheduledAtJst: '2026-12-10T14:00', mode: 'in_person', place: '会議室A' },
      link: 'https://example.jp/cases/x/meetings',
    });
    expect(mail.subject).toBe('【中小企業活性化協議会】バンクミーティングの日時・場所の変更（案件 R-13-0001） / Bank meeting changed');
    expect(mail.text).toContain(
      '【変更後】\n日時: 2026年12月11日（金）10:30（日本時間）\n形式: オンライン\n場所: Teams\n\n【変更前】\n日時: 2026年12月10日（木）14:00（日本時間）\n形式: 対面\n場所: 会議室A',
    );
    expect(mail.text).toContain('Now:\nWhen: Fri 11 Dec 2026, 10:30 (Japan time, UTC+9)\nFormat: Online\nPlace: Teams');
    expect(mail.text.indexOf('https://example.jp/cases/x/meetings')).toBeLessThan(mail.text.indexOf('---'));
  });
});
