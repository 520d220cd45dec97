import { sql } from 'drizzle-orm';
import { check, date, index, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { CASE_STAGES, REFERRAL_BODIES, TRIAGE_DECISIONS } from '@kasseika/domain';
import { supportCases, tenantPredicate } from './cases';
import { councils } from './directory';
import { appRole } from './roles';

/**
 * Council case work (窓口相談 and tasks). Every table here is the council's own working material: only the tenant
 * policy exists — no case grant opens them, so no outside role (company, expert, bank, lawyer) can read a row even
 * with a grant on the case (RLS probes and the permission matrix prove it). Free text that describes the company's
 * troubles is sealed with the council's data key (FieldCipher); places are `<table>.<column>:<caseId>`.
 */
const tenantPolicy = (name: string) =>
  pgPolicy(name, { as: 'permissive', for: 'all', to: appRole, using: tenantPredicate, withCheck: tenantPredicate });

const caseRefs = {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: smallint('council_id')
    .notNull()
    .references(() => councils.id),
  caseId: uuid('case_id')
    .notNull()
    .references(() => supportCases.id),
};

/** 面談記録: the date, who attended and what was heard (both encrypted). Append-only. */
export const caseInterviews = pgTable(
  'case_interviews',
  {
    ...caseRefs,
    heldOn: date('held_on').notNull(),
    attendeesEnc: text('attendees_enc').notNull(),
    notesEnc: text('notes_enc').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_interviews_case_idx').on(t.caseId, t.heldOn), tenantPolicy('case_interviews_tenant_isolation')],
).enableRLS();

/** 問題点・課題 found at the desk, with the advice given (both encrypted; advice may come later). */
export const caseIssues = pgTable(
  'case_issues',
  {
    ...caseRefs,
    issueEnc: text('issue_enc').notNull(),
    adviceEnc: text('advice_enc'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    adviceAt: timestamp('advice_at', { withTimezone: true }),
  },
  (t) => [index('case_issues_case_idx').on(t.caseId, t.createdAt), tenantPolicy('case_issues_tenant_isolation')],
).enableRLS();

/** Council-internal notes (内部メモ): never shown to any outside role. Append-only. */
export const caseInternalNotes = pgTable(
  'case_internal_notes',
  {
    ...caseRefs,
    bodyEnc: text('body_enc').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_internal_notes_case_idx').on(t.caseId, t.createdAt), tenantPolicy('case_internal_notes_tenant_isolation')],
).enableRLS();

/** The triage decision that ends stage 1, with its reasons (encrypted). One per case; the fact `triageRecorded`. */
export const caseTriageDecisions = pgTable(
  'case_triage_decisions',
  {
    ...caseRefs,
    decision: text('decision', { enum: TRIAGE_DECISIONS }).notNull(),
    referralBody: text('referral_body', { enum: REFERRAL_BODIES }),
    referralBodyName: text('referral_body_name'),
    reasonsEnc: text('reasons_enc').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_triage_decisions_case_key').on(t.caseId),
    check('case_triage_decisions_referral', sql`(${t.decision} = 'refer') = (${t.referralBody} is not null)`),
    tenantPolicy('case_triage_decisions_tenant_isolation'),
  ],
).enableRLS();

/**
 * Tasks on a case: a title (often from the stage checklist), an assignee among the council's case workers, and a due
 * date computed in business days. The row is also the reminder job: `remind_on` is when the assignee is mailed, and
 * `reminded_at` marks the job done (ADR 0016).
 */
export const caseTasks = pgTable(
  'case_tasks',
  {
    ...caseRefs,
    stage: text('stage', { enum: CASE_STAGES }).notNull(),
    checklistKey: text('checklist_key'),
    title: text('title').notNull(),
    assigneeUserId: uuid('assignee_user_id'),
    dueOn: date('due_on').notNull(),
    remindOn: date('remind_on'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_tasks_case_idx').on(t.caseId, t.dueOn),
    // The case list's assignee filter: the cases with an open task of a case worker.
    index('case_tasks_open_assignee_idx')
      .on(t.assigneeUserId, t.caseId)
      .where(sql`${t.status} = 'open'`),
    index('case_tasks_open_due_idx')
      .on(t.councilId, t.dueOn)
      .where(sql`${t.status} = 'open'`),
    index('case_tasks_reminder_idx')
      .on(t.councilId, t.remindOn)
      .where(sql`${t.remindedAt} is null and ${t.status} = 'open'`),
    check('case_tasks_done_consistent', sql`(${t.status} = 'done') = (${t.completedAt} is not null)`),
    tenantPolicy('case_tasks_tenant_isolation'),
  ],
).enableRLS();
