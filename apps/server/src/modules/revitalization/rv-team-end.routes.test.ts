import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { CaseGrantList, CaseList, ProblemDetails, Revitalization } from '@kasseika/contracts';
import { createCase, createUser, signIn, type TestUser, latestInvitationToken } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { auditEvents, caseGrants, caseRvTeamMembers, invitations } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { jstDate } from './rv-shared';

/**
 * Ending an appointment (解任 / 任期終了, ADR 0022): the team row keeps its declaration and gains who, when, the date
 * and the (encrypted) reason; an expert's case grant is revoked and an outstanding invitation withdrawn in the same
 * transaction, so the expert's next request answers 404. Refusals change nothing.
 */

let t: TestApp;
let seq = 0;
let pm: TestClient;
let pmUser: TestUser;
let osaka: TestClient;

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number, email?: string, displayName?: string) {
  const c = new TestClient(t.app).withIp(`198.51.100.${++seq + 150}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, {
    role,
    councilId,
    ...(email ? { email } : {}),
    ...(displayName ? { displayName } : {}),
  });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const u = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/revitalization${rest}`;
const today = () => jstDate(t.clock.now());
const asCouncil = { councilId: 13, userId: null, roles: [] };

const invitationToken = (email: string) => latestInvitationToken(t.database.db, email);

async function rvCase(name: string): Promise<string> {
  const c = await createCase(t.database.db, 13, name);
  const res = await pm.post(`/api/v1/cases/${c.id}/triage`, {
    decision: 'revitalization',
    reasons: '本業は黒字、過剰債務',
    expectedStage: 'desk_consultation',
  });
  expect(res.statusCode, res.body).toBe(204);
  return c.id;
}

const expertBody = (email: string, expiresOn = '2027-12-31') => ({
  email,
  displayName: '診断 三郎',
  organizationName: '再生コンサルティング',
  qualification: 'sme_consultant',
  duty: 'business_dd',
  scopes: ['case.read', 'documents.team'],
  expiresOn,
  conflict: { hasConflict: false },
});

/** Appoints an expert on the case; with `accept`, the expert accepts and reaches the case. */
async function appointed(caseId: string, accept: boolean, expiresOn?: string) {
  const email = `end-${++seq}-${Date.now()}@consult.example.jp`;
  const expert = await client('expert', undefined, email);
  const res = await pm.post(u(caseId, '/team/experts'), expertBody(email, expiresOn));
  expect(res.statusCode, res.body).toBe(201);
  const memberId = res.json<{ id: string }>().id;
  if (accept) {
    const ok = await expert.c.post('/api/v1/invitations/accept', { token: await invitationToken(email) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await expert.c.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  }
  return { email, expert, memberId };
}

const memberOf = async (caseId: string, memberId: string) =>
  (await pm.get(u(caseId))).json<Revitalization>().team.find((m) => m.id === memberId);

const rowOf = async (memberId: string) =>
  (await withTenantTx(t.database.db, asCouncil, (tx) => tx.select().from(caseRvTeamMembers).where(eq(caseRvTeamMembers.id, memberId))))[0];

const eventsOf = (caseId: string) =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(auditEvents.occurredAt);

beforeAll(async () => {
  t = await createTestApp();
  const p = await client('council_pm', 13, undefined, '解任 担当PM');
  pm = p.c;
  pmUser = p.user;
  osaka = (await client('council_pm', 27)).c;
}, 60_000);
afterAll(() => t.close());

describe('再生支援: ending an appointment', () => {
  it('revokes the accepted expert’s case grant at once: the next request is 404 and the case leaves their list', async () => {
    const id = await rvCase('解任テスト株式会社');
    const { expert, memberId } = await appointed(id, true);
    expect((await expert.c.get('/api/v1/cases')).json<CaseList>().items.map((c) => c.id)).toEqual([id]);

    // Bad input is refused field by field (ja + en), and nothing changes.
    const noReason = await pm.post(u(id, `/team/${memberId}/end`), { endedOn: today(), endKind: 'dismissed', reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    expect(noReason.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/reason', code: 'rvTeam.endReason' });
    const noKind = await pm.post(u(id, `/team/${memberId}/end`), { endedOn: today(), endKind: 'fired', reason: '理由' });
    expect(noKind.json<ProblemDetails>().errors?.[0]).toMatchObject({ pointer: '/body/endKind', code: 'rvTeam.endKind' });
    const future = await pm.post(u(id, `/team/${memberId}/end`), { endedOn: '2099-01-01', endKind: 'dismissed', reason: '理由' });
    expect(future.statusCode).toBe(422);
    const issue = future.json<ProblemDetails>().errors?.[0];
    expect(issue).toMatchObject({ pointer: '/body/endedOn', code: 'rvTeam.endedOnRange' });
    expect(issue?.message.ja).toContain('今日');
    expect(issue?.message.en).toContain('today');
    const before = await pm.post(u(id, `/team/${memberId}/end`), { endedOn: '2020-01-01', endKind: 'dismissed', reason: '理由' });
    expect(before.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/endedOn');
    expect((await memberOf(id, memberId))?.grantStatus).toBe('active');
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(200);
    expect((await rowOf(memberId))?.endedAt).toBeNull();

    // 解任: audited, the grant revoked in the same transaction.
    const ended = await pm.post(u(id, `/team/${memberId}/end`), {
      endedOn: today(),
      endKind: 'dismissed',
      reason: '利益相反が判明したため解任',
    });
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await expert.c.get(`/api/v1/cases/${id}/documents`)).statusCode).toBe(404);
    expect((await expert.c.get('/api/v1/cases')).json<CaseList>().items).toEqual([]);

    const record = (await pm.get(u(id))).json<Revitalization>();
    const member = record.team.find((m) => m.id === memberId);
    expect(member).toMatchObject({
      grantStatus: 'ended',
      ended: { endedOn: today(), endKind: 'dismissed', reason: '利益相反が判明したため解任', endedByName: '解任 担当PM' },
    });
    expect(member?.conflict).toMatchObject({ hasConflict: false });
    expect(record.facts.teamHasExpert).toBe(false);
    const grants = (await pm.get(`/api/v1/cases/${id}/grants`)).json<CaseGrantList>();
    expect(grants.items.filter((g) => g.roleInCase === 'expert').map((g) => g.revokedAt !== null)).toEqual([true]);
    const row = await rowOf(memberId);
    expect(row).toMatchObject({ endedBy: pmUser.id, endedOn: today(), endKind: 'dismissed' });
    expect(row?.endReasonEnc).toBeTruthy();
    expect(row?.endReasonEnc).not.toContain('利益相反');
    const [grant] = await withTenantTx(t.database.db, asCouncil, (tx) =>
      tx
        .select()
        .from(caseGrants)
        .where(and(eq(caseGrants.caseId, id), eq(caseGrants.roleInCase, 'expert'))),
    );
    expect(grant).toMatchObject({ revokedBy: pmUser.id });
    const events = await eventsOf(id);
    const endEvent = events.find((e) => e.eventType === 'CASE_RV_MEMBER_ENDED');
    expect(endEvent?.details).toMatchObject({ kind: 'expert', endKind: 'dismissed', grantsRevoked: 1, invitationsWithdrawn: 0 });
    expect(events.some((e) => e.eventType === 'CASE_GRANT_REVOKED' && e.targetId === grant?.id)).toBe(true);

    // Ending twice: 409 problem+json in both languages, nothing changes.
    const again = await pm.post(u(id, `/team/${memberId}/end`), { endedOn: today(), endKind: 'term_ended', reason: '二度目' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    const problem = again.json<ProblemDetails>();
    expect(problem.code).toBe('CONFLICT');
    expect(problem.messages.detail).toEqual({ ja: 'このメンバーの選任はすでに終了しています', en: 'This membership has already ended' });
    expect(await rowOf(memberId)).toEqual(row);
    expect((await eventsOf(id)).length).toBe(events.length);
  });

  it('withdraws an outstanding invitation: it can no longer be accepted', async () => {
    const id = await rvCase('招待撤回株式会社');
    const { email, expert, memberId } = await appointed(id, false);
    expect((await pm.get(`/api/v1/cases/${id}/grants`)).json<CaseGrantList>().pendingInvitations.map((p) => p.email)).toEqual([email]);
    expect((await memberOf(id, memberId))?.grantStatus).toBe('invited');
    const ended = await pm.post(u(id, `/team/${memberId}/end`), {
      endedOn: today(),
      endKind: 'term_ended',
      reason: '委嘱前に業務範囲が変更された',
    });
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await pm.get(`/api/v1/cases/${id}/grants`)).json<CaseGrantList>().pendingInvitations).toEqual([]);
    const late = await expert.c.post('/api/v1/invitations/accept', { token: await invitationToken(email) });
    expect(late.statusCode).toBe(400);
    expect(late.json<ProblemDetails>().code).toBe('TOKEN_INVALID');
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    const [inv] = await withTenantTx(t.database.db, asCouncil, (tx) =>
      tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.caseId, id), eq(invitations.email, email))),
    );
    expect(inv?.revokedAt).not.toBeNull();
    expect(inv?.acceptedAt).toBeNull();
    expect((await memberOf(id, memberId))?.ended).toMatchObject({ endKind: 'term_ended' });
    const endEvent = (await eventsOf(id)).find((e) => e.eventType === 'CASE_RV_MEMBER_ENDED');
    expect(endEvent?.details).toMatchObject({ grantsRevoked: 0, invitationsWithdrawn: 1 });

    // Appointed again later: a new invitation, shown as invited (the ended appointment's history does not leak in).
    const again = await pm.post(u(id, '/team/experts'), expertBody(email));
    expect(again.statusCode, again.body).toBe(201);
    expect((await memberOf(id, again.json<{ id: string }>().id))?.grantStatus).toBe('invited');
  });

  it('refuses another council’s appointment and another case’s member (404), changing nothing', async () => {
    const id = await rvCase('他協議会テスト株式会社');
    const other = await rvCase('別案件テスト株式会社');
    const { expert, memberId } = await appointed(id, true);
    const body = { endedOn: today(), endKind: 'dismissed', reason: '不正な終了' };
    const foreign = await osaka.post(u(id, `/team/${memberId}/end`), body);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const wrongCase = await pm.post(u(other, `/team/${memberId}/end`), body);
    expect(wrongCase.statusCode).toBe(404);
    const missing = wrongCase.json<ProblemDetails>();
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.messages.detail?.ja).toContain('チームメンバー');
    expect(missing.messages.detail?.en).toContain('team member');
    // The expert cannot end their own appointment either (council records are closed to them).
    expect((await expert.c.post(u(id, `/team/${memberId}/end`), body)).statusCode).toBe(403);
    expect((await rowOf(memberId))?.endedAt).toBeNull();
    expect((await memberOf(id, memberId))?.grantStatus).toBe('active');
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(200);
    expect((await eventsOf(id)).some((e) => e.eventType === 'CASE_RV_MEMBER_ENDED')).toBe(false);
  });

  it('shows an appointment whose grant ran out as expired (期限切れ); the expert no longer reaches the case', async () => {
    const id = await rvCase('期限切れテスト株式会社');
    const { expert, memberId } = await appointed(id, true, today());
    expect((await memberOf(id, memberId))?.grantStatus).toBe('active');
    // Time passes beyond the last day: the database's clock (RLS) and the service's clock both see the grant run out.
    const past = new Date(Date.now() - 60_000);
    await withTenantTx(t.database.db, asCouncil, async (tx) => {
      await tx.update(caseGrants).set({ expiresAt: past }).where(eq(caseGrants.caseId, id));
      await tx.update(caseRvTeamMembers).set({ expiresOn: '2026-01-01' }).where(eq(caseRvTeamMembers.id, memberId));
    });
    const record = (await pm.get(u(id))).json<Revitalization>();
    expect(record.team.find((m) => m.id === memberId)).toMatchObject({ grantStatus: 'expired', ended: null });
    expect(record.facts.teamHasExpert).toBe(false);
    expect((await expert.c.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    // Ending it afterwards still records the end (nothing left to revoke).
    const ended = await pm.post(u(id, `/team/${memberId}/end`), { endedOn: today(), endKind: 'term_ended', reason: '任期満了の整理' });
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await memberOf(id, memberId))?.grantStatus).toBe('ended');
  });
});
