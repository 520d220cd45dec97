import { useQuery } from '@tanstack/react-query';
import {
  documentListSchema,
  revitalizationSchema,
  type AddRvStaffMemberBody,
  type AppointRvExpertBody,
  type EndRvMemberBody,
  type SaveBusinessPlanBody,
  type SaveRealBalanceSheetBody,
  type SaveRvProfileBody,
  type SaveSupportDesignBody,
} from '@kasseika/contracts';
import { z } from 'zod';
import { apiGet, apiPost, apiSend } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const revitalizationKeys = {
  case: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId] as const,
  record: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'revitalization'] as const,
  documents: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'revitalization', 'documents'] as const,
};

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/revitalization`;
const created = z.object({ id: z.string() });
const versioned = z.object({ version: z.number().int() });

export function useRevitalization(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: revitalizationKeys.record(caseId),
    queryFn: () => apiGet(base(caseId), revitalizationSchema),
    enabled,
    retry: false,
  });
}

/** The case's documents (for the DD reports: 財務DD / 事業DD are typed documents of the documents page). */
export function useCaseDocuments(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: revitalizationKeys.documents(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/documents`, documentListSchema),
    enabled,
    retry: false,
  });
}

export async function saveProfile(caseId: string, body: SaveRvProfileBody): Promise<void> {
  await apiSend('PUT', `${base(caseId)}/profile`, { json: body });
}
export const addStaff = (caseId: string, body: AddRvStaffMemberBody) => apiPost(`${base(caseId)}/team/staff`, body, created);
export const appointExpert = (caseId: string, body: AppointRvExpertBody) => apiPost(`${base(caseId)}/team/experts`, body, created);
export async function endMember(caseId: string, memberId: string, body: EndRvMemberBody): Promise<void> {
  await apiSend('POST', `${base(caseId)}/team/${encodeURIComponent(memberId)}/end`, { json: body });
}
export const saveRealBalanceSheet = (caseId: string, body: SaveRealBalanceSheetBody) =>
  apiPost(`${base(caseId)}/real-balance-sheets`, body, versioned);
export const saveBusinessPlan = (caseId: string, body: SaveBusinessPlanBody) => apiPost(`${base(caseId)}/business-plans`, body, versioned);
export const saveSupportDesign = (caseId: string, body: SaveSupportDesignBody) =>
  apiPost(`${base(caseId)}/support-designs`, body, versioned);
export const surveyReportUrl = (caseId: string) => `${base(caseId)}/survey-report.pdf`;
