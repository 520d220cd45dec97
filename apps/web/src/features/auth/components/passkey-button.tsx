import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { KeyIcon } from '../../../components/ui/icons';
import { Notice } from '../../../components/ui/notice';
import { langOf } from '../../../lib/form-errors';
import { signInWithPasskey } from '../api/sign-in';
import { browserSupportsWebAuthn, passkeyErrorMessage } from './passkey-support';

/**
 * "Sign in with a passkey": passwordless on the sign-in page, or the second factor on the verification page
 * (the server decides by the session). Failures and cancellations are explained next to the button.
 */
export function PasskeySignInButton({
  label,
  onSignedIn,
  variant = 'secondary',
}: {
  label: string;
  onSignedIn: () => Promise<void>;
  variant?: 'primary' | 'secondary';
}) {
  const { t, i18n } = useTranslation('auth');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supported = browserSupportsWebAuthn();

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await signInWithPasskey();
      await onSignedIn();
    } catch (e) {
      setError(passkeyErrorMessage(e, t, langOf(i18n.language)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button variant={variant} busy={busy} disabled={!supported} onClick={() => void run()} className="w-full">
        <KeyIcon />
        {label}
      </Button>
      {!supported ? <p className="mt-2 text-sm text-ink-sub">{t('passkey.unsupported')}</p> : null}
      {error ? (
        <Notice tone="error" title={error} className="mt-3">
          <p className="text-sm">{t('passkey.retryHint')}</p>
        </Notice>
      ) : null}
    </div>
  );
}
