import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import type { CasePlan, ConfidentialityLiftList, PlanVersion, ProblemDetails } from '@kasseika/contracts';
import { caseMonitoringBaselines, mailOutbox, supportCases } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { createCase, grantCase } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { planVersionSha256 } from './plans.service';
import { creditorTestKit, PLAN_TERMS } from './fixtures/creditor-test-kit';

let t: TestApp;
const { client, bankOfficer, creditorCase } = creditorTestKit(() => t, 120);

const terms = PLAN_TERMS;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

describe('plan versions and unanimous consent', () => {
  it('three banks: two consent to v1; v2 voids them; all three consent to v2; the plan takes effect and is frozen', async () => {
    const { pm, company, kase, base, banks } = await creditorCase('同意株式会社');

    const v1res = await pm.c.post(`${base}/plan/versions`, terms);
    expect(v1res.statusCode).toBe(201);
    const v1 = v1res.json<CasePlan>().current!;
    expect(v1.versionNo).toBe(1);
    expect(v1.sha256).toBe(planVersionSha256(v1.content));
    // 信用プロラタ with guarantee cover as 保全 (REFERENCE §10.5): A ¥666,667 / B ¥0 / C ¥333,333.
    expect(v1.content.creditors.map((c) => [c.bankCode, c.unsecured, c.proposedMonthlyRepayment])).toEqual([
      ['0001', 20_000_000, 666_667],
      ['0005', 0, 0],
      ['0009', 10_000_000, 333_333],
    ]);
    expect(v1.targetBankCodes).toEqual(['0001', '0005', '0009']);
    // Identical content is not a new version.
    expect((await pm.c.post(`${base}/plan/versions`, terms)).statusCode).toBe(409);

    // The bank sees the version and only its own consent row.
    const seen = (await banks.mizuho.c.get(`${base}/plan`)).json<CasePlan>();
    expect(seen.current?.sha256).toBe(v1.sha256);
    expect(seen.current?.comments).toEqual([]);
    expect(seen.consent.targets.map((x) => x.bankCode)).toEqual(['0001']);
    expect(seen.abilities.respond).toBe(true);

    const stance = await banks.smbc.c.post(`${base}/plan/responses`, {
      versionSha256: v1.sha256,
      kind: 'stance',
      stance: 'conditional',
      conditions: '役員報酬の減額',
    });
    expect(stance.statusCode).toBe(201);
    for (const b of [banks.mizuho, banks.mufg]) {
      expect((await b.c.post(`${base}/plan/responses`, { versionSha256: v1.sha256, kind: 'consent' })).statusCode).toBe(201);
    }
    const twice = await banks.mizuho.c.post(`${base}/plan/responses`, { versionSha256: v1.sha256, kind: 'consent' });
    expect(twice.statusCode).toBe(409);
    let board = (await pm.c.get(`${base}/plan`)).json<CasePlan>();
    expect(board.consent).toMatchObject({ outstanding: ['0009'], allConsented: false });
    expect(board.consent.targets.find((x) => x.bankCode === '0009')).toMatchObject({ stance: 'conditional', conditions: '役員報酬の減額' });

    // PM comment on v1 (council only)
    const commented = await pm.c.post(`${base}/plan/versions/1/comments`, { body: '返済原資の根拠を補強すること' });
    expect(commented.statusCode).toBe(201);
    expect(commented.json<PlanVersion>().comments.map((c) => c.body)).toEqual(['返済原資の根拠を補強すること']);
    expect((await banks.mizuho.c.post(`${base}/plan/versions/1/comments`, { body: 'x' })).statusCode).toBe(403);

    // The plan changes: v2 voids every answer to v1 and mails everyone with a grant.
    const v2 = (await pm.c.post(`${base}/plan/versions`, { ...terms, summary: `${terms.summary}役員報酬を減額する。` })).json<CasePlan>()
      .current!;
    expect(v2.versionNo).toBe(2);
    expect(v2.sha256).not.toBe(v1.sha256);
    board = (await pm.c.get(`${base}/plan`)).json<CasePlan>();
    expect(board.consent.outstanding).toEqual(['0001', '0005', '0009']);
    expect(board.consent.targets.every((x) => !x.consented && x.stance === null)).toBe(true);
    const mails = await t.database.db
      .select({ to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.template, 'plan_version_submitted'), like(mailOutbox.textBody, `%${v2.sha256}%`)));
    expect(mails.map((m) => m.to).sort()).toEqual([company.user.email, ...Object.values(banks).map((b) => b.user.email)].sort());

    // A consent naming the stale hash is refused with the reason, and changes nothing.
    const stale = await banks.mizuho.c.post(`${base}/plan/responses`, { versionSha256: v1.sha256, kind: 'consent' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ProblemDetails>().errors?.[0]?.code).toBe('response.stale_version');
    expect(stale.json<ProblemDetails>().messages.detail?.ja).toContain('最新ではありません');

    // A bank with access but not a creditor is refused.
    const stranger = await bankOfficer('0010');
    await company.c.post(`${base}/confidentiality-lifts`, { bankCode: '0010', documentSets: ['plan'] });
    await grantCase(t.database.db, stranger.user, kase, 13, undefined, { lift: false });
    const notTarget = await stranger.c.post(`${base}/plan/responses`, { versionSha256: v2.sha256, kind: 'consent' });
    expect(notTarget.statusCode).toBe(409);
    expect(notTarget.json<ProblemDetails>().errors?.[0]?.code).toBe('response.not_a_target');

    // A revoked lift: the bank cannot answer (the case is invisible), nothing changes; consenting again restores it.
    const lifts = (await company.c.get(`${base}/confidentiality-lifts`)).json<ConfidentialityLiftList>();
    const smbcLift = lifts.items.find((l) => l.bankCode === '0009' && l.inForce)!;
    await company.c.post(`${base}/confidentiality-lifts/${smbcLift.id}/revoke`);
    const revoked = await banks.smbc.c.post(`${base}/plan/responses`, { versionSha256: v2.sha256, kind: 'consent' });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json<ProblemDetails>().messages.detail?.ja).toContain('同意が撤回');
    expect((await pm.c.get(`${base}/plan`)).json<CasePlan>().consent.outstanding).toEqual(['0001', '0005', '0009']);
    await company.c.post(`${base}/confidentiality-lifts`, { bankCode: '0009', documentSets: ['plan'] });

    for (const b of [banks.mizuho, banks.mufg]) {
      expect((await b.c.post(`${base}/plan/responses`, { versionSha256: v2.sha256, kind: 'consent' })).statusCode).toBe(201);
    }
    // Not yet unanimous: the workflow refuses 成立.
    await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, (tx) =>
      tx.update(supportCases).set({ stage: 'rv_creditor_consent', track: 'revitalization' }).where(eq(supportCases.id, kase.id)),
    );
    const early = await pm.c.post(`${base}/transitions`, {
      event: 'rv_plan_effective',
      expectedStage: 'rv_creditor_consent',
      reason: '全行同意',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ProblemDetails>().errors?.[0]?.code).toBe('transition.guard');

    expect((await banks.smbc.c.post(`${base}/plan/responses`, { versionSha256: v2.sha256, kind: 'consent' })).statusCode).toBe(201);
    board = (await pm.c.get(`${base}/plan`)).json<CasePlan>();
    expect(board.consent).toMatchObject({ outstanding: [], allConsented: true });

    // 同意書 PDF: the council for any target creditor, a bank for its own only.
    const form = await pm.c.get(`${base}/plan/consent-form.pdf?bankCode=0009`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toContain('application/pdf');
    expect(form.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await banks.smbc.c.get(`${base}/plan/consent-form.pdf`)).statusCode).toBe(200);
    expect((await banks.smbc.c.get(`${base}/plan/consent-form.pdf?bankCode=0001`)).statusCode).toBe(403);
    expect((await pm.c.get(`${base}/plan/consent-form.pdf`)).statusCode).toBe(422);
    expect((await pm.c.get(`${base}/plan/consent-form.pdf?bankCode=0010`)).statusCode).toBe(404);

    const effective = await pm.c.post(`${base}/transitions`, {
      event: 'rv_plan_effective',
      expectedStage: 'rv_creditor_consent',
      reason: '全行同意',
    });
    expect(effective.statusCode).toBe(200);
    expect(effective.json<{ stage: string }>().stage).toBe('rv_monitoring');
    board = (await pm.c.get(`${base}/plan`)).json<CasePlan>();
    expect(board.baseline).toMatchObject({ versionNo: 2, sha256: v2.sha256 });
    const frozen = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: ['council_staff'] }, (tx) =>
      tx.select().from(caseMonitoringBaselines).where(eq(caseMonitoringBaselines.caseId, kase.id)),
    );
    expect(frozen).toHaveLength(1);
  });

  it('a bank invited to another case, a bank without consent, and other councils see nothing', async () => {
    const staff = await client('council_staff', 13);
    const company = await client('company_member', 13);
    const kase = await createCase(t.database.db, 13);
    const elsewhere = await createCase(t.database.db, 13);
    await grantCase(t.database.db, company.user, kase, 13);
    await staff.c.post(`/api/v1/cases/${kase.id}/creditors`, { bankCode: '0138' });
    const invitedElsewhere = await bankOfficer('0138');
    await grantCase(t.database.db, invitedElsewhere.user, elsewhere, 13);
    const noConsent = await bankOfficer('0116');
    await grantCase(t.database.db, noConsent.user, kase, 13, undefined, { lift: false });
    const other = await client('council_pm', 27);
    for (const who of [invitedElsewhere, noConsent, other]) {
      expect((await who.c.get(`/api/v1/cases/${kase.id}/plan`)).statusCode).toBe(404);
      expect((await who.c.get(`/api/v1/cases/${kase.id}/creditors`)).statusCode).toBe(404);
    }
    const bad = await staff.c.post(`/api/v1/cases/${kase.id}/plan/versions`, { ...terms, title: '', planYears: 0, supportMeasures: [] });
    expect(bad.statusCode).toBe(422);
    expect((bad.json<ProblemDetails>().errors ?? []).map((e) => e.pointer).sort()).toEqual([
      '/body/planYears',
      '/body/supportMeasures',
      '/body/title',
    ]);
    // The creditor has no loans yet: nothing to allocate.
    expect((await staff.c.post(`/api/v1/cases/${kase.id}/plan/versions`, terms)).statusCode).toBe(409);
    // Only PM/SM comment.
    expect((await staff.c.post(`/api/v1/cases/${kase.id}/plan/versions/1/comments`, { body: 'x' })).statusCode).toBe(403);
  });
});
