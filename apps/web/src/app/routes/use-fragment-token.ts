import { useEffect, useState } from 'react';
import { tokenFromFragment } from '../../features/auth/api/sign-in';

/**
 * The token of an emailed link, from the URL fragment (`#token=…`, which browsers never send to the server). It
 * is removed from the address bar at once so it does not stay in the history; `fallback` supplies a token kept
 * across a detour (an invitation accepted after signing in).
 */
export function useFragmentToken(fallback?: () => string | null): string | null {
  const [token] = useState(() => tokenFromFragment(window.location.hash) ?? fallback?.() ?? null);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}
