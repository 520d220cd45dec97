import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CaseList, ProblemDetails, Revitalization } from '@kasseika/contracts';
import type { CaseStage } from '@kasseika/domain';
import { createCase, createUser, grantCase, signIn, type TestUser, latestInvitationToken } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { auditEvents, caseRvTeamMembers, supportCases } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';

let t: TestApp;
let seq = 0;
let pm: TestClient;
let pmUser: TestUser;
let osaka: TestClient;

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number, email?: string) {
  const c = new TestClient(t.app).withIp(`198.51.100.${++seq + 60}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId, ...(email ? { email } : {}) });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const u = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/revitalization${rest}`;

const invitationToken = (email: string) => latestInvitationToken(t.database.db, email);

/** A case triaged into 再生支援 through the API (stage rv_bank_consent). */
async function rvCase(name = '再生テスト株式会社'): Promise<string> {
  const c = await createCase(t.database.db, 13, name);
  const res = await pm.post(`/api/v1/cases/${c.id}/triage`, {
    decision: 'revitalization',
    reasons: '本業は黒字、過剰債務',
    expectedStage: 'desk_consultation',
  });
  expect(res.statusCode, res.body).toBe(204);
  return c.id;
}

async function setStage(caseId: string, stage: CaseStage) {
  await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
    tx.update(supportCases).set({ stage }).where(eq(supportCases.id, caseId)),
  );
}

const balanceSheet = {
  cashAndDeposits: 10_000_000,
  notesReceivable: 0,
  accountsReceivable: 20_000_000,
  inventories: 15_000_000,
  otherCurrentAssets: 0,
  land: 30_000_000,
  buildings: 0,
  otherTangibleFixedAssets: 0,
  intangibleFixedAssets: 0,
  investmentsAndOtherAssets: 0,
  deferredAssets: 0,
  notesPayable: 0,
  accountsPayable: 12_000_000,
  shortTermBorrowings: 20_000_000,
  otherCurrentLiabilities: 0,
  longTermBorrowings: 50_000_000,
  bonds: 0,
  officerLoans: 0,
  leaseObligations: 0,
  otherFixedLiabilities: 0,
  capitalStock: 10_000_000,
  retainedEarnings: -17_000_000,
  otherNetAssets: 0,
};

const expertBody = (email: string) => ({
  email,
  displayName: '会計 士郎',
  organizationName: '再生監査法人',
  qualification: 'cpa',
  duty: 'financial_dd',
  scopes: ['case.read', 'documents.team', 'documents.upload'],
  expiresOn: '2027-12-31',
  conflict: { hasConflict: false },
});

beforeAll(async () => {
  t = await createTestApp();
  const p = await client('council_pm', 13);
  pm = p.c;
  pmUser = p.user;
  osaka = (await client('council_pm', 27)).c;
}, 60_000);
afterAll(() => t.close());

describe('再生支援: the team', () => {
  it('sets the team type, adds staff (a creditor bank secondee must declare), appoints an expert who then sees only this case', async () => {
    const id = await rvCase();
    const other = await rvCase('別件再生株式会社');
    const empty = (await pm.get(u(id))).json<Revitalization>();
    expect(empty).toMatchObject({ profile: null, team: [], realBalanceSheet: null, businessPlan: null, abilities: { write: true } });
    expect(empty.facts).toEqual({ teamHasExpert: false, realBalanceSheetExists: false, businessPlanExists: false });
    expect(empty.staffCandidates.map((s) => s.id)).toContain(pmUser.id);

    expect(
      (await pm.put(u(id, '/profile'), { teamType: 'conventional', supportKind: 'revitalization', forgivenessExpected: true })).statusCode,
    ).toBe(204);
    const secondee = await pm.post(u(id, '/team/staff'), {
      userId: pmUser.id,
      position: 'pm',
      secondedFromBank: 'デモ銀行',
      bankIsCreditor: true,
    });
    expect(secondee.statusCode).toBe(422);
    expect(secondee.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/conflict', code: 'coi.required' });
    const vague = await pm.post(u(id, '/team/staff'), {
      userId: pmUser.id,
      position: 'pm',
      secondedFromBank: 'デモ銀行',
      bankIsCreditor: true,
      conflict: { hasConflict: true },
    });
    expect(vague.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/conflict/details', code: 'coi.details' });
    const added = await pm.post(u(id, '/team/staff'), {
      userId: pmUser.id,
      position: 'pm',
      secondedFromBank: 'デモ銀行',
      bankIsCreditor: true,
      conflict: { hasConflict: true, details: '出向元がメイン行（債権者）' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await pm.post(u(id, '/team/staff'), { userId: pmUser.id, position: 'pm', bankIsCreditor: false })).statusCode).toBe(409);

    // The expert: declaration required, end date not in the past; then appointed, invited, and granted on acceptance.
    const email = `cpa-${Date.now()}@audit.example.jp`;
    const expert = await client('expert', undefined, email);
    const noDeclaration: Partial<ReturnType<typeof expertBody>> = expertBody(email);
    delete noDeclaration.conflict;
    expect((await pm.post(u(id, '/team/experts'), noDeclaration)).statusCode).toBe(422);
    const past = await pm.post(u(id, '/team/experts'), { ...expertBody(email), expiresOn: '2020-01-01' });
    expect(past.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/expiresOn' });
    const noRead = await pm.post(u(id, '/team/experts'), { ...expertBody(email), scopes: ['documents.team'] });
    expect(noRead.json<ProblemDetails>().errors?.[0]?.code).toBe('rvTeam.scopes');
    const appointed = await pm.post(u(id, '/team/experts'), expertBody(email));
    expect(appointed.statusCode, appointed.body).toBe(201);
    expect((await pm.post(u(id, '/team/experts'), expertBody(email))).statusCode).toBe(409);

    let team = (await pm.get(u(id))).json<Revitalization>();
    expect(team.facts.teamHasExpert).toBe(true);
    expect(team.team.map((m) => [m.kind, m.grantStatus])).toEqual([
      ['staff', null],
      ['expert', 'invited'],
    ]);
    expect(team.team[0]?.conflict).toMatchObject({ hasConflict: true, details: '出向元がメイン行（債権者）' });
    // Forgiveness is expected and the team has a CPA but no lawyer.
    expect(team.compositionNotes.map((n) => n.code)).toEqual(['team.forgivenessNeedsLawyerAndCpa']);

    // Before accepting, the expert sees nothing; after, exactly this case, and none of the council's records.
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    const accepted = await expert.c.post('/api/v1/invitations/accept', { token: await invitationToken(email) });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const list = (await expert.c.get('/api/v1/cases')).json<CaseList>();
    expect(list.items.map((c) => c.id)).toEqual([id]);
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(200);
    expect((await expert.c.get(`/api/v1/cases/${other}`)).statusCode).toBe(404);
    expect((await expert.c.get(u(id))).statusCode).toBe(403);
    team = (await pm.get(u(id))).json<Revitalization>();
    expect(team.team[1]?.grantStatus).toBe('active');

    // An expert of another case and another council's PM see nothing of it.
    const stranger = await client('expert');
    await grantCase(t.database.db, stranger.user, { id: other }, 13);
    expect((await stranger.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await stranger.c.get(u(id))).statusCode).toBe(404);
    expect((await osaka.get(u(id))).statusCode).toBe(404);
    expect(
      (await osaka.put(u(id, '/profile'), { teamType: 'simplified', supportKind: 'revitalization', forgivenessExpected: false }))
        .statusCode,
    ).toBe(404);

    // The declaration is encrypted at rest; the appointment is audited.
    const [row] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx.select().from(caseRvTeamMembers).where(eq(caseRvTeamMembers.caseId, id)).orderBy(caseRvTeamMembers.appointedAt).limit(1),
    );
    expect(row?.conflictDetailsEnc).toBeTruthy();
    expect(row?.conflictDetailsEnc).not.toContain('メイン行');
    const events = await t.database.db.select({ type: auditEvents.eventType }).from(auditEvents).where(eq(auditEvents.caseId, id));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['CASE_RV_PROFILE_SAVED', 'CASE_RV_STAFF_ADDED', 'CASE_RV_EXPERT_APPOINTED']),
    );

    // Ending the expert's appointment removes the fact.
    const expertId = team.team[1]!.id;
    const end = {
      endedOn: new Date(t.clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10),
      endKind: 'dismissed',
      reason: '辞任の申出',
    };
    const ended = await pm.post(u(id, `/team/${expertId}/end`), end);
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await pm.post(u(id, `/team/${expertId}/end`), end)).statusCode).toBe(409);
    expect((await pm.get(u(id))).json<Revitalization>().facts.teamHasExpert).toBe(false);
  });

  it('opens due diligence only once an expert is appointed (guard teamHasExpert)', async () => {
    const id = await rvCase('DD開始株式会社');
    await setStage(id, 'rv_team_formed');
    const early = await pm.post(`/api/v1/cases/${id}/transitions`, {
      event: 'rv_start_due_diligence',
      expectedStage: 'rv_team_formed',
      reason: 'DD開始',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ProblemDetails>().code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await pm.post(u(id, '/team/experts'), expertBody(`dd-${Date.now()}@audit.example.jp`))).statusCode).toBe(201);
    const ok = await pm.post(`/api/v1/cases/${id}/transitions`, {
      event: 'rv_start_due_diligence',
      expectedStage: 'rv_team_formed',
      reason: 'DD開始',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses records for a case not on the revitalization track, changing nothing', async () => {
    const c = await createCase(t.database.db, 13, '窓口相談中株式会社');
    const res = await pm.put(u(c.id, '/profile'), { teamType: 'conventional', supportKind: 'revitalization', forgivenessExpected: false });
    expect(res.statusCode).toBe(409);
    expect((await pm.get(u(c.id))).json<Revitalization>()).toMatchObject({ profile: null, abilities: { write: false } });
  });
});

describe('再生支援: 実態BS and business plan', () => {
  it('stores the 実態BS append-only, computes 実質債務超過, and opens the business plan (guard realBalanceSheetExists)', async () => {
    const id = await rvCase('実態BS株式会社');
    await setStage(id, 'rv_due_diligence');
    const move = { event: 'rv_start_business_plan', expectedStage: 'rv_due_diligence', reason: 'DD完了' };
    expect((await pm.post(`/api/v1/cases/${id}/transitions`, move)).statusCode).toBe(409);

    const bad = await pm.post(u(id, '/real-balance-sheets'), {
      asOf: '2026-03-31',
      balanceSheet,
      adjustments: [{ id: 'a1', targetLine: 'capitalStock', amount: -1, reason: '資本金', category: 'other' }],
      treatOfficerLoansAsEquity: false,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ProblemDetails>().errors?.[0]).toMatchObject({
      pointer: '/body/adjustments/0/targetLine',
      code: 'ADJUSTMENT_TARGETS_NET_ASSETS',
    });
    expect((await pm.get(u(id))).json<Revitalization>().realBalanceSheetVersions).toEqual([]);

    const body = {
      asOf: '2026-03-31',
      balanceSheet,
      adjustments: [
        { id: 'a1', targetLine: 'inventories', amount: -5_000_000, reason: '滞留在庫', category: 'obsoleteInventory' },
        { id: 'a2', targetLine: 'land', amount: -8_000_000, reason: '路線価評価', category: 'realEstateFairValue' },
      ],
      treatOfficerLoansAsEquity: false,
    };
    const first = await pm.post(u(id, '/real-balance-sheets'), body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ version: 1 });
    const second = await pm.post(u(id, '/real-balance-sheets'), { ...body, adjustments: body.adjustments.slice(0, 1) });
    expect(second.json()).toEqual({ version: 2 });

    const r = (await pm.get(u(id))).json<Revitalization>();
    expect(r.realBalanceSheetVersions.map((v) => v.version)).toEqual([2, 1]);
    expect(r.realBalanceSheet?.version).toBe(2);
    expect(r.realBalanceSheet?.result).toMatchObject({
      bookNetAssets: -7_000_000,
      realNetAssets: -12_000_000,
      isRealNegativeEquity: true,
      realNegativeEquityAmount: 12_000_000,
    });
    expect(r.realBalanceSheet?.result.lines.find((l) => l.key === 'inventories')).toMatchObject({
      book: 15_000_000,
      adjustment: -5_000_000,
      real: 10_000_000,
    });
    expect(r.facts.realBalanceSheetExists).toBe(true);
    expect((await pm.post(`/api/v1/cases/${id}/transitions`, move)).statusCode).toBe(200);

    // The 調査報告書 needs the business plan too.
    expect((await pm.get(u(id, '/survey-report.pdf'))).statusCode).toBe(409);
    // Business plan: a 再生 plan runs 3–10 years; a new version each save; then the support design opens.
    const design = { event: 'rv_start_support_design', expectedStage: 'rv_business_plan', reason: '計画案作成' };
    expect((await pm.post(`/api/v1/cases/${id}/transitions`, design)).statusCode).toBe(409);
    const plan = {
      planYears: 3,
      startsOn: '2027-04-01',
      causesOfDistress: '過大な設備投資と主要取引先の喪失',
      measures: '不採算店舗の閉鎖、原価管理の徹底',
      years: [
        { sales: 300_000_000, ordinaryProfit: -2_000_000 },
        { sales: 310_000_000, ordinaryProfit: 3_000_000 },
        { sales: 320_000_000, ordinaryProfit: 6_000_000 },
      ],
    };
    const short = await pm.post(u(id, '/business-plans'), { ...plan, planYears: 2, years: plan.years.slice(0, 2) });
    expect(short.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/planYears', code: 'businessPlan.years' });
    const mismatch = await pm.post(u(id, '/business-plans'), { ...plan, years: plan.years.slice(0, 2) });
    expect(mismatch.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/years' });
    expect((await pm.post(u(id, '/business-plans'), plan)).json()).toEqual({ version: 1 });
    const withPlan = (await pm.get(u(id))).json<Revitalization>();
    expect(withPlan.businessPlan).toMatchObject({ version: 1, planYears: 3, measures: plan.measures, firstProfitableYear: 2 });
    expect(withPlan.facts.businessPlanExists).toBe(true);
    expect((await pm.post(`/api/v1/cases/${id}/transitions`, design)).statusCode).toBe(200);
    const report = await pm.get(u(id, '/survey-report.pdf'));
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('application/pdf');
    expect(report.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await osaka.get(u(id, '/survey-report.pdf'))).statusCode).toBe(404);

    // プレ再生: up to 3 years only.
    await pm.put(u(id, '/profile'), { teamType: 'simplified', supportKind: 'pre_revitalization', forgivenessExpected: false });
    const long = await pm.post(u(id, '/business-plans'), {
      ...plan,
      planYears: 4,
      years: [...plan.years, { sales: 330_000_000, ordinaryProfit: 8_000_000 }],
    });
    expect(long.statusCode).toBe(422);
  });
});

describe('再生支援: financial-support design', () => {
  it('requires amounts per measure, and for forgiveness every configured requirement and a passing liquidation comparison', async () => {
    const id = await rvCase('金融支援株式会社');
    const data = (await pm.get(u(id))).json<Revitalization>();
    expect(data.forgivenessRequirements.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const keys = data.forgivenessRequirements.items.map((i) => i.key);
    expect(keys).toEqual([
      'managementResponsibility',
      'shareholderResponsibility',
      'guarantorResponsibility',
      'equityAmongCreditors',
      'liquidationValue',
    ]);

    const noAmount = await pm.post(u(id, '/support-designs'), { measures: ['rescheduling', 'dds'], requirements: [] });
    expect(noAmount.statusCode).toBe(422);
    expect(noAmount.json<ProblemDetails>().errors?.map((e) => e.pointer)).toEqual(['/body/reschedulingGraceMonths', '/body/ddsAmount']);
    const resched = await pm.post(u(id, '/support-designs'), { measures: ['rescheduling'], reschedulingGraceMonths: 12, requirements: [] });
    expect(resched.json()).toEqual({ version: 1 });

    // Forgiveness: all requirements and the liquidation comparison are needed …
    const bare = await pm.post(u(id, '/support-designs'), { measures: ['forgiveness'], forgivenessAmount: 60_000_000, requirements: [] });
    expect(bare.json<ProblemDetails>().errors?.map((e) => e.pointer)).toEqual(['/body/requirements', '/body/liquidation']);
    const all = (status: string) => keys.map((key) => ({ key, status }));
    // … and 清算価値保障 cannot be "met" when the plan recovers no more than a liquidation (80% forgiven vs 20% dividend).
    const poor = await pm.post(u(id, '/support-designs'), {
      measures: ['forgiveness'],
      forgivenessAmount: 80_000_000,
      requirements: all('met'),
      liquidation: { liquidationAssets: 50_000_000, priorityClaims: 30_000_000, unsecuredClaims: 100_000_000 },
    });
    expect(poor.json<ProblemDetails>().errors?.[0]).toMatchObject({
      pointer: '/body/requirements/4/status',
      code: 'supportDesign.liquidationNotMet',
    });
    const ok = await pm.post(u(id, '/support-designs'), {
      measures: ['forgiveness', 'rescheduling'],
      forgivenessAmount: 60_000_000,
      reschedulingGraceMonths: 12,
      notes: '第二会社方式は採らない',
      requirements: all('met'),
      liquidation: { liquidationAssets: 50_000_000, priorityClaims: 30_000_000, unsecuredClaims: 100_000_000 },
    });
    expect(ok.json()).toEqual({ version: 2 });
    const saved = (await pm.get(u(id))).json<Revitalization>();
    expect(saved.supportDesign).toMatchObject({
      version: 2,
      seeksForgiveness: true,
      liquidationComparison: { liquidationDividendBp: 2000, planRecoveryBp: 4000, met: true },
    });
    expect(saved.supportDesignVersions.map((v) => [v.version, v.seeksForgiveness])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});
