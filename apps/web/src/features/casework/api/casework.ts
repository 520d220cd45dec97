import { useQuery } from '@tanstack/react-query';
import {
  caseDetailSchema,
  earningsImprovementSchema,
  type AdoptEarningsPlanBody,
  type CreateActionItemBody,
  caseTaskListSchema,
  deskConsultationSchema,
  overdueTaskListSchema,
  taskSchema,
  type CreateInternalNoteBody,
  type CreateInterviewBody,
  type CreateIssueBody,
  type CreateTaskBody,
  type TriageBody,
} from '@kasseika/contracts';
import { z } from 'zod';
import { apiGet, apiPatch, apiPost, apiSend } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const caseworkKeys = {
  /** The case and everything under it (the case detail changes when triage moves the case). */
  case: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId] as const,
  desk: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'desk-consultation'] as const,
  tasks: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'tasks'] as const,
  earnings: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'earnings-improvement'] as const,
  overdue: (slug: string) => [PRIVATE, 'councils', slug, 'overdue-tasks'] as const,
};

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;
const created = z.object({ id: z.string() });

export function useDeskConsultation(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseworkKeys.desk(caseId),
    queryFn: () => apiGet(`${base(caseId)}/desk-consultation`, deskConsultationSchema),
    enabled,
    retry: false,
  });
}

export function useCaseTasks(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseworkKeys.tasks(caseId),
    queryFn: () => apiGet(`${base(caseId)}/tasks`, caseTaskListSchema),
    enabled,
    retry: false,
  });
}

export function useOverdueTasks(slug: string) {
  return useQuery({
    queryKey: caseworkKeys.overdue(slug),
    queryFn: () => apiGet(`/api/v1/councils/${encodeURIComponent(slug)}/overdue-tasks`, overdueTaskListSchema),
    retry: false,
  });
}

export const recordInterview = (caseId: string, body: CreateInterviewBody) => apiPost(`${base(caseId)}/interviews`, body, created);
export const recordIssue = (caseId: string, body: CreateIssueBody) => apiPost(`${base(caseId)}/issues`, body, created);
export const addInternalNote = (caseId: string, body: CreateInternalNoteBody) => apiPost(`${base(caseId)}/internal-notes`, body, created);
export const triageCase = (caseId: string, body: TriageBody) => apiPost(`${base(caseId)}/triage`, body);
export const createTask = (caseId: string, body: CreateTaskBody) => apiPost(`${base(caseId)}/tasks`, body, taskSchema);
export const setTaskStatus = (caseId: string, taskId: string, status: 'open' | 'done') =>
  apiPatch(`${base(caseId)}/tasks/${encodeURIComponent(taskId)}`, { status }, taskSchema);
export async function saveIssueAdvice(caseId: string, issueId: string, advice: string): Promise<void> {
  await apiSend('PUT', `${base(caseId)}/issues/${encodeURIComponent(issueId)}/advice`, { json: { advice } });
}
export const referralLetterUrl = (caseId: string) => `${base(caseId)}/triage/referral-letter.pdf`;
export const interviewSummaryUrl = (caseId: string, interviewId: string) => `${base(caseId)}/interviews/${interviewId}/summary.pdf`;

export function useEarningsImprovement(caseId: string) {
  return useQuery({
    queryKey: caseworkKeys.earnings(caseId),
    queryFn: () => apiGet(`${base(caseId)}/earnings-improvement`, earningsImprovementSchema),
    retry: false,
  });
}

export async function saveGovernanceCheck(caseId: string, itemKey: string, status: string): Promise<void> {
  await apiSend('PUT', `${base(caseId)}/earnings-improvement/governance/${encodeURIComponent(itemKey)}`, { json: { status } });
}
export const createActionItem = (caseId: string, body: CreateActionItemBody) =>
  apiPost(`${base(caseId)}/earnings-improvement/action-items`, body, created);
export const updateActionItem = (caseId: string, itemId: string, status: string) =>
  apiPatch(`${base(caseId)}/earnings-improvement/action-items/${encodeURIComponent(itemId)}`, { status });
export const adoptEarningsPlan = (caseId: string, body: AdoptEarningsPlanBody) =>
  apiPost(`${base(caseId)}/earnings-improvement/plan`, body);
/** Moves the case along the workflow (e.g. `ei_start_monitoring`) with a reason. */
export const transitionCase = (caseId: string, body: { event: string; expectedStage: string; reason: string }) =>
  apiPost(`${base(caseId)}/transitions`, body, caseDetailSchema);
