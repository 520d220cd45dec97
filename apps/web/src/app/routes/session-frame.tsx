import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useCallback } from 'react';
import { reloadSession, rememberEmail, signOut } from '../../features/auth/api/session';
import { AccountMenu, WorkNavBar } from '../../features/auth/components/account-menu';
import { IdleTimeout } from '../../features/auth/components/idle-timeout';

/** Pages a signed-out user can stay on after the session ends (everything else goes to the sign-in page). */
const PUBLIC_PATHS = /^\/($|councils|tools|sign-in|forgot-password|reset-password|verify-email|invitations)/;

function useSessionActions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => s.location });
  const here = location.href;

  const signOutNow = useCallback(async () => {
    await signOut().catch(() => undefined);
    rememberEmail(null);
    await reloadSession(queryClient);
    await navigate({ to: '/sign-in', search: { reason: 'signedOut' } });
  }, [navigate, queryClient]);

  const expired = useCallback(
    async (reason: 'idle' | 'expired') => {
      // End the server session too (it would lapse on its own within seconds); the email stays for the sign-in form.
      if (reason === 'idle') await signOut().catch(() => undefined);
      await reloadSession(queryClient);
      const path = here.split('?')[0] ?? '/';
      await navigate({ to: '/sign-in', search: { reason, ...(PUBLIC_PATHS.test(path) ? {} : { next: here }) } });
    },
    [here, navigate, queryClient],
  );
  return { signOutNow, expired };
}

/** The header's account area (name, organisation, menu) wired to sign-out. */
export function HeaderAccount() {
  const { signOutNow } = useSessionActions();
  return <AccountMenu onSignOut={() => void signOutNow()} />;
}

/** The signed-in work menu under the header. */
export function WorkBar() {
  return <WorkNavBar />;
}

/** The idle-timeout warning of the whole app. */
export function SessionWatch() {
  const { signOutNow, expired } = useSessionActions();
  return <IdleTimeout onExpired={(reason) => void expired(reason)} onSignOut={() => void signOutNow()} />;
}
