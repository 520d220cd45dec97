import { useQuery } from '@tanstack/react-query';
import { caseStatementsSchema, type CaseStatements, type SaveCaseStatementsBody } from '@kasseika/contracts';
import { apiGet, apiSend } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const caseStatementsKey = (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'statements'] as const;

const path = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/financial-statements`;

/** The latest revision of the company's statements on a case (every read is audited on the server). */
export function useCaseStatements(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseStatementsKey(caseId),
    queryFn: () => apiGet(path(caseId), caseStatementsSchema),
    enabled,
    retry: false,
    // Typing must never be overwritten by a background refetch: the page reloads only after a save.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Saves the statements as a new revision (422 lists every cell to fix; 409 when someone saved meanwhile). */
export async function saveCaseStatements(caseId: string, body: SaveCaseStatementsBody): Promise<CaseStatements> {
  const response = await apiSend('PUT', path(caseId), { json: body });
  return caseStatementsSchema.parse(await response.json());
}
