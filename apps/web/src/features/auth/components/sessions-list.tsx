import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { accountKeys, revokeSession, signOutEverywhere, useOwnSessions } from '../api/account';
import { describeUserAgent } from './passkey-support';

/** The devices signed in to this account: end one, or sign out everywhere. */
export function SessionsList({ onSignedOutEverywhere }: { onSignedOutEverywhere: () => Promise<void> }) {
  const { t, i18n } = useTranslation('account');
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const sessions = useOwnSessions();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [busyAll, setBusyAll] = useState(false);

  const end = async (id: string) => {
    setEnding(id);
    setMessage(null);
    try {
      await revokeSession(id);
      setMessage({ tone: 'success', text: t('sessions.ended') });
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions }, { cancelRefetch: false });
    } catch (e) {
      setMessage({ tone: 'error', text: problemMessage(e, lang) });
    } finally {
      setEnding(null);
    }
  };

  const everywhere = async () => {
    setBusyAll(true);
    try {
      await signOutEverywhere();
      setConfirmAll(false);
      await onSignedOutEverywhere();
    } catch (e) {
      setConfirmAll(false);
      setMessage({ tone: 'error', text: problemMessage(e, lang) });
    } finally {
      setBusyAll(false);
    }
  };

  return (
    <div className="grid grid-cols-1 gap-4">
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorNotice onRetry={() => void sessions.refetch()} /> : null}
      {sessions.data ? (
        <ul className="grid grid-cols-1 gap-3" data-testid="session-list">
          {sessions.data.items.map((s) => (
            <li
              key={s.id}
              className="flex flex-col gap-3 rounded-12 border border-line-light p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-bold">
                  {describeUserAgent(s.userAgent, t('sessions.unknownDevice'))}
                  {s.current ? <span className="rounded-full bg-key px-2 py-0.5 text-xs text-white">{t('sessions.current')}</span> : null}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-ink-sub">
                  <dt>{t('sessions.signedInAt')}</dt>
                  <dd>{formatDateTimeJst(s.createdAt, lang)}</dd>
                  <dt>{t('sessions.lastSeen')}</dt>
                  <dd>{formatDateTimeJst(s.lastSeenAt, lang)}</dd>
                  <dt>{t('sessions.ip')}</dt>
                  <dd className="break-all">{s.ip ?? '—'}</dd>
                </dl>
              </div>
              {s.current ? null : (
                <Button variant="danger" busy={ending === s.id} onClick={() => void end(s.id)}>
                  {t('sessions.end')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="rounded-12 bg-surface-sub p-4">
        <p className="text-sm">{t('sessions.everywhereLead')}</p>
        <Button variant="danger" className="mt-3" onClick={() => setConfirmAll(true)}>
          {t('sessions.everywhere')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmAll}
        title={t('sessions.everywhereConfirmTitle')}
        confirmLabel={t('sessions.everywhere')}
        cancelLabel={t('sessions.cancel')}
        danger
        busy={busyAll}
        onCancel={() => setConfirmAll(false)}
        onConfirm={() => void everywhere()}
      >
        <p>{t('sessions.everywhereConfirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
