import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  accessLogSchema,
  caseDetailSchema,
  caseIdParamsSchema,
  caseGrantListSchema,
  caseListSchema,
  invitationCreatedSchema,
} from '@kasseika/contracts';
import type { z } from 'zod';
import { apiGet, apiPost, toQueryString } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export interface CaseListParams {
  readonly q?: string | undefined;
  readonly page?: number | undefined;
}

export const PAGE_SIZE = 20;

export const caseKeys = {
  all: [PRIVATE, 'cases'] as const,
  list: (p: CaseListParams) => [PRIVATE, 'cases', 'list', p.q ?? '', p.page ?? 1] as const,
  detail: (id: string) => [PRIVATE, 'cases', 'detail', id] as const,
  grants: (id: string) => [PRIVATE, 'cases', 'detail', id, 'grants'] as const,
  accessLog: (id: string) => [PRIVATE, 'cases', 'detail', id, 'access-log'] as const,
};

export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: () =>
      apiGet(
        `/api/v1/cases${toQueryString({ q: params.q, page: params.page && params.page > 1 ? String(params.page) : undefined, pageSize: String(PAGE_SIZE) })}`,
        caseListSchema,
      ),
    placeholderData: keepPreviousData,
  });
}

export function caseQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}`, caseDetailSchema),
    retry: false,
  });
}

/** A case id the API would accept (anything else is simply a case that is not there). */
export function isCaseId(caseId: string): boolean {
  return caseIdParamsSchema.safeParse({ caseId }).success;
}

export function useCase(caseId: string) {
  return useQuery({ ...caseQueryOptions(caseId), enabled: isCaseId(caseId) });
}

export function useCaseGrants(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.grants(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/grants`, caseGrantListSchema),
    enabled,
  });
}

export function useAccessLog(caseId: string) {
  return useQuery({
    enabled: isCaseId(caseId),
    queryKey: caseKeys.accessLog(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/access-log`, accessLogSchema),
    retry: false,
  });
}

export function createCase(body: { companyName: string }) {
  return apiPost('/api/v1/cases', body, caseDetailSchema);
}

export interface InviteToCase {
  email: string;
  displayName: string;
  roleInCase: 'company' | 'expert' | 'bank' | 'lawyer';
  organizationName: string;
  bankCode?: string | undefined;
  expiresAt?: string | undefined;
}

export function inviteToCase(caseId: string, body: InviteToCase): Promise<z.infer<typeof invitationCreatedSchema>> {
  return apiPost(`/api/v1/cases/${encodeURIComponent(caseId)}/invitations`, body, invitationCreatedSchema);
}

export function revokeGrant(caseId: string, grantId: string, reason: string) {
  return apiPost(`/api/v1/cases/${encodeURIComponent(caseId)}/grants/${encodeURIComponent(grantId)}/revoke`, { reason });
}
