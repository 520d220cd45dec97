import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type {
  CaseDetail,
  CaseTask,
  CaseTaskList,
  CaseTransitionList,
  DeskConsultation,
  OverdueTaskList,
  ProblemDetails,
} from '@kasseika/contracts';
import { queryRows } from '../../db/client';
import { mailOutbox, supportCases } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { baseYear, priorYear } from '../../../test/calculation-fixtures';
import { createCase, createUser, grantCase, signIn, type TestUser } from '../../../test/factories';
import { TestClient } from '../../../test/http-client';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let seq = 0;
let pm: { c: TestClient; user: TestUser };
let staff: { c: TestClient; user: TestUser };
let otherPm: { c: TestClient; user: TestUser };
let company: { c: TestClient; user: TestUser };

async function client(role: Parameters<typeof createUser>[2]['role'], councilId?: number) {
  const c = new TestClient(t.app).withIp(`203.0.113.${++seq + 100}`);
  t.clock.advance(31_000);
  const user = await createUser(t.database.db, t.services.cipher, { role, councilId });
  await signIn(c, user, t.clock.now());
  return { c, user };
}

const u = (caseId: string, rest: string) => `/api/v1/cases/${caseId}/${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  // Friday 20 November 2026, 10:00 JST: Monday 23 is 勤労感謝の日.
  t.clock.set(new Date('2026-11-20T01:00:00Z'));
  pm = await client('council_pm', 13);
  staff = await client('council_staff', 13);
  otherPm = await client('council_pm', 27);
  company = await client('company_member');
}, 60_000);
afterAll(() => t.close());

describe('desk consultation (窓口相談)', () => {
  it('records interviews, issues with advice and internal notes; only the council reads them', async () => {
    const c = await createCase(t.database.db, 13, '窓口相談株式会社');
    await grantCase(t.database.db, company.user, c, 13);

    const iv = await staff.c.post(u(c.id, 'interviews'), {
      heldOn: '2026-11-19',
      attendees: '代表取締役 山田、PM 佐藤',
      notes: '資金繰りが逼迫',
    });
    expect(iv.statusCode, iv.body).toBe(201);
    const issue = await staff.c.post(u(c.id, 'issues'), { issue: '売上の減少が続いている' });
    expect(issue.statusCode).toBe(201);
    const advice = await staff.c.put(u(c.id, `issues/${issue.json<{ id: string }>().id}/advice`), { advice: '資金繰り表を月次で作成する' });
    expect(advice.statusCode).toBe(204);
    expect((await staff.c.post(u(c.id, 'internal-notes'), { body: 'メイン行との関係が悪い（内部）' })).statusCode).toBe(201);

    const seen = (await pm.c.get(u(c.id, 'desk-consultation'))).json<DeskConsultation>();
    expect(seen.interviews).toMatchObject([{ heldOn: '2026-11-19', attendees: '代表取締役 山田、PM 佐藤', notes: '資金繰りが逼迫' }]);
    expect(seen.issues).toMatchObject([{ issue: '売上の減少が続いている', advice: '資金繰り表を月次で作成する' }]);
    expect(seen.internalNotes.map((n) => n.body)).toEqual(['メイン行との関係が悪い（内部）']);
    expect(seen.abilities).toEqual({ write: true, triage: true });
    expect(seen.diagnosis).toBeNull();

    // The company holds a grant on the case, but the desk records are the council's: refused, and RLS shows nothing.
    expect((await company.c.get(u(c.id, 'desk-consultation'))).statusCode).toBe(403);
    expect((await company.c.post(u(c.id, 'internal-notes'), { body: 'x' })).statusCode).toBe(403);
    const ctx = { councilId: null, userId: company.user.id, roles: ['company_member'] };
    for (const table of ['case_interviews', 'case_issues', 'case_internal_notes']) {
      const rows = await withTenantTx(t.database.db, ctx, (tx) =>
        queryRows(tx, sql`select id from ${sql.raw(table)} where case_id = ${c.id}`),
      );
      expect(rows, table).toHaveLength(0);
    }
    // Another council does not even see the case.
    expect((await otherPm.c.get(u(c.id, 'desk-consultation'))).statusCode).toBe(404);
    expect((await otherPm.c.post(u(c.id, 'interviews'), { heldOn: '2026-11-19', attendees: 'x', notes: 'x' })).statusCode).toBe(404);
  });

  it('diagnoses the company’s latest statements with the finance engine', async () => {
    const c = await createCase(t.database.db, 13);
    await pm.c.put(u(c.id, 'financial-statements'), { statements: [priorYear(), baseYear()], expectedRevision: null });
    const seen = (await pm.c.get(u(c.id, 'desk-consultation'))).json<DeskConsultation>();
    expect(seen.diagnosis?.statementsRevision).toBe(1);
    expect(seen.diagnosis?.years).toHaveLength(2);
    expect(seen.diagnosis?.years[1]?.indicators.length).toBe(6);
  });

  it('lists every field issue in ja/en and changes nothing', async () => {
    const c = await createCase(t.database.db, 13);
    const bad = await pm.c.post(u(c.id, 'interviews'), { heldOn: '2026-02-31', attendees: '', notes: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const errors = bad.json<ProblemDetails>().errors ?? [];
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/body/attendees', '/body/heldOn', '/body/notes']);
    expect(errors[0]?.message.ja).toBeTruthy();
    expect(errors[0]?.message.en).toBeTruthy();
    const triage = await pm.c.post(u(c.id, 'triage'), { decision: 'refer', reasons: '', expectedStage: 'desk_consultation' });
    expect(triage.statusCode).toBe(422);
    expect((triage.json<ProblemDetails>().errors ?? []).map((e) => e.pointer).sort()).toEqual(['/body/reasons', '/body/referralBody']);
    expect((await pm.c.get(u(c.id, 'desk-consultation'))).json<DeskConsultation>().interviews).toHaveLength(0);
  });
});

describe('triage', () => {
  it('needs a recorded decision: the plain transition is refused until triage, and staff without PM/SM role may not triage', async () => {
    const c = await createCase(t.database.db, 13);
    const plain = await pm.c.post(u(c.id, 'transitions'), {
      event: 'start_earnings_improvement',
      expectedStage: 'desk_consultation',
      reason: 'x',
    });
    expect(plain.statusCode).toBe(409);
    expect(plain.json<ProblemDetails>().code).toBe('TRANSITION_NOT_ALLOWED');
    const byStaff = await staff.c.post(u(c.id, 'triage'), {
      decision: 'earnings_improvement',
      reasons: '理由',
      expectedStage: 'desk_consultation',
    });
    expect(byStaff.statusCode).toBe(403);
  });

  it('moves the case into a track with the reasons on the timeline; a second triage is refused and changes nothing', async () => {
    const c = await createCase(t.database.db, 13);
    const res = await pm.c.post(u(c.id, 'triage'), {
      decision: 'earnings_improvement',
      reasons: '本業は黒字、借入過多。収益力改善で対応可能',
      expectedStage: 'desk_consultation',
    });
    expect(res.statusCode, res.body).toBe(204);
    const detail = (await pm.c.get(`/api/v1/cases/${c.id}`)).json<CaseDetail>();
    expect(detail).toMatchObject({ stage: 'ei_planning', track: 'earnings_improvement' });
    const timeline = (await pm.c.get(u(c.id, 'timeline'))).json<CaseTransitionList>();
    expect(timeline.items.at(-1)).toMatchObject({
      event: 'start_earnings_improvement',
      reason: '本業は黒字、借入過多。収益力改善で対応可能',
    });

    const again = await pm.c.post(u(c.id, 'triage'), { decision: 'revitalization', reasons: '再', expectedStage: 'ei_planning' });
    expect(again.statusCode).toBe(409);
    const consultation = (await pm.c.get(u(c.id, 'desk-consultation'))).json<DeskConsultation>();
    expect(consultation.triage).toMatchObject({ decision: 'earnings_improvement' });
    expect(consultation.abilities.triage).toBe(false);
  });

  it('refuses a stale stage and leaves no decision behind', async () => {
    const c = await createCase(t.database.db, 13);
    const res = await pm.c.post(u(c.id, 'triage'), { decision: 'rechallenge', reasons: '廃業の意向', expectedStage: 'intake' });
    expect(res.statusCode).toBe(409);
    expect((await pm.c.get(u(c.id, 'desk-consultation'))).json<DeskConsultation>().triage).toBeNull();
  });

  it('refers to another body: the case closes as referred and the referral letter is a PDF', async () => {
    const c = await createCase(t.database.db, 13, '紹介先確認株式会社');
    await pm.c.post(u(c.id, 'issues'), { issue: '後継者が決まっていない', advice: '事業承継の専門機関に相談する' });
    expect((await pm.c.get(u(c.id, 'triage/referral-letter.pdf'))).statusCode).toBe(404);
    const res = await pm.c.post(u(c.id, 'triage'), {
      decision: 'refer',
      referralBody: 'succession_center',
      reasons: '事業承継の課題が中心のため',
      expectedStage: 'desk_consultation',
    });
    expect(res.statusCode, res.body).toBe(204);
    const [row] = await withTenantTx(t.database.db, { councilId: 13, userId: null, roles: [] }, (tx) =>
      tx.select({ stage: supportCases.stage, outcome: supportCases.outcome }).from(supportCases).where(eq(supportCases.id, c.id)),
    );
    expect(row).toEqual({ stage: 'closed', outcome: 'referred' });
    const pdf = await pm.c.get(u(c.id, 'triage/referral-letter.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Closed: nothing more can be recorded.
    expect((await pm.c.post(u(c.id, 'internal-notes'), { body: 'x' })).statusCode).toBe(409);
  });
});

describe('interview summary (面談記録)', () => {
  it('prints one interview of the case as a PDF attachment, audited; another case’s interview, another council and outsiders get nothing', async () => {
    const c = await createCase(t.database.db, 13, '面談要旨確認株式会社');
    const other = await createCase(t.database.db, 13, '別案件株式会社');
    const iv = await pm.c.post(u(c.id, 'interviews'), { heldOn: '2026-11-20', attendees: '代表者、PM', notes: '資金繰りが厳しい' });
    expect(iv.statusCode, iv.body).toBe(201);
    const interviewId = iv.json<{ id: string }>().id;
    await pm.c.post(u(c.id, 'issues'), { issue: '粗利率の低下', advice: '価格改定を検討する' });

    const pdf = await staff.c.get(u(c.id, `interviews/${interviewId}/summary.pdf`));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audited = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where event_type = 'CASE_INTERVIEW_SUMMARY_CREATED' and target_id = ${interviewId}`,
    );
    expect(audited[0]?.n).toBe(1);

    expect((await staff.c.get(u(other.id, `interviews/${interviewId}/summary.pdf`))).statusCode).toBe(404);
    expect((await staff.c.get(u(c.id, `interviews/${crypto.randomUUID()}/summary.pdf`))).statusCode).toBe(404);
    expect((await otherPm.c.get(u(c.id, `interviews/${interviewId}/summary.pdf`))).statusCode).toBe(404);
    await grantCase(t.database.db, company.user, c, 13);
    expect((await company.c.get(u(c.id, `interviews/${interviewId}/summary.pdf`))).statusCode).toBe(403);
  });
});

describe('tasks and deadlines', () => {
  it('counts due dates in business days (weekends and 勤労感謝の日 skipped) and offers the stage checklist', async () => {
    const c = await createCase(t.database.db, 13);
    const list = (await pm.c.get(u(c.id, 'tasks'))).json<CaseTaskList>();
    expect(list.today).toBe('2026-11-20');
    expect(list.checklist.map((i) => i.key)).toContain('desk.interview');
    expect(list.assignees.some((a) => a.id === staff.user.id)).toBe(true);

    const res = await pm.c.post(u(c.id, 'tasks'), {
      title: '決算書の受領',
      checklistKey: 'desk.documents',
      businessDays: 2,
      assigneeUserId: staff.user.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json<CaseTask>();
    expect(task).toMatchObject({ dueOn: '2026-11-25', remindOn: '2026-11-24', overdue: false, businessDaysLeft: 2 });
    expect(task.assigneeName).toContain('council_staff');
    expect((await pm.c.get(u(c.id, 'tasks'))).json<CaseTaskList>().checklist.find((i) => i.key === 'desk.documents')?.taskExists).toBe(
      true,
    );

    const bad = await pm.c.post(u(c.id, 'tasks'), { title: '', businessDays: 1, dueOn: '2026-12-01', assigneeUserId: otherPm.user.id });
    expect(bad.statusCode).toBe(422);
    const wrongAssignee = await pm.c.post(u(c.id, 'tasks'), { title: 'x', businessDays: 1, assigneeUserId: otherPm.user.id });
    expect(wrongAssignee.statusCode).toBe(422);
    expect(wrongAssignee.json<ProblemDetails>().errors?.[0]?.pointer).toBe('/body/assigneeUserId');
  });

  it('lists overdue tasks for the council, and mails reminders once from the task table', async () => {
    const c = await createCase(t.database.db, 13, '期限超過株式会社');
    const due = (
      await pm.c.post(u(c.id, 'tasks'), { title: '借入明細の受領', dueOn: '2026-11-20', assigneeUserId: staff.user.id })
    ).json<CaseTask>();
    const done = (await pm.c.post(u(c.id, 'tasks'), { title: '完了済み', dueOn: '2026-11-20' })).json<CaseTask>();
    expect((await pm.c.patch(u(c.id, `tasks/${done.id}`), { status: 'done' })).json<CaseTask>().status).toBe('done');

    const sent = await t.services.tasks.sendDueReminders([13, 27]);
    expect(sent).toBeGreaterThanOrEqual(1);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, staff.user.email));
    expect(mails.some((m) => m.template === 'task_reminder' && m.textBody.includes('借入明細の受領'))).toBe(true);
    expect(await t.services.tasks.sendDueReminders([13])).toBe(0);

    t.clock.set(new Date('2026-11-24T01:00:00Z')); // Tuesday, after the holiday (sessions idle out: sign in again)
    const later = await client('council_sm', 13);
    const overdue = (await later.c.get('/api/v1/councils/tokyo/overdue-tasks')).json<OverdueTaskList>();
    const mine = overdue.items.filter((i) => i.caseId === c.id);
    expect(mine.map((i) => i.id)).toEqual([due.id]);
    expect(mine[0]).toMatchObject({ overdue: true, businessDaysLeft: -1, companyName: '期限超過株式会社' });
    expect((await (await client('council_pm', 27)).c.get('/api/v1/councils/tokyo/overdue-tasks')).statusCode).toBe(404);
    expect((await (await client('company_member')).c.get('/api/v1/councils/tokyo/overdue-tasks')).statusCode).toBe(404);
  });
});
