import { queryOptions, useQuery } from '@tanstack/react-query';
import { councilListSchema, type CouncilSearchQuery } from '@kasseika/contracts';
import { apiGet, toQueryString } from '../../../lib/api';

export function getCouncilsQueryOptions(query: CouncilSearchQuery) {
  return queryOptions({
    queryKey: ['councils', query],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/councils${toQueryString({ q: query.q, prefecture: query.prefecture, postalCode: query.postalCode, city: query.city })}`,
        councilListSchema,
        signal,
      ),
  });
}

export function useCouncils(query: CouncilSearchQuery) {
  return useQuery(getCouncilsQueryOptions(query));
}
