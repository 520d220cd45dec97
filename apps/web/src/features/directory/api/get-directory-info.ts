import { queryOptions, useQuery } from '@tanstack/react-query';
import { directoryInfoSchema } from '@kasseika/contracts';
import { apiGet } from '../../../lib/api';

export const directoryInfoQueryOptions = queryOptions({
  queryKey: ['directory', 'info'],
  queryFn: ({ signal }) => apiGet('/api/v1/directory', directoryInfoSchema, signal),
  staleTime: 10 * 60_000,
});

export function useDirectoryInfo() {
  return useQuery(directoryInfoQueryOptions);
}
