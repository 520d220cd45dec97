import type { QueryClient } from '@tanstack/react-query';

/**
 * Queries of one signed-in user's data (cases, members, account) start with this key, so that signing in, out or
 * as someone else drops all of them at once and nothing of the previous user is ever shown. (Their fetches take no
 * abort signal: a request still under way when they are dropped completes and is ignored, instead of being torn
 * down mid-flight.)
 */
export const PRIVATE = 'private' as const;

export function clearPrivateQueries(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: [PRIVATE] });
}
