import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { passkeyLabelSchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { KeyIcon } from '../../../components/ui/icons';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { contractResolver, fieldMessage, langOf } from '../../../lib/form-errors';
import { browserSupportsWebAuthn, guessDeviceLabel, passkeyErrorMessage } from './passkey-support';

const labelForm = z.strictObject({ label: passkeyLabelSchema });

/**
 * Registering a passkey on this device: a name to recognise it by, then the browser's own dialog (fingerprint,
 * face, PIN or a security key). `register` runs the ceremony (wrapped in a step-up on the account page).
 */
export function PasskeyEnrolment({
  register: registerPasskey,
  onRegistered,
  submitLabel,
}: {
  register: (label: string) => Promise<void>;
  onRegistered?: () => void;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [error, setError] = useState<string | null>(null);
  const supported = browserSupportsWebAuthn();
  const form = useForm<{ label: string }>({
    defaultValues: { label: guessDeviceLabel(navigator.userAgent, t('passkey.defaultLabel')) },
    resolver: contractResolver(labelForm),
  });
  const { register, handleSubmit, formState } = form;

  const submit = handleSubmit(async ({ label }) => {
    setError(null);
    try {
      await registerPasskey(label);
      onRegistered?.();
    } catch (e) {
      if (e instanceof Error && e.name === 'StepUpCancelled') return;
      setError(passkeyErrorMessage(e, t, lang));
    }
  });

  if (!supported) return <Notice tone="warning" title={t('passkey.unsupported')} />;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-4">
      {error ? (
        <Notice tone="error" title={error}>
          <p className="text-sm">{t('passkey.retryHint')}</p>
        </Notice>
      ) : null}
      <TextField
        label={t('passkey.labelLabel')}
        hint={t('passkey.labelHint')}
        required
        maxLength={60}
        registration={register('label')}
        error={fieldMessage(formState.errors.label?.message, lang)}
      />
      <div>
        <Button type="submit" busy={formState.isSubmitting}>
          <KeyIcon />
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
