import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type {
  CaseDetail,
  ConsultationForm,
  ConsultationReceipt,
  ConsultationVerified,
  IntakeInbox,
  ProblemDetails,
} from '@kasseika/contracts';
import { auditEvents, caseGrants, consultationRequests, mailOutbox, supportCases } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { createUser, signIn } from '../../../test/factories';
import { seedDemoIntake } from '../../seed/demo-intake';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let seq = 0;

const visitor = () => new TestClient(t.app, { 'user-agent': 'vitest' }).withIp(`198.51.100.${++seq}`);

async function staff(role: 'council_pm' | 'council_staff' | 'council_admin', councilId: number) {
  const c = new TestClient(t.app).withIp(`203.0.113.${++seq + 100}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return c;
}

async function mailsTo(to: string) {
  return t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).orderBy(desc(mailOutbox.createdAt));
}

async function requestCount(councilId: number): Promise<number> {
  const rows = await withTenantTx(t.database.db, { councilId, userId: null, roles: [] }, (tx) =>
    tx.select({ id: consultationRequests.id }).from(consultationRequests),
  );
  return rows.length;
}

function body(formToken: string, over: { email?: string; corporateNumber?: string; name?: string } = {}) {
  return {
    formToken,
    website: '',
    company: {
      corporateNumber: over.corporateNumber ?? '７０００-０１２０-５０００２',
      name: over.name ?? 'ｶﾌﾞｼｷｶﾞｲｼｬ　丸の内製作所',
      nameKana: 'まるのうちせいさくしょ',
      postalCode: '〒１００－０００５',
      prefectureCode: '13',
      address: '千代田区丸の内１丁目２番３号',
      industryCode: '24',
      employees: 25,
      capitalYen: 10_000_000,
      fiscalYearEndMonth: 3,
      annualSalesYen: 300_000_000,
    },
    contact: { name: '丸の内 花子', title: '代表取締役', email: over.email ?? `hanako${++seq}@example.jp`, phone: '03-1234-5678' },
    needs: ['ei.action_plan', 'rv.financial_support'],
    message: '借入金の返済が重く、リスケジュールを相談したい（秘密）',
    preferredContact: 'email',
    privacyConsent: true,
  };
}

/** A form token, then the minimum fill time. */
async function formToken(c: TestClient): Promise<string> {
  const form = (await c.get('/api/v1/consultation-requests/form')).json<ConsultationForm>();
  t.clock.advance((form.minimumFillSeconds + 1) * 1000);
  return form.formToken;
}

async function submitAndVerify(over: Parameters<typeof body>[1] = {}) {
  const c = visitor();
  const b = body(await formToken(c), over);
  const res = await c.post('/api/v1/consultation-requests', b);
  expect(res.statusCode, res.body).toBe(202);
  const [mail] = await mailsTo(b.contact.email);
  const token = /#token=([\w.-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
  const verified = await c.post('/api/v1/consultation-requests/verify', { token });
  expect(verified.statusCode, verified.body).toBe(200);
  return { c, b, token, receipt: res.json<ConsultationReceipt>(), verified: verified.json<ConsultationVerified>() };
}

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('public consultation request', () => {
  it('reaches the council only after email verification; the link works once; the PM sees it and accepts it', async () => {
    const pm = await staff('council_pm', 13);
    const c = visitor();
    const form = (await c.get('/api/v1/consultation-requests/form')).json<ConsultationForm>();
    // 日本標準産業分類 第14回改定 (令和5年7月, 施行 2024-04-01): 大分類 A–T, 中分類 01–99 without 96.
    expect(form.industryEdition).toBe('14');
    expect(form.industries.map((m) => m.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(form.industries.flatMap((m) => m.divisions)).toHaveLength(98);
    expect(form.industries.find((m) => m.code === 'E')?.divisions.some((d) => d.code === '24')).toBe(true);
    expect(form.checklists.flatMap((l) => l.items)).toHaveLength(8);
    const addresses = (await c.get('/api/v1/consultation-requests/addresses?postalCode=100-0005')).json<{ items: { city: string }[] }>();
    expect(addresses.items[0]?.city).toBe('千代田区');
    expect((await c.get('/api/v1/consultation-requests/addresses?postalCode=12')).statusCode).toBe(422);
    t.clock.advance(10_000);
    const b = body(form.formToken);
    const res = await c.post('/api/v1/consultation-requests', b);
    expect(res.statusCode, res.body).toBe(202);
    const receipt = res.json<ConsultationReceipt>();
    expect(receipt.referenceNo).toMatch(/^R-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(receipt.councilName).toContain('東京都');

    // Not in the inbox before verification.
    const before = (await pm.get('/api/v1/councils/tokyo/intake')).json<IntakeInbox>();
    expect(before.items.some((i) => i.requestReferenceNo === receipt.referenceNo)).toBe(false);

    const [mail] = await mailsTo(b.contact.email);
    expect(mail?.template).toBe('consultation_verification');
    const token = /#token=([\w.-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
    expect(token.startsWith('13.')).toBe(true);
    const verified = await c.post('/api/v1/consultation-requests/verify', { token });
    expect(verified.statusCode, verified.body).toBe(200);
    const v = verified.json<ConsultationVerified>();
    expect(v).toMatchObject({ referenceNo: receipt.referenceNo, email: b.contact.email });

    const caseCount = async () =>
      (
        await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
          tx.select({ id: supportCases.id }).from(supportCases),
        )
      ).length;
    const casesBeforeReplay = await caseCount();
    expect(casesBeforeReplay).toBeGreaterThan(0);
    const mailsBeforeReplay = (await mailsTo(b.contact.email)).length;
    const replay = await c.post('/api/v1/consultation-requests/verify', { token });
    expect(replay.statusCode).toBe(400);
    expect(replay.json<ProblemDetails>().messages.detail?.ja).toContain('確認済み');
    // The replayed link stored nothing: no second case, no second invitation.
    expect(await caseCount()).toBe(casesBeforeReplay);
    expect((await mailsTo(b.contact.email)).length).toBe(mailsBeforeReplay);

    const templates = (await mailsTo(b.contact.email)).map((m) => m.template).sort();
    expect(templates).toEqual(['consultation_received', 'consultation_verification', 'invitation']);

    const inbox = (await pm.get('/api/v1/councils/tokyo/intake')).json<IntakeInbox>();
    const item = inbox.items.find((i) => i.requestReferenceNo === receipt.referenceNo);
    expect(item).toMatchObject({
      caseReferenceNo: v.caseReferenceNo,
      companyName: 'カブシキガイシャ 丸の内製作所',
      companyNameKana: 'マルノウチセイサクショ',
      corporateNumber: '7000012050002',
      message: b.message,
      stage: 'intake',
      needs: b.needs,
    });
    expect(inbox.abilities.decide).toBe(true);

    // Another council's PM: the inbox of Tokyo does not exist for them, and their own does not show it.
    const osaka = await staff('council_pm', 27);
    expect((await osaka.get('/api/v1/councils/tokyo/intake')).statusCode).toBe(404);
    const theirs = (await osaka.get('/api/v1/councils/osaka/intake')).json<IntakeInbox>();
    expect(theirs.items.some((i) => i.requestReferenceNo === receipt.referenceNo)).toBe(false);
    expect((await osaka.get(`/api/v1/cases/${item?.caseId ?? ''}`)).statusCode).toBe(404);

    // Accept through the case workflow: desk consultation, and the requester hears about it.
    const accepted = await pm.post(`/api/v1/cases/${item?.caseId ?? ''}/transitions`, {
      event: 'accept',
      expectedStage: 'intake',
      reason: '窓口相談で状況を伺う',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<CaseDetail>().stage).toBe('desk_consultation');
    expect((await mailsTo(b.contact.email))[0]?.template).toBe('consultation_accepted');
    const after = (await pm.get('/api/v1/councils/tokyo/intake')).json<IntakeInbox>();
    expect(after.items.some((i) => i.caseId === item?.caseId)).toBe(false);
  });

  it('the invitation sets up the company member, whose grant reaches the case', async () => {
    const { b, verified } = await submitAndVerify();
    const invitation = (await mailsTo(b.contact.email)).find((m) => m.template === 'invitation');
    expect(invitation?.textBody).toContain('東京都');
    const token = /#token=([\w-]+)/.exec(invitation?.textBody ?? '')?.[1] ?? '';
    const c = visitor();
    const accepted = await c.post('/api/v1/invitations/accept', {
      token,
      displayName: '丸の内 花子',
      password: 'correct horse battery staple 7',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [theCase] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx.select().from(supportCases).where(eq(supportCases.referenceNo, verified.caseReferenceNo)),
    );
    const grants = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx
        .select()
        .from(caseGrants)
        .where(and(eq(caseGrants.caseId, theCase?.id ?? ''), eq(caseGrants.roleInCase, 'company'))),
    );
    expect(grants).toHaveLength(1);
    expect(grants[0]?.grantedBy).toBeNull();
    expect(grants[0]?.scopes).toContain('case.read');
  });

  it('flags a possible duplicate (same 法人番号, or same name and address) within the council', async () => {
    const pm = await staff('council_staff', 13);
    const first = await submitAndVerify({ corporateNumber: '8000020130001', name: '株式会社 重複商事' });
    const second = await submitAndVerify({ corporateNumber: '8-0000-2013-0001', name: '重複商事(株)' });
    const third = await submitAndVerify({ corporateNumber: '', name: '㈱重複商事' });
    const inbox = (await pm.get('/api/v1/councils/tokyo/intake')).json<IntakeInbox>();
    const dupOf = (ref: string) => inbox.items.find((i) => i.caseReferenceNo === ref)?.possibleDuplicates.map((d) => d.caseReferenceNo);
    expect(dupOf(second.verified.caseReferenceNo)).toContain(first.verified.caseReferenceNo);
    // No 法人番号, but the same name and address.
    expect(dupOf(third.verified.caseReferenceNo)).toEqual(
      expect.arrayContaining([first.verified.caseReferenceNo, second.verified.caseReferenceNo]),
    );
  });

  it('declining closes the case and mails a polite decline (the reason stays sealed in the transition)', async () => {
    const pm = await staff('council_pm', 13);
    const { b, verified } = await submitAndVerify({ name: 'お断り工業' });
    const inbox = (await pm.get('/api/v1/councils/tokyo/intake')).json<IntakeInbox>();
    const item = inbox.items.find((i) => i.caseReferenceNo === verified.caseReferenceNo);
    const res = await pm.post(`/api/v1/cases/${item?.caseId ?? ''}/transitions`, {
      event: 'decline',
      expectedStage: 'intake',
      reason: '医療法人の300人超は対象外のため',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseDetail>()).toMatchObject({ stage: 'closed', outcome: 'declined' });
    const [mail] = await mailsTo(b.contact.email);
    expect(mail?.template).toBe('consultation_declined');
    expect(mail?.textBody).toContain('お受けすることができません');
    expect(mail?.textBody).not.toContain('医療法人の300人超は対象外のため');
  });

  it('sends the request to another council when the requester overrides it with a reason', async () => {
    const c = visitor();
    const b = { ...body(await formToken(c)), councilOverride: { prefectureCode: '27', reason: '本社機能が大阪にあるため' } };
    const res = await c.post('/api/v1/consultation-requests', b);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json<ConsultationReceipt>().councilName).toContain('大阪府');
    const [mail] = await mailsTo(b.contact.email);
    expect(/#token=(27\.)/.exec(mail?.textBody ?? '')).not.toBeNull();
  });

  it('refuses bad input with every field issue at once, storing nothing', async () => {
    const c = visitor();
    const before = await requestCount(13);
    const token = await formToken(c);
    const good = body(token);
    const bad = await c.post('/api/v1/consultation-requests', {
      ...good,
      company: { ...good.company, corporateNumber: '1000012050002', nameKana: '丸の内', postalCode: '12', employees: -1 },
      contact: { ...good.contact, email: 'not-an-email', phone: 'abc' },
      privacyConsent: false,
    });
    expect(bad.statusCode).toBe(422);
    const codes = (bad.json<ProblemDetails>().errors ?? []).map((e) => `${e.pointer} ${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '/body/company/corporateNumber corporateNumber.checkDigit',
        '/body/company/nameKana companyNameKana.format',
        '/body/company/postalCode intake.postalCode',
        '/body/company/employees intake.employees',
        '/body/contact/email email.format',
        '/body/contact/phone intake.phone',
        '/body/privacyConsent intake.privacyConsent',
      ]),
    );
    expect(bad.json<ProblemDetails>().errors?.find((e) => e.code === 'corporateNumber.checkDigit')?.message.ja).toContain('法人番号');

    // Data checks: unknown 〒, 〒 in another prefecture, unknown industry and checklist item, honeypot.
    const semantic = await c.post('/api/v1/consultation-requests', {
      ...good,
      website: 'http://spam.example',
      company: { ...good.company, postalCode: '000-0000', industryCode: '96' },
      needs: ['zz.unknown'],
    });
    expect(semantic.statusCode).toBe(422);
    expect((semantic.json<ProblemDetails>().errors ?? []).map((e) => e.code).sort()).toEqual([
      'intake.honeypot',
      'intake.industry',
      'intake.needs',
      'intake.postalCodeUnknown',
    ]);
    const elsewhere = await c.post('/api/v1/consultation-requests', { ...good, company: { ...good.company, postalCode: '530-0001' } });
    expect((elsewhere.json<ProblemDetails>().errors ?? []).map((e) => e.code)).toEqual(['intake.postalCodePrefecture']);
    expect(await requestCount(13)).toBe(before);
  });

  it('refuses a form sent too fast, a forged form token, and an expired verification link', async () => {
    const c = visitor();
    const form = (await c.get('/api/v1/consultation-requests/form')).json<ConsultationForm>();
    const fast = await c.post('/api/v1/consultation-requests', body(form.formToken));
    expect((fast.json<ProblemDetails>().errors ?? []).map((e) => e.code)).toEqual(['intake.tooFast']);
    const forged = await c.post('/api/v1/consultation-requests', body(`${form.formToken.slice(0, -2)}00`));
    expect((forged.json<ProblemDetails>().errors ?? []).map((e) => e.code)).toEqual(['intake.formToken']);

    t.clock.advance(10_000);
    const b = body(form.formToken);
    const sent = await c.post('/api/v1/consultation-requests', b);
    expect(sent.statusCode).toBe(202);
    const receiptNo = sent.json<ConsultationReceipt>().referenceNo;
    const [mail] = await mailsTo(b.contact.email);
    const token = /#token=([\w.-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
    t.clock.advance(49 * 3600_000);
    const late = await c.post('/api/v1/consultation-requests/verify', { token });
    expect(late.statusCode).toBe(400);
    expect(late.json<ProblemDetails>().messages.detail?.ja).toContain('期限');
    // The next request to the council deletes the expired, never-confirmed one.
    const stored = async () =>
      (
        await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
          tx.select({ id: consultationRequests.id }).from(consultationRequests).where(eq(consultationRequests.referenceNo, receiptNo)),
        )
      ).length;
    expect(await stored()).toBe(1);
    const next = visitor();
    expect((await next.post('/api/v1/consultation-requests', body(await formToken(next)))).statusCode).toBe(202);
    expect(await stored()).toBe(0);
    expect((await c.post('/api/v1/consultation-requests/verify', { token: '13.AbCdEfGhIjKlMnOpQrStUvWxYz' })).statusCode).toBe(400);
    expect((await c.post('/api/v1/consultation-requests/verify', { token: '99.AbCdEfGhIjKlMnOpQrStUvWxYz' })).statusCode).toBe(400);
  });

  it('the scheduled purge deletes expired unconfirmed requests in every council (audited), keeping confirmed ones', async () => {
    const stored = async (councilId: number, referenceNo: string) =>
      (
        await withTenantTx(t.database.db, { councilId, userId: null, roles: [] }, (tx) =>
          tx.select({ id: consultationRequests.id }).from(consultationRequests).where(eq(consultationRequests.referenceNo, referenceNo)),
        )
      ).length;
    const purgeEvents = () =>
      t.database.db
        .select({ councilId: auditEvents.councilId, details: auditEvents.details, label: auditEvents.actorLabel })
        .from(auditEvents)
        .where(eq(auditEvents.eventType, 'CONSULTATION_REQUESTS_PURGED'));
    // Nothing expired yet (earlier tests' leftovers are cleared first): nothing deleted, nothing recorded.
    t.clock.advance(49 * 3600_000);
    await t.services.intake.purgeExpiredRequests([13, 27]);
    const eventsBefore = (await purgeEvents()).length;

    const unconfirmed = visitor();
    const sent = await unconfirmed.post('/api/v1/consultation-requests', body(await formToken(unconfirmed)));
    expect(sent.statusCode).toBe(202);
    const pending = sent.json<ConsultationReceipt>().referenceNo;
    const confirmed = await submitAndVerify({ corporateNumber: '', name: `確認済み商店${seq}` });
    expect(await t.services.intake.purgeExpiredRequests([13, 27])).toBe(0);
    expect(await stored(13, pending)).toBe(1);
    expect((await purgeEvents()).length).toBe(eventsBefore);

    // Two days later the unconfirmed one is gone, the confirmed one stays, and the deletion is on record.
    t.clock.advance(48 * 3600_000 + 1000);
    expect(await t.services.intake.purgeExpiredRequests([13, 27])).toBe(1);
    expect(await stored(13, pending)).toBe(0);
    expect(await stored(13, confirmed.receipt.referenceNo)).toBe(1);
    const events = await purgeEvents();
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({ councilId: 13, label: 'system', details: { count: 1, referenceNos: [pending] } });
    // Running again finds nothing more and records nothing.
    expect(await t.services.intake.purgeExpiredRequests([13, 27])).toBe(0);
    expect((await purgeEvents()).length).toBe(eventsBefore + 1);
  });

  it('the demo seed adds requests awaiting a decision, idempotently, the Tokyo pair flagged as duplicates', async () => {
    const first = await seedDemoIntake(t.database, t.services.cipher);
    const again = await seedDemoIntake(t.database, t.services.cipher);
    expect(first.created).toBe(3);
    expect(again).toEqual({ created: 0, existing: 3 });
    const pm = await staff('council_pm', 13);
    const inbox = (await pm.get('/api/v1/councils/tokyo/intake')).json<IntakeInbox>();
    const demo = inbox.items.find((i) => i.requestReferenceNo === 'R-DEMO-1302');
    expect(demo?.possibleDuplicates.map((d) => d.caseReferenceNo)).toEqual(['DEMO-13-I001']);
    expect(demo?.message).toBe('経理担当からも申し込みます。');
    expect(inbox.items.some((i) => i.requestReferenceNo === 'R-DEMO-2701')).toBe(false);
  });
});
