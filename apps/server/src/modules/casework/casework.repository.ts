import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { CaseStage } from '@kasseika/domain';
import type { Tx } from '../../db/client';
import {
  caseActionItems,
  caseEarningsPlans,
  caseGovernanceChecks,
  caseInternalNotes,
  caseInterviews,
  caseIssues,
  caseTasks,
  caseTriageDecisions,
  memberships,
  supportCases,
  users,
} from '../../db/schema';

/** The only file of the casework module that touches its tables (always inside a tenant transaction). */

export function listInterviews(tx: Tx, caseId: string) {
  return tx
    .select({
      id: caseInterviews.id,
      heldOn: caseInterviews.heldOn,
      attendeesEnc: caseInterviews.attendeesEnc,
      notesEnc: caseInterviews.notesEnc,
      recordedByName: users.displayName,
      recordedAt: caseInterviews.recordedAt,
    })
    .from(caseInterviews)
    .leftJoin(users, eq(users.id, caseInterviews.recordedBy))
    .where(eq(caseInterviews.caseId, caseId))
    .orderBy(desc(caseInterviews.heldOn), desc(caseInterviews.recordedAt));
}

export async function insertInterview(tx: Tx, values: typeof caseInterviews.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseInterviews).values(values).returning({ id: caseInterviews.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export function listIssues(tx: Tx, caseId: string) {
  return tx
    .select({
      id: caseIssues.id,
      issueEnc: caseIssues.issueEnc,
      adviceEnc: caseIssues.adviceEnc,
      createdByName: users.displayName,
      createdAt: caseIssues.createdAt,
      adviceAt: caseIssues.adviceAt,
    })
    .from(caseIssues)
    .leftJoin(users, eq(users.id, caseIssues.createdBy))
    .where(eq(caseIssues.caseId, caseId))
    .orderBy(asc(caseIssues.createdAt));
}

export async function insertIssue(tx: Tx, values: typeof caseIssues.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseIssues).values(values).returning({ id: caseIssues.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function setIssueAdvice(tx: Tx, caseId: string, issueId: string, adviceEnc: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(caseIssues)
    .set({ adviceEnc, adviceAt: at })
    .where(and(eq(caseIssues.id, issueId), eq(caseIssues.caseId, caseId)))
    .returning({ id: caseIssues.id });
  return rows.length > 0;
}

export function listInternalNotes(tx: Tx, caseId: string) {
  return tx
    .select({
      id: caseInternalNotes.id,
      bodyEnc: caseInternalNotes.bodyEnc,
      authorName: users.displayName,
      createdAt: caseInternalNotes.createdAt,
    })
    .from(caseInternalNotes)
    .leftJoin(users, eq(users.id, caseInternalNotes.authorId))
    .where(eq(caseInternalNotes.caseId, caseId))
    .orderBy(desc(caseInternalNotes.createdAt));
}

export async function insertInternalNote(tx: Tx, values: typeof caseInternalNotes.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseInternalNotes).values(values).returning({ id: caseInternalNotes.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function findTriage(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({
      decision: caseTriageDecisions.decision,
      referralBody: caseTriageDecisions.referralBody,
      referralBodyName: caseTriageDecisions.referralBodyName,
      reasonsEnc: caseTriageDecisions.reasonsEnc,
      decidedByName: users.displayName,
      decidedAt: caseTriageDecisions.decidedAt,
    })
    .from(caseTriageDecisions)
    .leftJoin(users, eq(users.id, caseTriageDecisions.decidedBy))
    .where(eq(caseTriageDecisions.caseId, caseId));
  return row ?? null;
}

export async function insertTriage(tx: Tx, values: typeof caseTriageDecisions.$inferInsert): Promise<void> {
  await tx.insert(caseTriageDecisions).values(values);
}

// ── tasks ────────────────────────────────────────────────────────────────────────────────────────────────────────

const taskColumns = {
  id: caseTasks.id,
  caseId: caseTasks.caseId,
  stage: caseTasks.stage,
  checklistKey: caseTasks.checklistKey,
  title: caseTasks.title,
  assigneeUserId: caseTasks.assigneeUserId,
  assigneeName: users.displayName,
  dueOn: caseTasks.dueOn,
  remindOn: caseTasks.remindOn,
  status: caseTasks.status,
  completedAt: caseTasks.completedAt,
};

export function listTasks(tx: Tx, caseId: string) {
  return tx
    .select(taskColumns)
    .from(caseTasks)
    .leftJoin(users, eq(users.id, caseTasks.assigneeUserId))
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(asc(caseTasks.status), asc(caseTasks.dueOn), asc(caseTasks.createdAt));
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

export async function insertTask(tx: Tx, values: typeof caseTasks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(caseTasks).values(values).returning({ id: caseTasks.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

export async function findTask(tx: Tx, caseId: string, taskId: string) {
  const [row] = await tx
    .select({ id: caseTasks.id, status: caseTasks.status })
    .from(caseTasks)
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.caseId, caseId)));
  return row ?? null;
}

export async function setTaskStatus(tx: Tx, taskId: string, status: 'open' | 'done', at: Date): Promise<void> {
  await tx
    .update(caseTasks)
    .set({ status, completedAt: status === 'done' ? at : null })
    .where(eq(caseTasks.id, taskId));
}

/** Open tasks of the transaction's council due before `today`, most overdue first (RLS limits to the council). */
export function listOverdueTasks(tx: Tx, today: string, limit: number) {
  return tx
    .select({ ...taskColumns, caseReferenceNo: supportCases.referenceNo, companyName: supportCases.companyName })
    .from(caseTasks)
    .innerJoin(supportCases, eq(supportCases.id, caseTasks.caseId))
    .leftJoin(users, eq(users.id, caseTasks.assigneeUserId))
    .where(and(eq(caseTasks.status, 'open'), sql`${caseTasks.dueOn} < ${today}`))
    .orderBy(asc(caseTasks.dueOn), asc(supportCases.referenceNo))
    .limit(limit);
}

/** The council's case workers (PM, SM, staff) who may be assigned a task. */
export async function listCaseWorkers(tx: Tx, councilId: number): Promise<{ id: string; name: string }[]> {
  const rows = await tx
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.councilId, councilId),
        isNull(memberships.revokedAt),
        eq(users.status, 'active'),
        sql`${memberships.roles} && array['council_pm','council_sm','council_staff']::text[]`,
      ),
    );
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

/** Reminder jobs that are due: open tasks with an assignee whose reminder date has come and that were not mailed. */
export function dueReminders(tx: Tx, today: string, limit: number) {
  return tx
    .select({
      id: caseTasks.id,
      councilId: caseTasks.councilId,
      caseId: caseTasks.caseId,
      title: caseTasks.title,
      dueOn: caseTasks.dueOn,
      email: users.email,
      caseReferenceNo: supportCases.referenceNo,
    })
    .from(caseTasks)
    .innerJoin(users, eq(users.id, caseTasks.assigneeUserId))
    .innerJoin(supportCases, eq(supportCases.id, caseTasks.caseId))
    .where(and(eq(caseTasks.status, 'open'), isNull(caseTasks.remindedAt), lte(caseTasks.remindOn, today)))
    .orderBy(asc(caseTasks.remindOn))
    .limit(limit)
    .for('update', { of: caseTasks, skipLocked: true });
}

export async function markReminded(tx: Tx, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length > 0)
    await tx
      .update(caseTasks)
      .set({ remindedAt: at })
      .where(inArray(caseTasks.id, [...ids]));
}

// ── 収益力改善支援 ───────────────────────────────────────────────────────────────────────────────────────────────

export async function findEarningsPlanId(tx: Tx, caseId: string): Promise<string | null> {
  const [plan] = await tx.select({ id: caseEarningsPlans.id }).from(caseEarningsPlans).where(eq(caseEarningsPlans.caseId, caseId));
  return plan?.id ?? null;
}

export function listGovernanceChecks(tx: Tx, caseId: string) {
  return tx
    .select({
      itemKey: caseGovernanceChecks.itemKey,
      status: caseGovernanceChecks.status,
      noteEnc: caseGovernanceChecks.noteEnc,
      checkedByName: users.displayName,
      checkedAt: caseGovernanceChecks.checkedAt,
    })
    .from(caseGovernanceChecks)
    .leftJoin(users, eq(users.id, caseGovernanceChecks.checkedBy))
    .where(eq(caseGovernanceChecks.caseId, caseId));
}

export function listActionItems(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(caseActionItems)
    .where(eq(caseActionItems.caseId, caseId))
    .orderBy(asc(caseActionItems.dueOn), asc(caseActionItems.createdAt));
}

export async function findEarningsPlan(tx: Tx, caseId: string) {
  const [plan] = await tx
    .select({ p: caseEarningsPlans, adoptedByName: users.displayName })
    .from(caseEarningsPlans)
    .leftJoin(users, eq(users.id, caseEarningsPlans.adoptedBy))
    .where(eq(caseEarningsPlans.caseId, caseId));
  return plan ?? null;
}

export async function upsertGovernanceCheck(
  tx: Tx,
  key: { councilId: number; caseId: string; itemKey: string },
  values: { status: (typeof caseGovernanceChecks.$inferInsert)['status']; noteEnc: string | null; checkedBy: string; checkedAt: Date },
): Promise<void> {
  await tx
    .insert(caseGovernanceChecks)
    .values({ ...key, ...values })
    .onConflictDoUpdate({ target: [caseGovernanceChecks.caseId, caseGovernanceChecks.itemKey], set: values });
}

export async function insertActionItem(tx: Tx, values: typeof caseActionItems.$inferInsert): Promise<{ id: string }> {
  const [created] = await tx.insert(caseActionItems).values(values).returning({ id: caseActionItems.id });
  if (!created) throw new Error('insert returned nothing');
  return created;
}

export async function setActionItemStatus(
  tx: Tx,
  caseId: string,
  itemId: string,
  status: (typeof caseActionItems.$inferInsert)['status'],
  at: Date,
): Promise<boolean> {
  const updated = await tx
    .update(caseActionItems)
    .set({ status, updatedAt: at })
    .where(and(eq(caseActionItems.id, itemId), eq(caseActionItems.caseId, caseId)))
    .returning({ id: caseActionItems.id });
  return updated.length > 0;
}

export async function insertEarningsPlan(tx: Tx, values: typeof caseEarningsPlans.$inferInsert): Promise<void> {
  await tx.insert(caseEarningsPlans).values(values);
}

export type { CaseStage };
