import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { doneSchema, sessionStatusSchema, type SessionStatus } from '@kasseika/contracts';
import { apiGet, apiPost, setCsrfTokenSource } from '../../../lib/api';
import { clearPrivateQueries } from '../../../lib/private-query';
import { forgetAllDrafts } from '../../../lib/form-draft';

export const SESSION_KEY = ['auth', 'session'] as const;

/** GET /api/v1/auth/session: who is signed in, the CSRF token, expiry and the abilities menus are built from. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => apiGet('/api/v1/auth/session', sessionStatusSchema, signal),
    staleTime: 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** State-changing requests take their CSRF token from the session query (refetched once when refused). */
export function connectCsrfToSession(queryClient: QueryClient): void {
  setCsrfTokenSource({
    current: async () => (await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' })).csrfToken,
    refresh: async () => (await queryClient.query({ ...sessionQueryOptions(), staleTime: 0 })).csrfToken,
  });
}

/** After the identity changed (signed in, out, or the session ended): drop private data and reload the session. */
export async function reloadSession(queryClient: QueryClient): Promise<SessionStatus> {
  clearPrivateQueries(queryClient);
  return queryClient.query({ ...sessionQueryOptions(), staleTime: 0 });
}

/** The email of the last signed-in user of this tab, so that the sign-in form keeps it after a timeout. */
const LAST_EMAIL_KEY = 'kasseika.lastEmail';

export function rememberEmail(email: string | null): void {
  try {
    if (email) window.sessionStorage.setItem(LAST_EMAIL_KEY, email);
    else window.sessionStorage.removeItem(LAST_EMAIL_KEY);
  } catch {
    /* storage unavailable */
  }
}

export function rememberedEmail(): string {
  try {
    return window.sessionStorage.getItem(LAST_EMAIL_KEY) ?? '';
  } catch {
    return '';
  }
}

export function signOut(): Promise<unknown> {
  return apiPost('/api/v1/auth/sign-out', {}, doneSchema);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: async () => {
      rememberEmail(null);
      forgetAllDrafts();
      await reloadSession(queryClient);
    },
  });
}

/** The signed-in user's council (for council administration), from the memberships. */
export function councilSlugOf(session: SessionStatus | undefined): string | null {
  return session?.memberships.find((m) => m.organizationKind === 'council')?.councilSlug ?? null;
}

/** Where to go after signing in: the requested page, else the user's work list, else the account page. */
export function landingPath(session: SessionStatus, next: string | undefined): string {
  if (next) return next;
  return session.abilities['cases.list'] ? '/cases' : '/account';
}

/** Only same-site paths are accepted as a return address (no open redirects). */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/^\/sign-in(\/|$|\?)/.test(value)) return undefined;
  return value.slice(0, 500);
}
