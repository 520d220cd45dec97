import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  accessLogSchema,
  caseDetailSchema,
  caseIdParamsSchema,
  caseGrantListSchema,
  caseListQuerySchema,
  caseListSchema,
  caseTransitionListSchema,
  invitationCreatedSchema,
  type TransitionBody,
} from '@kasseika/contracts';
import type { CaseStage, CaseTrack } from '@kasseika/domain';
import type { z } from 'zod';
import { apiGet, apiPost, toQueryString } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

/** The list's filters as they stand in the URL (`/cases?track=…&q=…`): a bookmarkable list. */
export interface CaseListParams {
  readonly q?: string | undefined;
  readonly track?: CaseTrack | undefined;
  readonly stage?: CaseStage | undefined;
  readonly assignee?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly cursor?: string | undefined;
  /** Rows a page (the API's bounds, 1–100); the default is PAGE_SIZE. */
  readonly pageSize?: number | undefined;
}

export const PAGE_SIZE = 20;
/** The page sizes offered in the list's filter form (any size the API takes also works from a bookmarked URL). */
export const PAGE_SIZES = [20, 50, 100] as const;

const listFieldSchemas = caseListQuerySchema.shape;

/**
 * Reads the list's search params from the URL with the API's own field schemas: anything the API would refuse is
 * dropped (a hand-edited or stale bookmark shows the unfiltered list instead of an error).
 */
export function parseCaseListSearch(raw: Record<string, unknown>): CaseListParams {
  const str = (value: unknown) => (typeof value === 'number' ? String(value) : value);
  const field = <T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, key: string) => {
    const parsed = schema.safeParse(str(raw[key]));
    return parsed.success ? parsed.data : undefined;
  };
  const out: { -readonly [K in keyof CaseListParams]: CaseListParams[K] } = {};
  const q = field(listFieldSchemas.q, 'q');
  if (q) out.q = q;
  const track = field(listFieldSchemas.track, 'track');
  if (track) out.track = track;
  const stage = field(listFieldSchemas.stage, 'stage');
  if (stage) out.stage = stage;
  const assignee = field(listFieldSchemas.assignee, 'assignee');
  if (assignee) out.assignee = assignee;
  if (raw.overdue === true || raw.overdue === 'true') out.overdue = true;
  const cursor = field(listFieldSchemas.cursor, 'cursor');
  if (cursor) out.cursor = cursor;
  const pageSize = raw.pageSize === undefined ? undefined : field(listFieldSchemas.pageSize, 'pageSize');
  if (pageSize !== undefined && pageSize !== PAGE_SIZE) out.pageSize = pageSize;
  return out;
}

export const caseKeys = {
  all: [PRIVATE, 'cases'] as const,
  list: (p: CaseListParams) =>
    [
      PRIVATE,
      'cases',
      'list',
      p.q ?? '',
      p.track ?? '',
      p.stage ?? '',
      p.assignee ?? '',
      p.overdue ?? false,
      p.cursor ?? '',
      p.pageSize ?? PAGE_SIZE,
    ] as const,
  detail: (id: string) => [PRIVATE, 'cases', 'detail', id] as const,
  grants: (id: string) => [PRIVATE, 'cases', 'detail', id, 'grants'] as const,
  accessLog: (id: string) => [PRIVATE, 'cases', 'detail', id, 'access-log'] as const,
  timeline: (id: string) => [PRIVATE, 'cases', 'detail', id, 'timeline'] as const,
};

export function useCaseList(params: CaseListParams) {
  return useQuery({
    queryKey: caseKeys.list(params),
    queryFn: () =>
      apiGet(
        `/api/v1/cases${toQueryString({
          q: params.q,
          track: params.track,
          stage: params.stage,
          assignee: params.assignee,
          overdue: params.overdue ? 'true' : undefined,
          cursor: params.cursor,
          pageSize: String(params.pageSize ?? PAGE_SIZE),
        })}`,
        caseListSchema,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The workflow history of a case (council case workers: `abilities.readTimeline`). */
export function useCaseTimeline(caseId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: caseKeys.timeline(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/timeline`, caseTransitionListSchema),
    retry: false,
  });
}

/** Moves the case along its workflow (one of `nextTransitions`), with the stage the user saw and a reason. */
export function transitionCase(caseId: string, body: TransitionBody) {
  return apiPost(`/api/v1/cases/${encodeURIComponent(caseId)}/transitions`, body, caseDetailSchema);
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
