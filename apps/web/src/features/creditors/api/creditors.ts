import { useQuery } from '@tanstack/react-query';
import {
  casePlanSchema,
  confidentialityLiftListSchema,
  creditorTableSchema,
  type CreateLiftBody,
  type CreditorResponseBody,
  type SubmitPlanVersionBody,
} from '@kasseika/contracts';
import { apiGet, apiPost, apiSend } from '../../../lib/api';
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
