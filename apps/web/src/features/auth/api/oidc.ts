import { queryOptions, useQuery } from '@tanstack/react-query';
import { oidcConfigSchema } from '@kasseika/contracts';
import { apiGet, toQueryString } from '../../../lib/api';

/** Whether companies can sign in with the configured OpenID Connect provider (gBizID-compatible). */
export function oidcConfigQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'oidc-config'],
    queryFn: ({ signal }) => apiGet('/api/v1/auth/oidc/config', oidcConfigSchema, signal),
    staleTime: 10 * 60_000,
  });
}

export function useOidcConfig() {
  return useQuery(oidcConfigQueryOptions());
}

/** The server route that sends the browser to the provider (a full navigation, not an API call). */
export function oidcStartHref(next: string | undefined): string {
  return `/api/v1/auth/oidc/start${toQueryString({ next })}`;
}
