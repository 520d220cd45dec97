import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { BankMeeting, BankMeetingList, CasePlan, ConfidentialityLiftList, ProblemDetails } from '@kasseika/contracts';
import { caseBankMeetings } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { grantCase } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { toJst } from './meetings.service';
import { proRataTable } from './meetings.pdf';
import { creditorTestKit, PLAN_TERMS } from './fixtures/creditor-test-kit';

let t: TestApp;
const { client, bankOfficer, planCase } = creditorTestKit(() => t, 60);

const terms = PLAN_TERMS;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('bank meetings', () => {
  it('the council schedules a meeting for v1, invited banks read it and its materials, the council records minutes', async () => {
    const { pm, company, base, banks, v1 } = await planCase('会議株式会社');
    const yesterday = toJst(new Date(t.clock.now().getTime() - 86_400_000));
    const body = {
      scheduledAt: yesterday,
      mode: 'online',
      place: 'Teams（招待メールを送付）',
      agenda: ['計画案の説明', '質疑応答'],
      versionSha256: v1.sha256,
    };
    const created = await pm.c.post(`${base}/meetings`, body);
    expect(created.statusCode).toBe(201);
    const meeting = created.json<BankMeeting>();
    expect(meeting).toMatchObject({
      scheduledAt: yesterday,
      versionNo: 1,
      versionSha256: v1.sha256,
      isCurrentVersion: true,
      minutes: null,
    });
    expect(meeting.invited.map((i) => [i.bankCode, i.bankName, i.attended])).toEqual([
      ['0001', 'みずほ', null],
      ['0005', '三菱ＵＦＪ', null],
      ['0009', '三井住友', null],
    ]);
    // Stored as the instant: JST 09:00 is UTC 00:00.
    const [stored] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, (tx) =>
      tx.select().from(caseBankMeetings).where(eq(caseBankMeetings.id, meeting.id)),
    );
    expect(toJst(stored!.scheduledAt)).toBe(yesterday);
    expect(stored!.scheduledAt.toISOString().slice(11, 16)).toBe(
      new Date(Date.parse(`${yesterday}:00Z`) - 9 * 3600_000).toISOString().slice(11, 16),
    );

    // An invited bank sees the meeting (list and one) and downloads the materials PDF.
    const seen = (await banks.mizuho.c.get(`${base}/meetings`)).json<BankMeetingList>();
    expect(seen.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(seen.abilities.manage).toBe(false);
    expect((await banks.mufg.c.get(`${base}/meetings/${meeting.id}`)).statusCode).toBe(200);
    const pdf = await banks.mizuho.c.get(`${base}/meetings/${meeting.id}/materials.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The workbook: the pro-rata table of v1 as number values (信用プロラタ, REFERENCE §10.5: 666,667 / 0 / 333,333).
    const xlsx = await banks.mizuho.c.get(`${base}/meetings/${meeting.id}/materials.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('プロラタ表')!;
    const table = [2, 3, 4].map((r) => [
      sheet.getCell(r, 1).value,
      sheet.getCell(r, 6).value,
      sheet.getCell(r, 7).value,
      sheet.getCell(r, 8).value,
    ]);
    expect(table).toEqual([
      ['0001', 20_000_000, 66.67, 666_667],
      ['0005', 0, 0, 0],
      ['0009', 10_000_000, 33.33, 333_333],
    ]);
    expect(wb.getWorksheet('会議概要')!.getCell(2, 2).value).toBe(yesterday.replace('T', ' '));
    // A bank cannot schedule, edit or record.
    expect((await banks.mizuho.c.post(`${base}/meetings`, body)).statusCode).toBe(403);
    expect((await banks.mizuho.c.put(`${base}/meetings/${meeting.id}/record`, { attendance: [], minutes: 'x' })).statusCode).toBe(403);

    // Edit: the place and the agenda change.
    const edited = await pm.c.put(`${base}/meetings/${meeting.id}`, {
      ...body,
      mode: 'in_person',
      place: '協議会 会議室A',
      agenda: ['計画案の説明'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<BankMeeting>()).toMatchObject({ mode: 'in_person', place: '協議会 会議室A', agenda: ['計画案の説明'] });

    // Attendance and minutes: an uninvited bank code is refused and changes nothing.
    const wrong = await pm.c.put(`${base}/meetings/${meeting.id}/record`, {
      attendance: [{ bankCode: '0138', attended: true, attendees: '某' }],
      minutes: '議事録',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/attendance/0/bankCode');
    expect((await pm.c.get(`${base}/meetings/${meeting.id}`)).json<BankMeeting>().minutes).toBeNull();
    const minutes = '計画案について説明し、みずほ銀行から資金繰り表の追加提出を求められた。';
    const recorded = await pm.c.put(`${base}/meetings/${meeting.id}/record`, {
      attendance: [
        { bankCode: '0001', attended: true, attendees: '融資部 山田' },
        { bankCode: '0005', attended: false, attendees: '' },
        { bankCode: '0009', attended: true, attendees: '審査部 佐藤、鈴木' },
      ],
      minutes,
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json<BankMeeting>().recordedByName).not.toBeNull();
    // The minutes are sealed at rest.
    const [sealed] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, (tx) =>
      tx.select({ minutesEnc: caseBankMeetings.minutesEnc }).from(caseBankMeetings).where(eq(caseBankMeetings.id, meeting.id)),
    );
    expect(sealed!.minutesEnc).not.toContain('資金繰り');
    // The bank reads the minutes and the attendance.
    const read = (await banks.smbc.c.get(`${base}/meetings/${meeting.id}`)).json<BankMeeting>();
    expect(read.minutes).toBe(minutes);
    expect(read.invited.map((i) => [i.bankCode, i.attended, i.attendees])).toEqual([
      ['0001', true, '融資部 山田'],
      ['0005', false, ''],
      ['0009', true, '審査部 佐藤、鈴木'],
    ]);

    // A new version: the meeting is about v1, no longer current; its version cannot change once recorded.
    const v2 = (await pm.c.post(`${base}/plan/versions`, { ...terms, planYears: 7 })).json<CasePlan>().current!;
    const list = (await pm.c.get(`${base}/meetings`)).json<BankMeetingList>();
    expect(list.currentVersion?.sha256).toBe(v2.sha256);
    expect(list.meetings[0]?.isCurrentVersion).toBe(false);
    const move = await pm.c.put(`${base}/meetings/${meeting.id}`, { ...body, versionSha256: v2.sha256 });
    expect(move.statusCode).toBe(409);

    // A future meeting cannot have minutes yet; an unknown hash is refused on its field.
    const tomorrow = toJst(new Date(t.clock.now().getTime() + 86_400_000));
    const future = (await pm.c.post(`${base}/meetings`, { ...body, scheduledAt: tomorrow, versionSha256: v2.sha256 })).json<BankMeeting>();
    expect((await pm.c.put(`${base}/meetings/${future.id}/record`, { attendance: [], minutes: '早すぎる' })).statusCode).toBe(409);
    const unknown = await pm.c.post(`${base}/meetings`, { ...body, versionSha256: 'a'.repeat(64) });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/versionSha256');
    const badDate = await pm.c.post(`${base}/meetings`, { ...body, scheduledAt: '2026-02-30T10:00', agenda: [] });
    expect((badDate.json<ProblemDetails>().errors ?? []).map((e) => e.pointer).sort()).toEqual(['/body/agenda', '/body/scheduledAt']);

    // The company revokes みずほ's consent: the meetings vanish for みずほ (404), not for the others.
    const lifts = (await company.c.get(`${base}/confidentiality-lifts`)).json<ConfidentialityLiftList>();
    const mizuhoLift = lifts.items.find((l) => l.bankCode === '0001' && l.inForce)!;
    await company.c.post(`${base}/confidentiality-lifts/${mizuhoLift.id}/revoke`);
    expect((await banks.mizuho.c.get(`${base}/meetings`)).statusCode).toBe(404);
    expect((await banks.mizuho.c.get(`${base}/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await banks.mizuho.c.get(`${base}/meetings/${meeting.id}/materials.pdf`)).statusCode).toBe(404);
    expect((await banks.smbc.c.get(`${base}/meetings`)).json<BankMeetingList>().meetings).toHaveLength(2);
  });

  it('a bank that is not invited, a bank without consent, another council and a company see nothing', async () => {
    const { base, v1, company, kase } = await planCase('会議株式会社');
    const staff = await client('council_staff', 13);
    const meeting = (
      await staff.c.post(`${base}/meetings`, {
        scheduledAt: '2026-12-10T14:00',
        mode: 'in_person',
        place: '会議室',
        agenda: ['説明'],
        versionSha256: v1.sha256,
      })
    ).json<BankMeeting>();
    // A bank with a grant and consent in force, but not a creditor (not invited): the list is empty, the meeting 404.
    const stranger = await bankOfficer('0010');
    await company.c.post(`${base}/confidentiality-lifts`, { bankCode: '0010', documentSets: ['plan'] });
    await grantCase(t.database.db, stranger.user, kase, 13, undefined, { lift: false });
    expect((await stranger.c.get(`${base}/meetings`)).json<BankMeetingList>().meetings).toEqual([]);
    expect((await stranger.c.get(`${base}/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await stranger.c.get(`${base}/meetings/${meeting.id}/materials.pdf`)).statusCode).toBe(404);
    // An invited bank's officer without the company's consent: the case is invisible.
    const noConsent = await bankOfficer('0116');
    await grantCase(t.database.db, noConsent.user, kase, 13, undefined, { lift: false });
    const other = await client('council_pm', 27);
    for (const who of [noConsent, other]) {
      expect((await who.c.get(`${base}/meetings`)).statusCode).toBe(404);
      expect((await who.c.get(`${base}/meetings/${meeting.id}`)).statusCode).toBe(404);
      expect((await who.c.put(`${base}/meetings/${meeting.id}/record`, { attendance: [], minutes: 'x' })).statusCode).toBe(404);
    }
    // The company of the case does not read the bank meetings.
    expect((await company.c.get(`${base}/meetings`)).statusCode).toBe(403);
  });
});

describe('pro-rata table', () => {
  it('shares in basis points, rounded half up, among target creditors only', () => {
    const line = (bankCode: string, unsecured: number, isTarget = true) => ({
      bankCode,
      bankName: bankCode,
      isMainBank: false,
      isTarget,
      balance: unsecured,
      securedByCollateral: 0,
      guaranteeCover: 0,
      unsecured,
      proposedMonthlyRepayment: 0,
    });
    const rows = proRataTable({
      format: 'kasseika.plan-version/1',
      caseReferenceNo: 'X',
      companyName: 'X',
      title: 'X',
      summary: 'X',
      supportMeasures: ['reschedule'],
      planYears: 1,
      monthlyRepaymentTotal: 0,
      proRata: { method: 'unsecured', guaranteeCoverTreatment: 'secured', roundingUnit: 1, residual: 'largestRemainder' },
      creditors: [line('A', 2), line('B', 1), line('C', 5, false)],
    });
    // 2/3 = 66.666…% → 6667 bp; 1/3 = 33.333…% → 3333 bp; C is not a target.
    expect(rows.map((r) => r.shareBasisPoints)).toEqual([6667, 3333, null]);
  });
});
