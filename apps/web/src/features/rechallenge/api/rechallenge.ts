import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  caseGuarantorsSchema,
  documentListSchema,
  rcConsentViewSchema,
  rcConsultationCreatedSchema,
  rcLawyerPackageSchema,
  rechallengeSchema,
  type CreateRcAdviceBody,
  type CreateRcConsultationBody,
  type CreateRcProceedingBody,
  type PrepareRcReferralBody,
  type UpdateRcProceedingBody,
} from '@kasseika/contracts';
import { apiDelete, apiGet, apiPatch, apiPost, apiSend } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const rechallengeKeys = {
  all: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'rechallenge'] as const,
  record: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'rechallenge', 'record'] as const,
  consent: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'rechallenge', 'consent'] as const,
  package: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'rechallenge', 'package'] as const,
  documents: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'rechallenge', 'documents'] as const,
  guarantors: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'rechallenge', 'guarantors'] as const,
};

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;
const rc = (caseId: string) => `${base(caseId)}/rechallenge`;
const created = z.object({ id: z.string() });

/** The council's 再チャレンジ record (council case workers). */
export function useRechallenge(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: rechallengeKeys.record(caseId),
    queryFn: () => apiGet(rc(caseId), rechallengeSchema),
    enabled,
    retry: false,
  });
}

/** The proposal and consent, as the company sees it. */
export function useRcConsent(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: rechallengeKeys.consent(caseId),
    queryFn: () => apiGet(`${rc(caseId)}/consent`, rcConsentViewSchema),
    enabled,
    retry: false,
  });
}

/** The consented handover package, as the referred lawyer sees it. */
export function useRcPackage(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: rechallengeKeys.package(caseId),
    queryFn: () => apiGet(`${rc(caseId)}/package`, rcLawyerPackageSchema),
    enabled,
    retry: false,
  });
}

/** The case's documents (to choose the package's documents). */
export function useRcDocuments(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: rechallengeKeys.documents(caseId),
    queryFn: () => apiGet(`${base(caseId)}/documents`, documentListSchema),
    enabled,
    retry: false,
  });
}

/** The guarantors with their 残存資産 estimates (to link guarantor workouts). */
export function useRcGuarantors(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: rechallengeKeys.guarantors(caseId),
    queryFn: () => apiGet(`${base(caseId)}/guarantors`, caseGuarantorsSchema),
    enabled,
    retry: false,
  });
}

export const addRcAdvice = (caseId: string, body: CreateRcAdviceBody) => apiPost(`${rc(caseId)}/advice`, body, created);
/** Prepares the referral; answers the hash of the sealed package (the response body is read to the end). */
export async function prepareRcReferral(caseId: string, body: PrepareRcReferralBody): Promise<string> {
  const response = await apiSend('PUT', `${rc(caseId)}/referral`, { json: body });
  return z.object({ packageHash: z.string() }).parse(await response.json()).packageHash;
}
export const giveRcConsent = (caseId: string, packageHash: string) => apiPost(`${rc(caseId)}/consent`, { packageHash });
export const revokeRcConsent = (caseId: string) => apiDelete(`${rc(caseId)}/consent`);
export const addRcProceeding = (caseId: string, body: CreateRcProceedingBody) => apiPost(`${rc(caseId)}/proceedings`, body, created);
export const updateRcProceeding = (caseId: string, id: string, body: UpdateRcProceedingBody) =>
  apiPatch(`${rc(caseId)}/proceedings/${encodeURIComponent(id)}`, body);
export const addRcConsultation = (caseId: string, body: CreateRcConsultationBody) =>
  apiPost(`${rc(caseId)}/consultations`, body, rcConsultationCreatedSchema);
/** The download address of one document version of the consented package (an attachment; every download is audited). */
export const rcPackageDocumentHref = (caseId: string, documentId: string, version: number) =>
  `${rc(caseId)}/package/documents/${encodeURIComponent(documentId)}/versions/${version}/content`;
