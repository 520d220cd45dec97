import type { CaseTask, CaseTaskList, CreateTaskBody, OverdueTaskList } from '@kasseika/contracts';
import { addBusinessDays, businessDaysBetween, type ChecklistItem, type CaseStage, type HolidayCalendar } from '@kasseika/domain';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import type { Mailer } from '../../providers/mail/mailer';
import { loadCaseForActor } from '../cases/cases.service';
import { councilIdOfSlug } from '../members/members.service';
import { recordCasework } from './casework-audit';
import {
  dueReminders,
  findTask,
  insertTask,
  listCaseWorkers,
  listOverdueTasks,
  listTasks,
  markReminded,
  setTaskStatus,
  type TaskRow,
} from './casework.repository';
import { jstDate } from './japanese-calendar';

export interface TasksServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly mailer: Mailer;
  readonly holidays: HolidayCalendar;
  /** Per-stage checklists (configuration; default `DEFAULT_STAGE_CHECKLISTS`). */
  readonly checklists: Readonly<Partial<Record<CaseStage, readonly ChecklistItem[]>>>;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/**
 * Tasks and deadlines on a case: per-stage checklists, tasks with an assignee and a due date counted in business days
 * (weekends and Japanese national holidays skipped), the council's overdue list, and reminder mails sent from the
 * task table itself (a row with `remind_on` reached and no `reminded_at` is a pending job; ADR 0016).
 */
export function createTasksService({ db, audit, mailer, holidays, checklists, publicUrl, now }: TasksServiceDeps) {
  function present(row: TaskRow, today: string): CaseTask {
    const left = businessDaysBetween(today, row.dueOn, holidays);
    return {
      ...row,
      overdue: row.status === 'open' && row.dueOn < today,
      businessDaysLeft: left,
      completedAt: row.completedAt?.toISOString() ?? null,
    };
  }

  async function load(tx: Tx, actor: Actor, caseId: string, action: 'case.tasks.read' | 'case.tasks.write') {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, action, loaded.resource);
    return loaded;
  }

  return {
    async list(actor: Actor, caseId: string): Promise<CaseTaskList> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId, 'case.tasks.read');
        const today = jstDate(now());
        const items = (await listTasks(tx, row.id)).map((t) => present(t, today));
        const keys = new Set(items.map((i) => i.checklistKey));
        return {
          items,
          checklist: (checklists[row.stage] ?? []).map((c) => ({ ...c, taskExists: keys.has(c.key) })),
          assignees: await listCaseWorkers(tx, row.councilId),
          today,
          abilities: { write: abilitiesFor(actor, ['case.tasks.write'], resource)['case.tasks.write'] && row.stage !== 'closed' },
        };
      });
    },

    async create(actor: Actor, caseId: string, body: CreateTaskBody): Promise<CaseTask> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.tasks.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await load(tx, actor, caseId, 'case.tasks.write');
        if (row.stage === 'closed')
          throw conflict({ ja: '終了した案件にはタスクを追加できません', en: 'A closed case takes no new tasks' });
        const today = jstDate(now());
        const issues = [];
        if (body.assigneeUserId && !(await listCaseWorkers(tx, row.councilId)).some((w) => w.id === body.assigneeUserId))
          issues.push({
            pointer: '/body/assigneeUserId',
            code: 'task.assignee',
            message: { ja: '担当者は協議会の案件担当者から選んでください', en: 'Choose the assignee among the council’s case workers' },
          });
        if (body.dueOn !== undefined && body.dueOn < today)
          issues.push({
            pointer: '/body/dueOn',
            code: 'task.dueOn',
            message: { ja: '期限日は今日以降にしてください', en: 'The due date must be today or later' },
          });
        if (body.checklistKey !== undefined && !(checklists[row.stage] ?? []).some((c) => c.key === body.checklistKey))
          issues.push({
            pointer: '/body/checklistKey',
            code: 'task.checklistKey',
            message: { ja: 'この段階のチェックリストにない項目です', en: 'Not an item of this stage’s checklist' },
          });
        if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
        const dueOn = body.dueOn ?? addBusinessDays(today, body.businessDays ?? 0, holidays);
        const remindBefore = body.remindBusinessDaysBefore ?? 1;
        const remindOn = body.assigneeUserId ? remindDate(dueOn, remindBefore, today) : null;
        const id = await insertTask(tx, {
          councilId: row.councilId,
          caseId: row.id,
          stage: row.stage,
          checklistKey: body.checklistKey ?? null,
          title: body.title,
          assigneeUserId: body.assigneeUserId ?? null,
          dueOn,
          remindOn,
          createdBy: actor.userId,
          createdAt: now(),
        });
        await recordCasework(
          audit,
          tx,
          actor,
          'CASE_TASK_CREATED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_task', targetId: id },
          { dueOn },
        );
        const created = (await listTasks(tx, row.id)).find((t) => t.id === id);
        if (!created) throw new Error('task vanished');
        return present(created, today);
      });
    },

    async update(actor: Actor, caseId: string, taskId: string, status: 'open' | 'done'): Promise<CaseTask> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.tasks.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await load(tx, actor, caseId, 'case.tasks.write');
        const task = await findTask(tx, row.id, taskId);
        if (!task) throw notFound({ ja: '指定されたタスク', en: 'The task' });
        if (task.status !== status) {
          await setTaskStatus(tx, taskId, status, now());
          await recordCasework(
            audit,
            tx,
            actor,
            'CASE_TASK_UPDATED',
            { councilId: row.councilId, caseId: row.id, targetType: 'case_task', targetId: taskId },
            { status },
          );
        }
        const updated = (await listTasks(tx, row.id)).find((t) => t.id === taskId);
        if (!updated) throw new Error('task vanished');
        return present(updated, jstDate(now()));
      });
    },

    /** The council's overdue list: open tasks past their due date, most overdue first (at most 500). */
    async overdue(actor: Actor, councilSlug: string): Promise<OverdueTaskList> {
      const councilId = councilIdOfSlug(councilSlug, actor);
      authorize(actor, 'council.tasks.read', { councilId });
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const today = jstDate(now());
        const rows = await listOverdueTasks(tx, today, 500);
        return {
          items: rows.map((r) => ({ ...present(r, today), caseReferenceNo: r.caseReferenceNo, companyName: r.companyName })),
          today,
        };
      });
    },

    /**
     * The reminder job: for each council, mails the assignee of every open task whose reminder date has come, and
     * marks it sent in the same transaction as the outbox row (so a crash never loses or doubles a reminder).
     */
    async sendDueReminders(councilIds: readonly number[]): Promise<number> {
      const today = jstDate(now());
      let sent = 0;
      for (const councilId of councilIds) {
        sent += await withTenantTx(db, { councilId, userId: null, roles: [] }, async (tx) => {
          const due = await dueReminders(tx, today, 200);
          for (const r of due) {
            await mailer.enqueue(tx, r.email, {
              kind: 'task_reminder',
              caseReferenceNo: r.caseReferenceNo,
              taskTitle: r.title,
              dueOn: r.dueOn,
              link: `${publicUrl}/cases/${r.caseId}`,
            });
            await audit.record(tx, {
              type: 'CASE_TASK_REMINDER_SENT',
              actorUserId: null,
              actorLabel: 'system',
              actorRoles: [],
              councilId,
              caseId: r.caseId,
              targetType: 'case_task',
              targetId: r.id,
              ip: null,
              requestId: null,
              details: { dueOn: r.dueOn },
            });
          }
          await markReminded(
            tx,
            due.map((r) => r.id),
            now(),
          );
          return due.length;
        });
      }
      return sent;
    },
  };

  /** `before` business days before the due date, but never before today. */
  function remindDate(dueOn: string, before: number, today: string): string {
    let at = dueOn;
    for (let i = 0; i < before; i++) {
      let d = new Date(`${at}T00:00:00Z`).getTime();
      do d -= 86_400_000;
      while (businessDaysBetween(new Date(d).toISOString().slice(0, 10), at, holidays) === 0);
      at = new Date(d).toISOString().slice(0, 10);
    }
    return at < today ? today : at;
  }
}

export type TasksService = ReturnType<typeof createTasksService>;
