import { z } from 'zod';
import { REFERRAL_BODIES, TRIAGE_DECISIONS } from '@kasseika/domain';
import { diagnosisYearSchema } from './calculations/results';
import { caseStageSchema } from './case-workflow';
import { localizedTextSchema } from './problem';

// ── 窓口相談 (desk consultation) ─────────────────────────────────────────────────────────────────────────────────

const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);

export const createInterviewBodySchema = z
  .strictObject({
    heldOn: z.iso.date('interview.heldOn'),
    attendees: text(500, 'interview.attendees'),
    notes: text(10_000, 'interview.notes'),
  })
  .meta({ id: 'CreateInterviewBody', description: 'An interview at the desk: date, who attended, what was heard' });

export const createIssueBodySchema = z
  .strictObject({
    issue: text(2000, 'caseIssue.issue'),
    advice: text(4000, 'caseIssue.advice').optional(),
  })
  .meta({ id: 'CreateCaseIssueBody', description: '問題点・課題, with the advice given (optional, may be added later)' });

export const updateIssueAdviceBodySchema = z
  .strictObject({ advice: text(4000, 'caseIssue.advice') })
  .meta({ id: 'UpdateCaseIssueAdviceBody' });

export const createInternalNoteBodySchema = z
  .strictObject({ body: text(4000, 'internalNote.body') })
  .meta({ id: 'CreateInternalNoteBody', description: 'A council-internal note (never shown outside the council)' });

export const triageDecisionSchema = z.enum(TRIAGE_DECISIONS).meta({ id: 'TriageDecision' });
export const referralBodySchema = z.enum(REFERRAL_BODIES).meta({ id: 'ReferralBody' });

export const triageBodySchema = z
  .strictObject({
    decision: triageDecisionSchema,
    reasons: text(4000, 'triage.reasons'),
    /** Required when `decision` is `refer`. */
    referralBody: referralBodySchema.optional(),
    /** Required when `referralBody` is `other`. */
    referralBodyName: text(200, 'triage.referralBodyName').optional(),
    expectedStage: caseStageSchema,
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refer' && !v.referralBody) ctx.addIssue({ code: 'custom', path: ['referralBody'], message: 'triage.referralBody' });
    if (v.decision !== 'refer' && v.referralBody)
      ctx.addIssue({ code: 'custom', path: ['referralBody'], message: 'triage.referralBodyOnlyForReferral' });
    if (v.referralBody === 'other' && !v.referralBodyName)
      ctx.addIssue({ code: 'custom', path: ['referralBodyName'], message: 'triage.referralBodyName' });
  })
  .meta({ id: 'TriageBody', description: 'The triage decision with reasons; moves the case (refer / resolve closes it)' });

export const interviewSchema = z
  .object({
    id: z.string(),
    heldOn: z.string(),
    attendees: z.string(),
    notes: z.string(),
    recordedByName: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'CaseInterview' });

export const caseIssueSchema = z
  .object({
    id: z.string(),
    issue: z.string(),
    advice: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    adviceAt: z.string().nullable(),
  })
  .meta({ id: 'CaseIssue' });

export const internalNoteSchema = z
  .object({ id: z.string(), body: z.string(), authorName: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'CaseInternalNote' });

export const triageRecordSchema = z
  .object({
    decision: triageDecisionSchema,
    referralBody: referralBodySchema.nullable(),
    referralBodyName: z.string().nullable(),
    reasons: z.string(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string(),
  })
  .meta({ id: 'CaseTriage' });

export const deskConsultationSchema = z
  .object({
    stage: caseStageSchema,
    interviews: z.array(interviewSchema),
    issues: z.array(caseIssueSchema),
    internalNotes: z.array(internalNoteSchema),
    triage: triageRecordSchema.nullable(),
    diagnosis: z
      .object({
        statementsRevision: z.number().int(),
        years: z.array(diagnosisYearSchema),
      })
      .nullable()
      .meta({ description: 'The finance engine over the latest statements of the case; null when none are entered' }),
    abilities: z.object({ write: z.boolean(), triage: z.boolean() }),
  })
  .meta({ id: 'DeskConsultation', description: '窓口相談: interviews, issues and advice, internal notes, diagnosis, triage' });

// ── Tasks and deadlines ─────────────────────────────────────────────────────────────────────────────────────────

export const taskIdParamsSchema = z.strictObject({ caseId: z.uuid(), taskId: z.uuid() });
export const issueIdParamsSchema = z.strictObject({ caseId: z.uuid(), issueId: z.uuid() });
export const interviewIdParamsSchema = z.strictObject({ caseId: z.uuid(), interviewId: z.uuid() });

export const createTaskBodySchema = z
  .strictObject({
    title: text(200, 'task.title'),
    checklistKey: z.string().trim().min(1).max(60, 'task.checklistKey').optional(),
    assigneeUserId: z.uuid('task.assignee').optional(),
    /** Either a number of business days from today (JST; weekends and national holidays skipped)… */
    businessDays: z.number().int('task.businessDays').min(0, 'task.businessDays').max(250, 'task.businessDays').optional(),
    /** …or an explicit due date. */
    dueOn: z.iso.date('task.dueOn').optional(),
    /** Mail the assignee this many business days before the due date (default 1; none without an assignee). */
    remindBusinessDaysBefore: z.number().int().min(0, 'task.remind').max(20, 'task.remind').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.businessDays === undefined) === (v.dueOn === undefined))
      ctx.addIssue({ code: 'custom', path: ['businessDays'], message: 'task.due' });
  })
  .meta({ id: 'CreateTaskBody' });

export const updateTaskBodySchema = z.strictObject({ status: z.enum(['open', 'done']) }).meta({ id: 'UpdateTaskBody' });

export const taskSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    stage: caseStageSchema,
    checklistKey: z.string().nullable(),
    title: z.string(),
    assigneeUserId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    dueOn: z.string(),
    remindOn: z.string().nullable(),
    status: z.enum(['open', 'done']),
    overdue: z.boolean(),
    businessDaysLeft: z.number().int().meta({ description: 'Business days until the due date (negative: overdue by)' }),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseTask' });

export const caseTaskListSchema = z
  .object({
    items: z.array(taskSchema),
    checklist: z.array(z.object({ key: z.string(), label: localizedTextSchema, businessDays: z.number().int(), taskExists: z.boolean() })),
    assignees: z.array(z.object({ id: z.string(), name: z.string() })),
    today: z.string(),
    abilities: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'CaseTaskList', description: 'Tasks of a case, the checklist of its stage, and who may be assigned' });

export const overdueTaskListSchema = z
  .object({
    items: z.array(taskSchema.extend({ caseReferenceNo: z.string(), companyName: z.string() })),
    today: z.string(),
  })
  .meta({ id: 'OverdueTaskList', description: 'Open tasks past their due date across the council, most overdue first' });

export type CreateInterviewBody = z.infer<typeof createInterviewBodySchema>;
export type CreateIssueBody = z.infer<typeof createIssueBodySchema>;
export type CreateInternalNoteBody = z.infer<typeof createInternalNoteBodySchema>;
export type TriageBody = z.infer<typeof triageBodySchema>;
export type DeskConsultation = z.infer<typeof deskConsultationSchema>;
export type CreateTaskBody = z.infer<typeof createTaskBodySchema>;
export type UpdateTaskBody = z.infer<typeof updateTaskBodySchema>;
export type CaseTask = z.infer<typeof taskSchema>;
export type CaseTaskList = z.infer<typeof caseTaskListSchema>;
export type OverdueTaskList = z.infer<typeof overdueTaskListSchema>;
