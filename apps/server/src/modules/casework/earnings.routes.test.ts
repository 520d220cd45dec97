import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, EarningsImprovement, ProblemDetails } from '@kasseika/contracts';
import { createCase, createUser, grantCase, signIn, type TestUser } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let seq = 0;
let pm: TestClient;
let company: { c: TestClient; user: TestUser };

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number) {
  const c = new TestClient(t.app).withIp(`198.51.100.${++seq + 10}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const u = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/earnings-improvement${rest}`;

/** A case triaged into 収益力改善支援 through the API. */
async function eiCase(): Promise<string> {
  const c = await createCase(t.database.db, 13, '収益力改善株式会社');
  const res = await pm.post(`/api/v1/cases/${c.id}/triage`, {
    decision: 'earnings_improvement',
    reasons: '収益力の改善で対応可能',
    expectedStage: 'desk_consultation',
  });
  expect(res.statusCode, res.body).toBe(204);
  return c.id;
}

beforeAll(async () => {
  t = await createTestApp();
  pm = (await client('council_pm', 13)).c;
  company = await client('company_member');
}, 60_000);
afterAll(() => t.close());

describe('収益力改善支援', () => {
  it('answers the governance checklist, keeps an action plan, adopts the plan and then moves to monitoring', async () => {
    const id = await eiCase();
    const empty = (await pm.get(u(id))).json<EarningsImprovement>();
    expect(empty.governance.map((s) => s.key)).toEqual(['transparency', 'separation', 'financialBase']);
    expect(empty.governance[0]?.items.find((i) => i.key === 'transparency.statements')).toMatchObject({ important: true, status: null });
    expect(empty).toMatchObject({ actionItems: [], plan: null, abilities: { write: true } });

    expect((await pm.put(u(id, '/governance/transparency.statements'), { status: 'partly', note: '科目明細が未作成' })).statusCode).toBe(
      204,
    );
    expect((await pm.put(u(id, '/governance/transparency.statements'), { status: 'met' })).statusCode).toBe(204);
    expect((await pm.put(u(id, '/governance/unknown.item'), { status: 'met' })).statusCode).toBe(404);

    const item = await pm.post(u(id, '/action-items'), { what: '商品別の原価計算表を作る', owner: '経理部長', dueOn: '2027-03-31' });
    expect(item.statusCode).toBe(201);
    expect((await pm.patch(u(id, `/action-items/${item.json<{ id: string }>().id}`), { status: 'in_progress' })).statusCode).toBe(204);

    // Monitoring is closed until a plan is adopted.
    const early = await pm.post(`/api/v1/cases/${id}/transitions`, {
      event: 'ei_start_monitoring',
      expectedStage: 'ei_planning',
      reason: '早すぎる',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ProblemDetails>().code).toBe('TRANSITION_NOT_ALLOWED');

    const tooLong = await pm.post(u(id, '/plan'), { planYears: 3, reschedulingRequested: true, startsOn: '2027-04-01', summary: '計画' });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json<ProblemDetails>().errors?.[0]).toMatchObject({
      pointer: '/body/planYears',
      code: 'earningsPlan.oneYearWithRescheduling',
    });

    const adopted = await pm.post(u(id, '/plan'), {
      planYears: 1,
      reschedulingRequested: true,
      startsOn: '2027-04-01',
      summary: '原価管理と価格改定',
    });
    expect(adopted.statusCode, adopted.body).toBe(204);
    expect(
      (await pm.post(u(id, '/plan'), { planYears: 1, reschedulingRequested: true, startsOn: '2027-04-01', summary: '再' })).statusCode,
    ).toBe(409);

    const seen = (await pm.get(u(id))).json<EarningsImprovement>();
    expect(seen.governance[0]?.items.find((i) => i.key === 'transparency.statements')).toMatchObject({ status: 'met', note: null });
    expect(seen.actionItems).toMatchObject([{ what: '商品別の原価計算表を作る', owner: '経理部長', status: 'in_progress' }]);
    expect(seen.plan).toMatchObject({ planYears: 1, reschedulingRequested: true, summary: '原価管理と価格改定' });

    const detail = (await pm.get(`/api/v1/cases/${id}`)).json<CaseDetail>();
    expect(detail.nextTransitions.find((n) => n.event === 'ei_start_monitoring')?.allowed).toBe(true);
    const moved = await pm.post(`/api/v1/cases/${id}/transitions`, {
      event: 'ei_start_monitoring',
      expectedStage: 'ei_planning',
      reason: '計画策定済み',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<CaseDetail>().stage).toBe('ei_monitoring');
  });

  it('refuses records on a case outside the track, and hides everything from the company', async () => {
    const c = await createCase(t.database.db, 13);
    await grantCase(t.database.db, company.user, c, 13);
    const res = await pm.post(u(c.id, '/action-items'), { what: 'x', owner: 'x', dueOn: '2027-03-31' });
    expect(res.statusCode).toBe(409);
    expect((await pm.get(u(c.id))).json<EarningsImprovement>().abilities.write).toBe(false);
    expect((await company.c.get(u(c.id))).statusCode).toBe(403);
  });
});
