import { queryOptions, useQuery } from '@tanstack/react-query';
import { councilDetailSchema } from '@kasseika/contracts';
import { apiGet } from '../../../lib/api';

export function getCouncilQueryOptions(councilId: string) {
  return queryOptions({
    queryKey: ['councils', 'detail', councilId],
    queryFn: ({ signal }) => apiGet(`/api/v1/councils/${encodeURIComponent(councilId)}`, councilDetailSchema, signal),
  });
}

export function useCouncil(councilId: string) {
  return useQuery(getCouncilQueryOptions(councilId));
}
