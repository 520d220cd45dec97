import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AccessLog, CaseDetail, CaseGrantList, CaseList, InvitationPreview, ProblemDetails, SessionStatus } from '@kasseika/contracts';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { TestClient } from '../../../test/http-client';
import { createCase, createUser, grantCase, signIn, type TestUser, latestInvitationToken } from '../../../test/factories';
import { caseConfidentialityLifts, caseGrants } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { currentTotp } from '../auth/totp';

let t: TestApp;
let pmTokyo: TestUser;
let pmOsaka: TestUser;
let pmClient: TestClient;
let osakaClient: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  pmTokyo = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 });
  pmOsaka = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 27 });
  pmClient = new TestClient(t.app);
  osakaClient = new TestClient(t.app);
  await signIn(pmClient, pmTokyo, t.clock.now());
  await signIn(osakaClient, pmOsaka, t.clock.now());
});
afterAll(async () => {
  await t.close();
});

async function signedIn(user: TestUser): Promise<TestClient> {
  t.clock.advance(31_000); // each sign-in uses a fresh TOTP step
  const c = new TestClient(t.app);
  await signIn(c, user, t.clock.now());
  return c;
}

const invitationToken = (email: string) => latestInvitationToken(t.database.db, email);

describe('cases of a council', () => {
  it('creates cases with council reference numbers and lists only the own council’s', async () => {
    const a = await pmClient.post('/api/v1/cases', { companyName: '株式会社東京テスト' });
    expect(a.statusCode).toBe(201);
    const created = a.json<CaseDetail>();
    expect(created.referenceNo).toMatch(/^13-\d{4}-\d{4}$/);
    const b = await osakaClient.post('/api/v1/cases', { companyName: '株式会社大阪テスト' });
    const osakaCase = b.json<CaseDetail>();
    const tokyoList = (await pmClient.get('/api/v1/cases')).json<CaseList>();
    expect(tokyoList.items.map((c) => c.id)).toContain(created.id);
    expect(tokyoList.items.every((c) => c.councilId === 13)).toBe(true);
    // Search by name or number, and by id: another council's case is nowhere to be found.
    expect((await pmClient.get(`/api/v1/cases?q=${encodeURIComponent('大阪テスト')}`)).json<CaseList>().items).toEqual([]);
    expect((await pmClient.get(`/api/v1/cases?q=${osakaCase.referenceNo}`)).json<CaseList>().items).toEqual([]);
    const byId = await pmClient.get(`/api/v1/cases/${osakaCase.id}`);
    expect(byId.statusCode).toBe(404);
    expect(byId.json<ProblemDetails>().code).toBe('NOT_FOUND');
    expect((await pmClient.get(`/api/v1/cases/${osakaCase.id}/grants`)).statusCode).toBe(404);
    expect((await pmClient.get(`/api/v1/cases/${osakaCase.id}/access-log`)).statusCode).toBe(404);
  });

  it('pages and validates the list query', async () => {
    for (let i = 0; i < 3; i++) await pmClient.post('/api/v1/cases', { companyName: `ページ確認${i}` });
    const page = (await pmClient.get('/api/v1/cases?pageSize=2')).json<CaseList>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    const bad = await pmClient.get('/api/v1/cases?pageSize=1000&page=0');
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<ProblemDetails>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/query/page', '/query/pageSize']); // page= is no longer a parameter: pages are keyset cursors
  });
});

describe('outsiders reach a case only through a grant', () => {
  it('invites a bank officer who accepts, enrols a second factor, sees only this case; revocation takes effect at once', async () => {
    const c = (await pmClient.post('/api/v1/cases', { companyName: '株式会社与信テスト' })).json<CaseDetail>();
    const other = (await pmClient.post('/api/v1/cases', { companyName: '株式会社別件' })).json<CaseDetail>();
    const email = `bank-${Date.now()}@bank.example.jp`;
    const missingCode = await pmClient.post(`/api/v1/cases/${c.id}/invitations`, {
      email,
      displayName: '融資 一郎',
      roleInCase: 'bank',
      organizationName: 'テスト銀行',
    });
    expect(missingCode.statusCode).toBe(422);
    expect(missingCode.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/bankCode');
    // No bank is invited before the company lifts confidentiality towards it (REFERENCE §1.3).
    const bankInvite = { email, displayName: '融資 一郎', roleInCase: 'bank', organizationName: 'テスト銀行', bankCode: '0999' };
    const beforeConsent = await pmClient.post(`/api/v1/cases/${c.id}/invitations`, bankInvite);
    expect(beforeConsent.statusCode).toBe(422);
    expect(beforeConsent.json<ProblemDetails>().errors?.[0]?.code).toBe('bankCode.noConsent');
    await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, (tx) =>
      tx.insert(caseConfidentialityLifts).values({
        councilId: 13,
        caseId: c.id,
        bankCode: '0999',
        bankName: 'テスト銀行',
        documentSets: ['plan', 'creditor_documents'],
        consentedBy: pmTokyo.id, // recorded on paper by the company; the PM entered it for this test
      }),
    );
    const invite = await pmClient.post(`/api/v1/cases/${c.id}/invitations`, {
      email,
      displayName: '融資 一郎',
      roleInCase: 'bank',
      organizationName: 'テスト銀行',
      bankCode: '0999',
    });
    expect(invite.statusCode).toBe(201);
    const pending = (await pmClient.get(`/api/v1/cases/${c.id}/grants`)).json<CaseGrantList>();
    expect(pending.pendingInvitations.map((p) => p.email)).toEqual([email]);

    const token = await invitationToken(email);
    const bank = new TestClient(t.app);
    const preview = (await bank.post('/api/v1/invitations/preview', { token })).json<InvitationPreview>();
    expect(preview).toMatchObject({
      email,
      organizationName: 'テスト銀行',
      roles: ['bank_officer'],
      caseReferenceNo: c.referenceNo,
      accountExists: false,
    });
    const weak = await bank.post('/api/v1/invitations/accept', { token, displayName: '融資 一郎', password: 'short' });
    expect(weak.statusCode).toBe(422);
    const accepted = await bank.post('/api/v1/invitations/accept', {
      token,
      displayName: '融資 一郎',
      password: 'a long bank passphrase 2026',
    });
    expect(accepted.json()).toEqual({ state: 'enrol_mfa' });
    // The second factor is mandatory before anything else.
    expect((await bank.get('/api/v1/cases')).statusCode).toBe(401);
    const { secret } = (await bank.post('/api/v1/account/totp/setup', {})).json<{ secret: string }>();
    expect((await bank.post('/api/v1/account/totp/confirm', { code: await currentTotp(secret, t.clock.now()) })).statusCode).toBe(200);
    const s = (await bank.get('/api/v1/auth/session')).json<SessionStatus>();
    expect(s.memberships[0]).toMatchObject({ organizationKind: 'bank', organizationName: 'テスト銀行', roles: ['bank_officer'] });

    const list = (await bank.get('/api/v1/cases')).json<CaseList>();
    expect(list.items.map((i) => i.id)).toEqual([c.id]);
    expect(list.items[0]?.myRoleInCase).toBe('bank');
    expect((await bank.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    expect((await bank.get(`/api/v1/cases/${other.id}`)).statusCode).toBe(404);
    // Visible but not theirs to manage: 403, and the denial is audited.
    const denied = await bank.get(`/api/v1/cases/${c.id}/grants`);
    expect(denied.statusCode).toBe(403);
    // The invitation link works once.
    expect((await new TestClient(t.app).post('/api/v1/invitations/preview', { token })).json<ProblemDetails>().code).toBe('TOKEN_INVALID');

    const grants = (await pmClient.get(`/api/v1/cases/${c.id}/grants`)).json<CaseGrantList>();
    const grant = grants.items.find((g) => g.email === email);
    expect(grant).toMatchObject({
      roleInCase: 'bank',
      organizationName: 'テスト銀行',
      scopes: ['case.read', 'documents.creditors', 'creditors.read', 'plan.read', 'plan.respond'],
      revokedAt: null,
    });
    expect((await pmClient.post(`/api/v1/cases/${c.id}/grants/${grant!.id}/revoke`, { reason: '対象債権者ではないため' })).statusCode).toBe(
      204,
    );
    expect((await bank.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await bank.get('/api/v1/cases')).json<CaseList>().items).toEqual([]);
    expect((await pmClient.post(`/api/v1/cases/${c.id}/grants/${grant!.id}/revoke`, { reason: '二重' })).statusCode).toBe(409);
  });

  it('lets the company see who accessed its case, and staff of the council too', async () => {
    const c = await createCase(t.database.db, 13, '株式会社閲覧記録');
    const company = await createUser(t.database.db, t.services.cipher, { role: 'company_member', councilId: 13, displayName: '社長 太郎' });
    await grantCase(t.database.db, company, c, 13);
    const expert = await createUser(t.database.db, t.services.cipher, { role: 'expert', displayName: '専門 次郎' });
    await grantCase(t.database.db, expert, c, 13);
    expect((await pmClient.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    const expertClient = await signedIn(expert);
    expect((await expertClient.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    expect((await expertClient.get(`/api/v1/cases/${c.id}/access-log`)).statusCode).toBe(403);

    const companyClient = await signedIn(company);
    const log = (await companyClient.get(`/api/v1/cases/${c.id}/access-log`)).json<AccessLog>();
    const views = log.items.filter((i) => i.eventType === 'CASE_VIEWED');
    expect(views.map((v) => v.actorLabel)).toEqual(
      expect.arrayContaining([expect.stringContaining('専門 次郎'), expect.stringContaining('テスト council_pm')]),
    );
    expect(views.every((v) => v.outcome === 'success')).toBe(true);
    const staffLog = (await pmClient.get(`/api/v1/cases/${c.id}/access-log`)).json<AccessLog>();
    expect(staffLog.items.some((i) => i.eventType === 'CASE_ACCESS_LOG_VIEWED')).toBe(true);
    // Another council's PM cannot read it at all.
    expect((await osakaClient.get(`/api/v1/cases/${c.id}/access-log`)).statusCode).toBe(404);
  });

  it('ends a grant at the end of its date (JST), and hides the case once expired', async () => {
    const today = new Date(t.clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    const pm = await signedIn(pmTokyo);
    const c = (await pm.post('/api/v1/cases', { companyName: '株式会社期限付き' })).json<CaseDetail>();
    const email = `expert-${Date.now()}@tax.example.jp`;
    const past = await pm.post(`/api/v1/cases/${c.id}/invitations`, {
      email,
      displayName: '期限 三郎',
      roleInCase: 'expert',
      organizationName: '期限税理士法人',
      expiresAt: '2020-01-01',
    });
    expect(past.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/expiresAt');
    await pm.post(`/api/v1/cases/${c.id}/invitations`, {
      email,
      displayName: '期限 三郎',
      roleInCase: 'expert',
      organizationName: '期限税理士法人',
      expiresAt: today,
    });
    const expert = new TestClient(t.app);
    await expert.post('/api/v1/invitations/accept', {
      token: await invitationToken(email),
      displayName: '期限 三郎',
      password: 'expiring grant passphrase',
    });
    const { secret } = (await expert.post('/api/v1/account/totp/setup', {})).json<{ secret: string }>();
    await expert.post('/api/v1/account/totp/confirm', { code: await currentTotp(secret, t.clock.now()) });
    expect((await expert.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    const grant = (await pm.get(`/api/v1/cases/${c.id}/grants`)).json<CaseGrantList>().items.find((g) => g.email === email)!;
    expect(grant.expiresAt).toBe(new Date(`${today}T23:59:59.999+09:00`).toISOString());

    // Expiry is enforced by the database too (RLS compares with its own clock): bring the end a second ahead of real
    // time, let it pass, and the case disappears for the expert.
    await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx
        .update(caseGrants)
        .set({ expiresAt: new Date(Date.now() + 1000) })
        .where(eq(caseGrants.id, grant.id)),
    );
    await new Promise((r) => setTimeout(r, 1500));
    await expert.post('/api/v1/auth/session/extend', {});
    expect((await expert.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
  });
});

describe('council members', () => {
  it('lets the council admin invite staff, change roles and disable; others cannot', async () => {
    const admin = await createUser(t.database.db, t.services.cipher, { role: 'council_admin', councilId: 13 });
    const adminClient = await signedIn(admin);
    const pmClient = await signedIn(pmTokyo);
    const email = `new-staff-${Date.now()}@tokyo.example.jp`;
    expect(
      (await adminClient.post('/api/v1/councils/tokyo/invitations', { email, displayName: '新人 四郎', roles: ['council_staff'] }))
        .statusCode,
    ).toBe(201);
    expect(
      (await pmClient.post('/api/v1/councils/tokyo/invitations', { email: 'x@example.jp', displayName: 'x', roles: ['council_staff'] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await adminClient.post('/api/v1/councils/osaka/invitations', { email: 'y@example.jp', displayName: 'y', roles: ['council_staff'] }))
        .statusCode,
    ).toBe(404);

    const staff = new TestClient(t.app);
    await staff.post('/api/v1/invitations/accept', {
      token: await invitationToken(email),
      displayName: '新人 四郎',
      password: 'new staff passphrase 2026',
    });
    const { secret } = (await staff.post('/api/v1/account/totp/setup', {})).json<{ secret: string }>();
    await staff.post('/api/v1/account/totp/confirm', { code: await currentTotp(secret, t.clock.now()) });
    expect((await staff.get('/api/v1/cases')).statusCode).toBe(200);

    const members = (await adminClient.get('/api/v1/councils/tokyo/members')).json<{
      items: { membershipId: string; email: string; roles: string[]; status: string }[];
    }>();
    const m = members.items.find((i) => i.email === email)!;
    expect(m).toMatchObject({ roles: ['council_staff'], status: 'active' });
    expect((await adminClient.patch(`/api/v1/councils/tokyo/members/${m.membershipId}`, { roles: ['council_sm'] })).statusCode).toBe(204);
    expect((await staff.get('/api/v1/auth/session')).json<SessionStatus>().memberships[0]?.roles).toEqual(['council_sm']);
    expect((await adminClient.patch(`/api/v1/councils/tokyo/members/${m.membershipId}`, { status: 'disabled' })).statusCode).toBe(204);
    expect((await staff.get('/api/v1/cases')).statusCode).toBe(403);
    expect((await adminClient.patch(`/api/v1/councils/tokyo/members/${m.membershipId}`, { status: 'active' })).statusCode).toBe(204);
    expect((await staff.get('/api/v1/cases')).statusCode).toBe(200);

    const self = members.items.find((i) => i.email === admin.email)!;
    const lockout = await adminClient.patch(`/api/v1/councils/tokyo/members/${self.membershipId}`, { status: 'disabled' });
    expect(lockout.statusCode).toBe(409);
    const empty = await adminClient.patch(`/api/v1/councils/tokyo/members/${self.membershipId}`, {});
    expect(empty.statusCode).toBe(422);
  });
});
