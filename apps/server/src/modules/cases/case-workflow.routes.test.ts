import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CaseDetail, CaseTransitionList, ProblemDetails } from '@kasseika/contracts';
import { caseTransitions, supportCases } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { createCase, createUser, grantCase, signIn } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let staff: TestClient;
let otherStaff: TestClient;
let expert: TestClient;

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number) {
  const c = new TestClient(t.app).withIp(`203.0.113.${Math.floor(Math.random() * 200) + 20}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

async function stageOf(caseId: string) {
  const [row] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
    tx
      .select({ stage: supportCases.stage, outcome: supportCases.outcome, closedAt: supportCases.closedAt })
      .from(supportCases)
      .where(eq(supportCases.id, caseId)),
  );
  return row!;
}

async function intakeCase(): Promise<string> {
  const c = await createCase(t.database.db, 13, 'ワークフロー株式会社');
  await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
    tx.update(supportCases).set({ stage: 'intake' }).where(eq(supportCases.id, c.id)),
  );
  return c.id;
}

beforeAll(async () => {
  t = await createTestApp();
  staff = (await client('council_sm', 13)).c;
  otherStaff = (await client('council_staff', 27)).c;
  const e = await client('expert');
  expert = e.c;
  const c = await createCase(t.database.db, 13, '専門家付与案件');
  await grantCase(t.database.db, e.user, c, 13);
}, 60_000);

afterAll(() => t.close());

describe('case workflow transitions', () => {
  it('accepts an intake with a reason, shows what may happen next, and records who, when and why', async () => {
    const id = await intakeCase();
    const before = (await staff.get(`/api/v1/cases/${id}`)).json<CaseDetail>();
    expect(before.stage).toBe('intake');
    expect(before.abilities.transition).toBe(true);
    expect(before.nextTransitions.map((n) => n.event).sort()).toEqual(['accept', 'decline']);

    const res = await staff.post(`/api/v1/cases/${id}/transitions`, {
      event: 'accept',
      expectedStage: 'intake',
      reason: '資金繰りの相談。窓口相談で対応',
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<CaseDetail>();
    expect(after).toMatchObject({ stage: 'desk_consultation', track: null, outcome: null });
    // Triage is not possible until a triage decision is recorded (the guard fails closed).
    expect(after.nextTransitions.find((n) => n.event === 'start_revitalization')).toMatchObject({ allowed: false });

    const timeline = (await staff.get(`/api/v1/cases/${id}/timeline`)).json<CaseTransitionList>();
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({
      event: 'accept',
      fromStage: 'intake',
      toStage: 'desk_consultation',
      reason: '資金繰りの相談。窓口相談で対応',
    });
    expect(timeline.items[0]!.actorName).toBeTruthy();
  });

  it('stores the reason encrypted, never in plain text', async () => {
    const id = await intakeCase();
    await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'decline', expectedStage: 'intake', reason: 'SENTINEL-理由-7731' });
    const rows = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx.select({ reasonEnc: caseTransitions.reasonEnc }).from(caseTransitions).where(eq(caseTransitions.caseId, id)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reasonEnc).not.toContain('SENTINEL');
    expect(await stageOf(id)).toMatchObject({ stage: 'closed', outcome: 'declined' });
  });

  it('refuses a guarded transition with every unmet condition and changes nothing', async () => {
    const id = await intakeCase();
    await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'accept', expectedStage: 'intake', reason: '受付' });
    const res = await staff.post(`/api/v1/cases/${id}/transitions`, {
      event: 'start_revitalization',
      expectedStage: 'desk_consultation',
      reason: '再生へ',
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json<ProblemDetails>();
    expect(p.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(p.messages.detail?.ja).toContain('振り分け判断');
    expect(p.errors?.[0]?.code).toBe('transition.guard');
    expect((await stageOf(id)).stage).toBe('desk_consultation');
    expect((await staff.get(`/api/v1/cases/${id}/timeline`)).json<CaseTransitionList>().items).toHaveLength(1);
  });

  it('refuses skipping a stage, acting on a closed case, unknown events and a stale view', async () => {
    const id = await intakeCase();
    const skip = await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'rv_form_team', expectedStage: 'intake', reason: 'x' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json<ProblemDetails>().errors?.[0]?.code).toBe('transition.wrong_stage');
    const unknown = await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'teleport', expectedStage: 'intake', reason: 'x' });
    expect(unknown.json<ProblemDetails>().errors?.[0]?.code).toBe('transition.unknown_event');
    const stale = await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'accept', expectedStage: 'desk_consultation', reason: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ProblemDetails>().code).toBe('CONFLICT');
    await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'decline', expectedStage: 'intake', reason: '対象外' });
    const again = await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'decline', expectedStage: 'closed', reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json<ProblemDetails>().errors?.[0]?.code).toBe('transition.closed');
    const rows = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx.select({ id: caseTransitions.id }).from(caseTransitions).where(eq(caseTransitions.caseId, id)),
    );
    expect(rows).toHaveLength(1);
  });

  it('validates the body: a reason is required', async () => {
    const id = await intakeCase();
    const res = await staff.post(`/api/v1/cases/${id}/transitions`, { event: 'accept', expectedStage: 'intake', reason: '  ' });
    expect(res.statusCode).toBe(422);
    expect(res.json<ProblemDetails>().errors?.[0]?.message.ja).toContain('理由');
    expect((await stageOf(id)).stage).toBe('intake');
  });

  it('hides the workflow from other councils (404) and from outsiders (no transitions, no timeline)', async () => {
    const id = await intakeCase();
    expect(
      (await otherStaff.post(`/api/v1/cases/${id}/transitions`, { event: 'accept', expectedStage: 'intake', reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await otherStaff.get(`/api/v1/cases/${id}/timeline`)).statusCode).toBe(404);
    const list = (await expert.get('/api/v1/cases')).json<{ items: { id: string }[] }>();
    const granted = list.items[0]!.id;
    const detail = (await expert.get(`/api/v1/cases/${granted}`)).json<CaseDetail>();
    expect(detail.abilities).toMatchObject({ transition: false, readTimeline: false });
    expect(detail.nextTransitions).toEqual([]);
    expect((await expert.get(`/api/v1/cases/${granted}/timeline`)).statusCode).toBe(403);
    expect((await stageOf(id)).stage).toBe('intake');
  });
});
