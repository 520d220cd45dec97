import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStatusSchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { apiPost, onApiResponse } from '../../../lib/api';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { SESSION_KEY, rememberEmail, sessionQueryOptions, useSession } from '../api/session';

/**
 * The server touches a session's last activity at most every 30 s, so the client counts from 30 s before its own
 * last request: the warning may come a little early, never late.
 */
const TOUCH_SLACK_MS = 30_000;
const CHANNEL = 'kasseika.activity';

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The idle-timeout warning. Every API answer (in this tab or another tab of the site) restarts the count; the
 * warning opens `warnBeforeSeconds` before the server would end the session, as an alert dialog with a countdown,
 * "extend" (Esc does the same) and "sign out". When time runs out, `onExpired('idle')`; when an API call finds the
 * session gone (signed out elsewhere, absolute limit), `onExpired('expired')`. The count uses the browser's clock
 * only relative to its own requests, so a wrong PC clock does not matter.
 */
export function IdleTimeout({ onExpired, onSignOut }: { onExpired: (reason: 'idle' | 'expired') => void; onSignOut: () => void }) {
  const { t, i18n } = useTranslation('auth');
  const id = useId();
  const queryClient = useQueryClient();
  const sessionQuery = useSession();
  const session = sessionQuery.data;
  const active = session?.state === 'active';
  const idleMs = (session?.idleTimeoutSeconds ?? 1800) * 1000;
  const warnMs = (session?.warnBeforeSeconds ?? 300) * 1000;
  // The last activity: the latest API answer seen here or in another tab, or the session's own last fetch.
  const [lastActivity, setLastActivity] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const deadline = active ? Math.max(lastActivity, sessionQuery.dataUpdatedAt) + idleMs - TOUCH_SLACK_MS : null;
  const warning = deadline !== null && now >= deadline - warnMs;
  const [extendError, setExtendError] = useState<string | null>(null);
  const [extending, setExtending] = useState(false);
  const extendRef = useRef<HTMLButtonElement>(null);
  const expiredRef = useRef(onExpired);
  useEffect(() => {
    expiredRef.current = onExpired;
  });

  const email = session?.user?.email ?? null;
  useEffect(() => {
    if (active && email) rememberEmail(email);
  }, [active, email]);

  // Every API answer restarts the count (and tells the other tabs); a lost session is confirmed, then left.
  useEffect(() => {
    if (!active) return;
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (channel) channel.onmessage = () => setLastActivity(Date.now());
    const unsubscribe = onApiResponse((event) => {
      if (event.status === 401) {
        // The session is gone (ended on another device, disabled account, absolute limit): confirm, then leave.
        if (event.code === 'UNAUTHENTICATED' || event.code === 'SECOND_FACTOR_REQUIRED') {
          void queryClient.query({ ...sessionQueryOptions(), staleTime: 0 }).then((s) => {
            if (s.state !== 'active') expiredRef.current('expired');
          });
        }
        return;
      }
      if (event.status >= 500) return;
      setLastActivity(Date.now());
      channel?.postMessage('activity');
    });
    return () => {
      unsubscribe();
      channel?.close();
    };
  }, [active, queryClient]);

  // Wake up when the warning is due and when time is up; tick every second while the warning is open.
  useEffect(() => {
    if (deadline === null) return;
    const warnTimer = window.setTimeout(() => setNow(Date.now()), Math.max(0, deadline - warnMs - Date.now()));
    const expireTimer = window.setTimeout(() => expiredRef.current('idle'), Math.max(0, deadline - Date.now()));
    return () => {
      window.clearTimeout(warnTimer);
      window.clearTimeout(expireTimer);
    };
  }, [deadline, warnMs]);
  useEffect(() => {
    if (!warning) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [warning]);

  const extend = async () => {
    setExtending(true);
    setExtendError(null);
    try {
      const status = await apiPost('/api/v1/auth/session/extend', {}, sessionStatusSchema);
      queryClient.setQueryData(SESSION_KEY, status);
    } catch (e) {
      setExtendError(problemMessage(e, langOf(i18n.language)));
    } finally {
      setExtending(false);
    }
  };

  const remaining = deadline === null ? 0 : deadline - now;
  const minutes = Math.ceil(remaining / 60_000);
  const seconds = Math.max(0, Math.ceil(remaining / 1000));
  // Announced politely once a minute, then at 30 and 10 seconds (not every second).
  const announcement =
    seconds > 60
      ? t('idle.remainingMinutes', { count: minutes })
      : seconds > 30
        ? t('idle.remainingMinutes', { count: 1 })
        : seconds > 10
          ? t('idle.remainingSeconds', { count: 30 })
          : t('idle.remainingSeconds', { count: 10 });

  return (
    <ModalDialog
      open={warning}
      onEscape={() => void extend()}
      role="alertdialog"
      titleId={`${id}-title`}
      descriptionId={`${id}-desc`}
      initialFocus={extendRef}
      testId="idle-warning"
    >
      <h2 id={`${id}-title`} className="text-xl">
        {t('idle.title')}
      </h2>
      <div id={`${id}-desc`} className="mt-3 grid gap-2">
        <p>{t('idle.body')}</p>
        <p className="text-sm text-ink-sub">{t('idle.keepWork')}</p>
      </div>
      <p className="mt-4 text-center">
        <span className="block text-sm font-bold text-ink-sub">{t('idle.remainingLabel')}</span>
        <span role="timer" aria-hidden="true" className="font-mono text-4xl font-bold tabular-nums text-key" data-testid="idle-countdown">
          {formatRemaining(remaining)}
        </span>
      </p>
      <p aria-live="polite" className="sr-only">
        {warning ? announcement : ''}
      </p>
      {extendError ? <Notice tone="error" title={extendError} className="mt-3" /> : null}
      <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:justify-end">
        <button
          type="button"
          onClick={onSignOut}
          className="min-h-11 rounded-8 border-2 border-key bg-surface px-5 font-bold text-key hover:bg-key-light"
        >
          {t('idle.signOut')}
        </button>
        <Button ref={extendRef} busy={extending} onClick={() => void extend()}>
          {t('idle.extend')}
        </Button>
      </div>
    </ModalDialog>
  );
}
