import { useQuery } from '@tanstack/react-query';
import {
  casePlanSchema,
  confidentialityLiftListSchema,
  creditorImportResultSchema,
  creditorTableSchema,
  financialInstitutionListSchema,
  planVersionSchema,
  type AddCreditorBody,
  type CreateLiftBody,
  type LoanBody,
  type PlanCommentBody,
  type UpdateCreditorBody,
  type CreditorResponseBody,
  type SubmitPlanVersionBody,
} from '@kasseika/contracts';
import { apiGet, apiPatch, apiPost, apiSend, toQueryString } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

const enc = encodeURIComponent;

export const creditorKeys = {
  lifts: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'confidentiality-lifts'] as const,
  table: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'creditors'] as const,
  plan: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'plan'] as const,
};

/** Each section asks its own endpoint; a 403 simply means the section is not for this person. */
export function useLifts(caseId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: creditorKeys.lifts(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${enc(caseId)}/confidentiality-lifts`, confidentialityLiftListSchema),
    retry: false,
  });
}

export function useCreditorTable(caseId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: creditorKeys.table(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${enc(caseId)}/creditors`, creditorTableSchema),
    retry: false,
  });
}

export function usePlan(caseId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: creditorKeys.plan(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${enc(caseId)}/plan`, casePlanSchema),
    retry: false,
  });
}

export const liftConfidentiality = (caseId: string, body: CreateLiftBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/confidentiality-lifts`, body, confidentialityLiftListSchema);

/** Revocation carries no body (the route takes none). */
export async function revokeLift(caseId: string, liftId: string) {
  const response = await apiSend('POST', `/api/v1/cases/${enc(caseId)}/confidentiality-lifts/${enc(liftId)}/revoke`, undefined);
  return confidentialityLiftListSchema.parse(await response.json());
}

export const submitPlanVersion = (caseId: string, body: SubmitPlanVersionBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/plan/versions`, body, casePlanSchema);

export const respondToPlan = (caseId: string, body: CreditorResponseBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/plan/responses`, body, casePlanSchema);

// ── The council's editing of the creditor table, review comments (issue 7 UI) ──

export const searchInstitutions = (q: string) =>
  apiGet(`/api/v1/financial-institutions${toQueryString({ q })}`, financialInstitutionListSchema);

export const addCreditor = (caseId: string, body: AddCreditorBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/creditors`, body, creditorTableSchema);

export const updateCreditor = (caseId: string, creditorId: string, body: UpdateCreditorBody) =>
  apiPatch(`/api/v1/cases/${enc(caseId)}/creditors/${enc(creditorId)}`, body, creditorTableSchema);

export async function removeCreditor(caseId: string, creditorId: string) {
  const response = await apiSend('DELETE', `/api/v1/cases/${enc(caseId)}/creditors/${enc(creditorId)}`, undefined);
  return creditorTableSchema.parse(await response.json());
}

export const addLoan = (caseId: string, creditorId: string, body: LoanBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/creditors/${enc(creditorId)}/loans`, body, creditorTableSchema);

export async function updateLoan(caseId: string, loanId: string, body: LoanBody) {
  const response = await apiSend('PUT', `/api/v1/cases/${enc(caseId)}/loans/${enc(loanId)}`, { json: body });
  return creditorTableSchema.parse(await response.json());
}

export async function removeLoan(caseId: string, loanId: string) {
  const response = await apiSend('DELETE', `/api/v1/cases/${enc(caseId)}/loans/${enc(loanId)}`, undefined);
  return creditorTableSchema.parse(await response.json());
}

export async function importCreditors(caseId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  const response = await apiSend('POST', `/api/v1/cases/${enc(caseId)}/creditors/import`, { form });
  return creditorImportResultSchema.parse(await response.json());
}

export const commentOnVersion = (caseId: string, versionNo: number, body: PlanCommentBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/plan/versions/${versionNo}/comments`, body, planVersionSchema);
