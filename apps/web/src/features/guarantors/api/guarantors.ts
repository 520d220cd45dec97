import { useQuery } from '@tanstack/react-query';
import { caseGuaranteesKey } from './keys';
import { caseGuarantorsSchema, type GuarantorInput } from '@kasseika/contracts';
import { apiGet, apiSend } from '../../../lib/api';

export function useCaseGuarantors(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseGuaranteesKey(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/guarantors`, caseGuarantorsSchema),
    enabled,
    retry: false,
  });
}

/** Saves the whole list as a new revision (409 when someone saved meanwhile). */
export async function saveCaseGuarantors(caseId: string, guarantors: readonly GuarantorInput[], expectedRevision: number | null) {
  const response = await apiSend('PUT', `/api/v1/cases/${encodeURIComponent(caseId)}/guarantors`, {
    json: { guarantors, expectedRevision },
  });
  return caseGuarantorsSchema.parse(await response.json());
}
