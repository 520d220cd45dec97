import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { accountKeys, registerPasskey, removePasskey, removeTotp, startTotpSetup, usePasskeys } from '../api/account';
import { SESSION_KEY } from '../api/session';
import { PasskeyEnrolment } from './passkey-enrolment';
import { RecoveryCodes } from './recovery-codes';
import { StepUpCancelled, useStepUp } from './step-up';
import { TotpEnrolment } from './totp-enrolment';

type TotpSetup = { secret: string; otpauthUrl: string; qrSvg: string };

const CARD = 'rounded-12 border border-line-light p-4 md:p-5';

function StatusBadge({ on, label }: { on: boolean; label: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-3 py-0.5 text-sm font-bold ${on ? 'bg-key-light text-key' : 'bg-surface-sub text-ink-sub'}`}
    >
      <span aria-hidden="true">{on ? '✓' : '–'}</span>
      {label}
    </span>
  );
}

/**
 * 2-step verification settings: the authenticator app, recovery codes and passkeys. Every change that weakens or
 * replaces a factor runs through the step-up prompt; the last second factor cannot be removed.
 */
export function TwoStepSettings({ session }: { session: SessionStatus }) {
  const { t, i18n } = useTranslation('account');
  const lang = langOf(i18n.language);
  const queryClient = useQueryClient();
  const withStepUp = useStepUp();
  const passkeys = usePasskeys();
  const factors = session.secondFactor ?? { totpEnabled: false, passkeys: 0, recoveryCodesRemaining: 0 };
  const [totpSetup, setTotpSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'totp' } | { kind: 'passkey'; id: string; label: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: SESSION_KEY }, { cancelRefetch: false }),
      queryClient.invalidateQueries({ queryKey: accountKeys.passkeys }, { cancelRefetch: false }),
    ]);
  };

  const run = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (e) {
      if (!(e instanceof StepUpCancelled)) setMessage({ tone: 'error', text: problemMessage(e, lang) });
    }
  };

  const beginTotp = () =>
    void run(async () => {
      setTotpSetup(await withStepUp(startTotpSetup));
    });

  const confirmRemoval = () => {
    const target = confirm;
    if (!target) return;
    setBusy(true);
    void run(async () => {
      try {
        if (target.kind === 'totp') await withStepUp(removeTotp);
        else await withStepUp(() => removePasskey(target.id));
        setMessage({
          tone: 'success',
          text: target.kind === 'totp' ? t('twoStep.totpRemoved') : t('twoStep.passkeyRemoved', { label: target.label }),
        });
        await refresh();
      } finally {
        setConfirm(null);
        setBusy(false);
      }
    });
  };

  if (codes) {
    return (
      <div className={CARD}>
        <RecoveryCodes
          codes={codes}
          continueLabel={t('twoStep.backToSettings')}
          onContinue={() => {
            setCodes(null);
            void refresh();
          }}
        />
      </div>
    );
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      {message ? <Notice tone={message.tone} title={message.text} /> : null}

      <section aria-labelledby="totp-heading" className={CARD}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="totp-heading" className="text-lg">
            {t('twoStep.totpHeading')}
          </h3>
          <StatusBadge on={factors.totpEnabled} label={factors.totpEnabled ? t('twoStep.on') : t('twoStep.off')} />
        </div>
        <p className="mt-1 text-sm text-ink-sub">{t('twoStep.totpLead')}</p>
        {totpSetup ? (
          <div className="mt-4">
            <TotpEnrolment
              setup={totpSetup}
              onConfirmed={(newCodes) => {
                setTotpSetup(null);
                setCodes(newCodes);
              }}
            />
            <Button variant="text" className="mt-2" onClick={() => setTotpSetup(null)}>
              {t('twoStep.cancel')}
            </Button>
          </div>
        ) : (
          <div className="mt-3 flex flex-wrap gap-3">
            <Button variant={factors.totpEnabled ? 'secondary' : 'primary'} onClick={beginTotp}>
              {factors.totpEnabled ? t('twoStep.totpReplace') : t('twoStep.totpSetUp')}
            </Button>
            {factors.totpEnabled ? (
              <Button
                variant="danger"
                disabled={factors.passkeys === 0}
                aria-describedby={factors.passkeys === 0 ? 'totp-remove-note' : undefined}
                onClick={() => setConfirm({ kind: 'totp' })}
              >
                {t('twoStep.totpRemove')}
              </Button>
            ) : null}
          </div>
        )}
        {factors.totpEnabled && factors.passkeys === 0 && !totpSetup ? (
          <p id="totp-remove-note" className="mt-2 text-sm text-ink-sub">
            {t('twoStep.totpRemoveNeedsPasskey')}
          </p>
        ) : null}
        <div className="mt-4 border-t border-line-light pt-3">
          <p>
            <span className="font-bold">{t('twoStep.recoveryHeading')}</span>{' '}
            <span data-testid="recovery-remaining">{t('twoStep.recoveryRemaining', { count: factors.recoveryCodesRemaining })}</span>
          </p>
          {factors.recoveryCodesRemaining <= 3 ? (
            <p className="mt-1 text-sm font-bold text-error">⚠ {t('twoStep.recoveryLow')}</p>
          ) : (
            <p className="mt-1 text-sm text-ink-sub">{t('twoStep.recoveryHint')}</p>
          )}
        </div>
      </section>

      <section aria-labelledby="passkeys-heading" className={CARD}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="passkeys-heading" className="text-lg">
            {t('twoStep.passkeysHeading')}
          </h3>
          <StatusBadge on={factors.passkeys > 0} label={t('twoStep.passkeyCount', { count: factors.passkeys })} />
        </div>
        <p className="mt-1 text-sm text-ink-sub">{t('twoStep.passkeysLead')}</p>
        {passkeys.isPending ? <Loading /> : null}
        {passkeys.isError ? <ErrorNotice onRetry={() => void passkeys.refetch()} /> : null}
        {passkeys.data && passkeys.data.items.length > 0 ? (
          <ul className="mt-3 divide-y divide-line-light rounded-8 border border-line-light" data-testid="passkey-list">
            {passkeys.data.items.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-bold">{p.label}</p>
                  <p className="text-sm text-ink-sub">
                    {t('twoStep.passkeyCreated', { at: formatDateTimeJst(p.createdAt, lang) })}
                    {' · '}
                    {p.lastUsedAt ? t('twoStep.passkeyUsed', { at: formatDateTimeJst(p.lastUsedAt, lang) }) : t('twoStep.passkeyNeverUsed')}
                    {p.deviceType === 'multiDevice' ? ` · ${t('twoStep.synced')}` : ''}
                  </p>
                </div>
                <Button
                  variant="danger"
                  onClick={() => setConfirm({ kind: 'passkey', id: p.id, label: p.label })}
                  aria-label={t('twoStep.passkeyRemoveNamed', { label: p.label })}
                >
                  {t('twoStep.passkeyRemove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        {adding ? (
          <div className="mt-4 rounded-8 bg-surface-sub p-4">
            <PasskeyEnrolment
              submitLabel={t('twoStep.passkeyAddSubmit')}
              register={async (label) => {
                const result = await withStepUp(() => registerPasskey(label));
                setAdding(false);
                setMessage({ tone: 'success', text: t('twoStep.passkeyAdded', { label: result.passkey.label }) });
                if (result.recoveryCodes) setCodes(result.recoveryCodes);
                await refresh();
              }}
            />
            <Button variant="text" className="mt-2" onClick={() => setAdding(false)}>
              {t('twoStep.cancel')}
            </Button>
          </div>
        ) : (
          <div className="mt-3">
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t('twoStep.passkeyAdd')}
            </Button>
          </div>
        )}
      </section>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'totp' ? t('twoStep.totpRemoveConfirmTitle') : t('twoStep.passkeyRemoveConfirmTitle')}
        confirmLabel={t('twoStep.remove')}
        cancelLabel={t('twoStep.cancel')}
        danger
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={confirmRemoval}
      >
        <p>
          {confirm?.kind === 'passkey'
            ? t('twoStep.passkeyRemoveConfirmBody', { label: confirm.label })
            : t('twoStep.totpRemoveConfirmBody')}
        </p>
      </ConfirmDialog>
    </div>
  );
}
