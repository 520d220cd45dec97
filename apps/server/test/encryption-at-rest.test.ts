import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { withAuthTx } from '../src/db/auth-tx';
import { userCredentials } from '../src/db/schema';
import { currentTotp } from '../src/modules/auth/totp';
import { baseYear } from './calculation-fixtures';
import { createCase, createUser, signIn } from './factories';
import { TestClient } from './http-client';
import { createTestApp, type TestApp } from './test-app';

/**
 * Designated sensitive fields are encrypted in the application (AES-256-GCM under per-council data keys): a dump of
 * the database must not contain planted sentinel values in clear. A positive control (a field stored in clear on
 * purpose) proves the search would find them.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe(`encryption at rest (${process.env.KASSEIKA_TEST_DATABASE_URL ? 'pg_dump of a PostgreSQL server' : 'PGlite data directory'})`, () => {
  it('keeps TOTP secrets and recovery codes out of the stored data', async () => {
    const marker = `平文マーカー-${randomUUID()}`;
    const u = await createUser(t.database.db, t.services.cipher, { role: 'expert', totp: false, displayName: marker });
    const c = new TestClient(t.app);
    await c.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
    const { secret } = (await c.post('/api/v1/account/totp/setup', {})).json<{ secret: string }>();
    const confirmed = await c.post('/api/v1/account/totp/confirm', { code: await currentTotp(secret, t.clock.now()) });
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);

    const stored = await withAuthTx(t.database.db, null, (tx) => tx.select().from(userCredentials).where(eq(userCredentials.userId, u.id)));
    expect(stored[0]?.totpSecret).toMatch(/^enc:v1:0:1:/);
    expect(stored[0]?.totpSecret).not.toContain(secret);

    const dump = await t.database.dump();
    const text = dump.toString('latin1');
    // Positive control: the display name is stored in clear, and the search finds it.
    expect(dump.includes(Buffer.from(marker, 'utf8'))).toBe(true);
    // The secret (base32, as shown to the user), and every recovery code (with or without its hyphens), are absent.
    expect(text.includes(secret)).toBe(false);
    for (const code of recoveryCodes) {
      expect(text.includes(code)).toBe(false);
      expect(text.includes(code.replaceAll('-', ''))).toBe(false);
    }
  });

  it('keeps financial statement figures and workflow reasons out of the stored data', async () => {
    const staff = new TestClient(t.app).withIp('203.0.113.90');
    t.clock.advance(31_000);
    await signIn(staff, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
    const c = await createCase(t.database.db, 13, '暗号化確認株式会社');
    // Sentinel figures: amounts nobody would type by chance, and a reason with a unique marker.
    const year = baseYear();
    const sentinelCash = 987_654_321;
    const delta = sentinelCash - year.balanceSheet.cashAndDeposits; // kept balanced through retained earnings
    const balanceSheet = {
      ...year.balanceSheet,
      cashAndDeposits: sentinelCash,
      retainedEarnings: year.balanceSheet.retainedEarnings + delta,
    };
    const statements = [{ ...year, balanceSheet }];
    const reason = `撤回理由センチネル-${randomUUID()}`;
    const saved = await staff.put(`/api/v1/cases/${c.id}/financial-statements`, { statements, expectedRevision: null });
    expect(saved.statusCode, saved.body).toBe(200);
    const moved = await staff.post(`/api/v1/cases/${c.id}/transitions`, { event: 'withdraw', expectedStage: 'desk_consultation', reason });
    expect(moved.statusCode, moved.body).toBe(200);

    const dump = await t.database.dump();
    const text = dump.toString('latin1');
    expect(dump.includes(Buffer.from('暗号化確認株式会社', 'utf8'))).toBe(true); // positive control (stored in clear)
    expect(text.includes(String(sentinelCash))).toBe(false);
    expect(dump.includes(Buffer.from(reason, 'utf8'))).toBe(false);
  });

  it('keeps guarantors, their guarantees and personal assets out of the stored data', async () => {
    const staff = new TestClient(t.app).withIp('203.0.113.91');
    t.clock.advance(31_000);
    await signIn(staff, await createUser(t.database.db, t.services.cipher, { role: 'council_sm', councilId: 13 }), t.clock.now());
    const c = await createCase(t.database.db, 13, '保証暗号化確認株式会社');
    const name = `保証人センチネル-${randomUUID().slice(0, 8)}`;
    const assetNote = `別荘センチネル-${randomUUID().slice(0, 8)}`;
    const sentinelAsset = 876_543_219;
    const sentinelGuarantee = 765_432_198;
    const saved = await staff.put(`/api/v1/cases/${c.id}/guarantors`, {
      guarantors: [
        {
          name,
          relationship: 'owner',
          birthDate: '1965-07-07',
          workoutType: 'integrated',
          assumedBenefitDays: null,
          keepsHome: false,
          guarantees: [{ creditorName: 'センチネル銀行', amount: sentinelGuarantee }],
          assets: [{ kind: 'real_estate', description: assetNote, value: sentinelAsset }],
          note: '',
        },
      ],
      expectedRevision: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const dump = await t.database.dump();
    const text = dump.toString('latin1');
    expect(dump.includes(Buffer.from('保証暗号化確認株式会社', 'utf8'))).toBe(true); // positive control
    expect(dump.includes(Buffer.from(name, 'utf8'))).toBe(false);
    expect(dump.includes(Buffer.from(assetNote, 'utf8'))).toBe(false);
    expect(text.includes(String(sentinelAsset))).toBe(false);
    expect(text.includes(String(sentinelGuarantee))).toBe(false);
  });

  it('keeps a consultation request’s contact details, address and free text out of the stored data', async () => {
    const c = new TestClient(t.app).withIp('198.51.100.250');
    const form = (await c.get('/api/v1/consultation-requests/form')).json<{ formToken: string }>();
    t.clock.advance(10_000);
    const message = `相談内容センチネル-${randomUUID()}`;
    const street = `暗号化町${randomUUID().slice(0, 8)}`;
    const res = await c.post('/api/v1/consultation-requests', {
      formToken: form.formToken,
      company: {
        corporateNumber: '',
        name: '申込暗号化確認商店',
        nameKana: 'モウシコミアンゴウカカクニンショウテン',
        postalCode: '100-0005',
        prefectureCode: '13',
        address: `千代田区丸の内${street}`,
        industryCode: '58',
        employees: 3,
        capitalYen: null,
        fiscalYearEndMonth: 12,
        annualSalesYen: 40_000_000,
      },
      contact: { name: '暗号 確認', email: 'sentinel-intake@example.jp', phone: '03-9876-5432' },
      needs: [],
      message,
      preferredContact: 'phone',
      privacyConsent: true,
    });
    expect(res.statusCode, res.body).toBe(202);
    const dump = await t.database.dump();
    expect(dump.includes(Buffer.from('申込暗号化確認商店', 'utf8'))).toBe(true); // positive control (stored in clear)
    expect(dump.includes(Buffer.from(message, 'utf8'))).toBe(false);
    expect(dump.includes(Buffer.from(street, 'utf8'))).toBe(false);
    expect(dump.toString('latin1').includes('03-9876-5432')).toBe(false);
  });

  it('keeps interviews, issues, advice, internal notes and triage reasons out of the stored data', async () => {
    const pm = new TestClient(t.app).withIp('203.0.113.91');
    t.clock.advance(31_000);
    await signIn(pm, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
    const c = await createCase(t.database.db, 13, '窓口暗号化確認株式会社');
    const mark = (what: string) => `${what}センチネル-${randomUUID()}`;
    const sentinels = [mark('出席者'), mark('聴取'), mark('課題'), mark('助言'), mark('内部メモ'), mark('振分理由')];
    const [attendees, notes, issue, advice, note, reasons] = sentinels as [string, string, string, string, string, string];
    expect((await pm.post(`/api/v1/cases/${c.id}/interviews`, { heldOn: '2026-11-20', attendees, notes })).statusCode).toBe(201);
    expect((await pm.post(`/api/v1/cases/${c.id}/issues`, { issue, advice })).statusCode).toBe(201);
    expect((await pm.post(`/api/v1/cases/${c.id}/internal-notes`, { body: note })).statusCode).toBe(201);
    const triaged = await pm.post(`/api/v1/cases/${c.id}/triage`, {
      decision: 'resolve_by_advice',
      reasons,
      expectedStage: 'desk_consultation',
    });
    expect(triaged.statusCode, triaged.body).toBe(204);

    const dump = await t.database.dump();
    expect(dump.includes(Buffer.from('窓口暗号化確認株式会社', 'utf8'))).toBe(true); // positive control
    for (const s of sentinels) expect(dump.includes(Buffer.from(s, 'utf8'))).toBe(false);
  });

  it('keeps the action plan, governance notes and the plan summary out of the stored data', async () => {
    const pm = new TestClient(t.app).withIp('203.0.113.92');
    t.clock.advance(31_000);
    await signIn(pm, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
    const c = await createCase(t.database.db, 13);
    const mark = (what: string) => `${what}センチネル-${randomUUID()}`;
    const [what, note, summary] = [mark('行動計画'), mark('ガバナンス'), mark('計画概要')];
    const base = `/api/v1/cases/${c.id}`;
    await pm.post(`${base}/triage`, { decision: 'earnings_improvement', reasons: '理由', expectedStage: 'desk_consultation' });
    expect((await pm.post(`${base}/earnings-improvement/action-items`, { what, owner: '代表者', dueOn: '2027-03-31' })).statusCode).toBe(
      201,
    );
    expect((await pm.put(`${base}/earnings-improvement/governance/transparency.access`, { status: 'partly', note })).statusCode).toBe(204);
    const plan = { planYears: 2, reschedulingRequested: false, startsOn: '2027-04-01', summary };
    expect((await pm.post(`${base}/earnings-improvement/plan`, plan)).statusCode).toBe(204);
    const dump = await t.database.dump();
    for (const s of [what, note, summary]) expect(dump.includes(Buffer.from(s, 'utf8'))).toBe(false);
  });

  it('keeps plan version content and PM/SM comments out of the stored data', async () => {
    const pm = new TestClient(t.app).withIp('203.0.113.91');
    t.clock.advance(31_000);
    await signIn(pm, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
    const c = await createCase(t.database.db, 13, '計画暗号化確認株式会社');
    const added = await pm.post(`/api/v1/cases/${c.id}/creditors`, { bankCode: '0001' });
    const creditorId = added.json<{ items: { id: string }[] }>().items[0]!.id;
    await pm.post(`/api/v1/cases/${c.id}/creditors/${creditorId}/loans`, {
      label: '運転資金',
      balance: 50_000_000,
      annualRatePercent: 1,
      monthlyRepayment: 100_000,
    });
    const summary = `計画概要センチネル-${randomUUID()}`;
    const comment = `意見センチネル-${randomUUID()}`;
    const submitted = await pm.post(`/api/v1/cases/${c.id}/plan/versions`, {
      title: '再生計画',
      summary,
      supportMeasures: ['reschedule'],
      planYears: 3,
      monthlyRepaymentTotal: 100_000,
      proRataMethod: 'balance',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await pm.post(`/api/v1/cases/${c.id}/plan/versions/1/comments`, { body: comment })).statusCode).toBe(201);
    const dump = await t.database.dump();
    expect(dump.includes(Buffer.from('計画暗号化確認株式会社', 'utf8'))).toBe(true); // positive control
    expect(dump.includes(Buffer.from(summary, 'utf8'))).toBe(false);
    expect(dump.includes(Buffer.from(comment, 'utf8'))).toBe(false);
  });

  it('keeps bank-meeting minutes out of the stored data', async () => {
    const pm = new TestClient(t.app).withIp('203.0.113.92');
    t.clock.advance(31_000);
    await signIn(pm, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
    const c = await createCase(t.database.db, 13, '会議暗号化確認株式会社');
    const added = await pm.post(`/api/v1/cases/${c.id}/creditors`, { bankCode: '0001' });
    const creditorId = added.json<{ items: { id: string }[] }>().items[0]!.id;
    await pm.post(`/api/v1/cases/${c.id}/creditors/${creditorId}/loans`, {
      label: '運転資金',
      balance: 50_000_000,
      annualRatePercent: 1,
      monthlyRepayment: 100_000,
    });
    const submitted = await pm.post(`/api/v1/cases/${c.id}/plan/versions`, {
      title: '再生計画',
      summary: '概要',
      supportMeasures: ['reschedule'],
      planYears: 3,
      monthlyRepaymentTotal: 100_000,
      proRataMethod: 'balance',
    });
    const sha256 = submitted.json<{ current: { sha256: string } }>().current.sha256;
    const meeting = await pm.post(`/api/v1/cases/${c.id}/meetings`, {
      scheduledAt: '2026-01-05T10:00',
      mode: 'in_person',
      place: '会議室',
      agenda: ['説明'],
      versionSha256: sha256,
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const minutes = `議事録センチネル-${randomUUID()}`;
    const recorded = await pm.put(`/api/v1/cases/${c.id}/meetings/${meeting.json<{ id: string }>().id}/record`, {
      attendance: [{ bankCode: '0001', attended: true, attendees: '融資部' }],
      minutes,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // A cancelled meeting's reason is sealed too.
    const second = await pm.post(`/api/v1/cases/${c.id}/meetings`, {
      scheduledAt: '2026-01-06T10:00',
      mode: 'online',
      place: 'Teams',
      agenda: ['説明'],
      versionSha256: sha256,
    });
    const reason = `中止理由センチネル-${randomUUID()}`;
    const cancelled = await pm.post(`/api/v1/cases/${c.id}/meetings/${second.json<{ id: string }>().id}/cancel`, { reason });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const dump = await t.database.dump();
    expect(dump.includes(Buffer.from('会議暗号化確認株式会社', 'utf8'))).toBe(true); // positive control
    expect(dump.includes(Buffer.from(minutes, 'utf8'))).toBe(false);
    expect(dump.includes(Buffer.from(reason, 'utf8'))).toBe(false);
  });

  it('keeps 再チャレンジ advice, the handover package, route notes and consultation notes out of the stored data', async () => {
    const pm = new TestClient(t.app).withIp('203.0.113.93');
    t.clock.advance(31_000);
    await signIn(pm, await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 }), t.clock.now());
    const lawyer = await createUser(t.database.db, t.services.cipher, { role: 'lawyer' });
    const c = await createCase(t.database.db, 13);
    const mark = (what: string) => `${what}センチネル-${randomUUID()}`;
    const [advice, message, routeNote, consultNote] = [mark('廃業助言'), mark('弁護士連絡'), mark('手続メモ'), mark('相談メモ')];
    const base = `/api/v1/cases/${c.id}`;
    await pm.post(`${base}/triage`, { decision: 'rechallenge', reasons: '理由', expectedStage: 'desk_consultation' });
    expect(
      (await pm.post(`${base}/rechallenge/advice`, { advisedOn: '2026-11-20', topic: 'orderly_closure', text: advice })).statusCode,
    ).toBe(201);
    const referral = { lawyerEmail: lawyer.email, documentIds: [], figures: ['advice'], message };
    expect((await pm.put(`${base}/rechallenge/referral`, referral)).statusCode).toBe(200);
    const route = { route: 'bankruptcy', guarantorName: null, status: 'considering', startedOn: null, endedOn: null, note: routeNote };
    expect((await pm.post(`${base}/rechallenge/proceedings`, route)).statusCode).toBe(201);
    const consultation = { heldOn: '2026-12-01', lawyerName: '弁護士', feeYen: 0, feeSupported: false, note: consultNote };
    expect((await pm.post(`${base}/rechallenge/consultations`, consultation)).statusCode).toBe(201);
    const dump = await t.database.dump();
    for (const s of [advice, message, routeNote, consultNote]) expect(dump.includes(Buffer.from(s, 'utf8'))).toBe(false);
  });

  it('keeps conflict-of-interest declarations, 実態BS reasons and business-plan text out of the stored data', async () => {
    const pm = new TestClient(t.app).withIp('203.0.113.93');
    t.clock.advance(31_000);
    const pmUser = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 });
    await signIn(pm, pmUser, t.clock.now());
    const c = await createCase(t.database.db, 13);
    const mark = (what: string) => `${what}センチネル-${randomUUID()}`;
    const [coi, reason, causes, measures] = [mark('利益相反'), mark('修正理由'), mark('窮境原因'), mark('改善施策')];
    const base = `/api/v1/cases/${c.id}`;
    await pm.post(`${base}/triage`, { decision: 'revitalization', reasons: '理由', expectedStage: 'desk_consultation' });
    const staff = { userId: pmUser.id, position: 'pm', secondedFromBank: 'テスト銀行', bankIsCreditor: true };
    expect(
      (await pm.post(`${base}/revitalization/team/staff`, { ...staff, conflict: { hasConflict: true, details: coi } })).statusCode,
    ).toBe(201);
    const bs = Object.fromEntries(
      [
        'cashAndDeposits',
        'notesReceivable',
        'accountsReceivable',
        'inventories',
        'otherCurrentAssets',
        'land',
        'buildings',
        'otherTangibleFixedAssets',
        'intangibleFixedAssets',
        'investmentsAndOtherAssets',
        'deferredAssets',
        'notesPayable',
        'accountsPayable',
        'shortTermBorrowings',
        'otherCurrentLiabilities',
        'longTermBorrowings',
        'bonds',
        'officerLoans',
        'leaseObligations',
        'otherFixedLiabilities',
        'capitalStock',
        'retainedEarnings',
        'otherNetAssets',
      ].map((k) => [k, 0]),
    );
    const sheet = {
      asOf: '2026-03-31',
      balanceSheet: { ...bs, inventories: 5_000_000, capitalStock: 5_000_000 },
      adjustments: [{ id: 'a', targetLine: 'inventories', amount: -1_000_000, reason, category: 'obsoleteInventory' }],
      treatOfficerLoansAsEquity: false,
    };
    expect((await pm.post(`${base}/revitalization/real-balance-sheets`, sheet)).statusCode).toBe(201);
    const plan = {
      planYears: 3,
      startsOn: '2027-04-01',
      causesOfDistress: causes,
      measures,
      years: [1, 2, 3].map(() => ({ sales: 1, ordinaryProfit: 1 })),
    };
    expect((await pm.post(`${base}/revitalization/business-plans`, plan)).statusCode).toBe(201);
    const designNote = mark('支援策メモ');
    const design = { measures: ['rescheduling'], reschedulingGraceMonths: 12, notes: designNote, requirements: [] };
    expect((await pm.post(`${base}/revitalization/support-designs`, design)).statusCode).toBe(201);
    const dump = await t.database.dump();
    for (const s of [coi, reason, causes, measures, designNote]) expect(dump.includes(Buffer.from(s, 'utf8'))).toBe(false);
  });

  it('binds each ciphertext to its place: a value copied to another account does not decrypt', async () => {
    const a = await createUser(t.database.db, t.services.cipher, { role: 'expert' });
    const b = await createUser(t.database.db, t.services.cipher, { role: 'expert' });
    const [ca] = await withAuthTx(t.database.db, null, (tx) => tx.select().from(userCredentials).where(eq(userCredentials.userId, a.id)));
    await expect(t.services.cipher.decrypt(0, ca!.totpSecret!, `user_credentials.totp_secret:${b.id}`)).rejects.toThrow(/authenticate/);
    await expect(t.services.cipher.decrypt(0, ca!.totpSecret!, `user_credentials.totp_secret:${a.id}`)).resolves.toBe(a.totpSecret);
    await expect(t.services.cipher.decrypt(13, ca!.totpSecret!, `user_credentials.totp_secret:${a.id}`)).rejects.toThrow(/another key/);
  });
});
