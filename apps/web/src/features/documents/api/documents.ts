import { useQuery } from '@tanstack/react-query';
import { documentListSchema, documentSchema } from '@kasseika/contracts';
import { apiGet, apiSend } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const caseDocumentsKey = (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'documents'] as const;

export function useCaseDocuments(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseDocumentsKey(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/documents`, documentListSchema),
    enabled,
    retry: false,
  });
}

/** Uploads a typed document: the fields first, then the file (the server reads them in that order). */
export async function uploadDocument(caseId: string, fields: { docType: string; title: string; visibility: string }, file: File) {
  const form = new FormData();
  form.append('docType', fields.docType);
  form.append('title', fields.title);
  form.append('visibility', fields.visibility);
  form.append('file', file);
  const response = await apiSend('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/documents`, { form });
  return documentSchema.parse(await response.json());
}

export async function addDocumentVersion(caseId: string, documentId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  const response = await apiSend(
    'POST',
    `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/versions`,
    {
      form,
    },
  );
  return documentSchema.parse(await response.json());
}

/** The download address of one version (served as an attachment, never inline; every download is audited). */
export function versionHref(caseId: string, documentId: string, version: number): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/versions/${version}/content`;
}
