import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { secondFactorBodySchema, type SessionStatus } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { verifySecondFactor } from '../api/sign-in';
import { PasskeySignInButton } from './passkey-button';

type Method = 'totp' | 'recovery_code';

interface Values {
  code: string;
}

/** 全角 digits and spaces are accepted as typed. */
const normalizeCode = (code: string) => code.normalize('NFKC').replace(/\s/g, '');

/**
 * Step 2 of signing in: the authenticator app's code, a passkey, or a recovery code. A wrong or reused code is
 * explained next to the field and stays selected for retyping.
 */
export function SecondFactorForm({
  secondFactor,
  onSignedIn,
  onRestart,
}: {
  secondFactor: SessionStatus['secondFactor'];
  onSignedIn: () => Promise<void>;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const hasTotp = secondFactor?.totpEnabled ?? false;
  const hasPasskey = (secondFactor?.passkeys ?? 0) > 0;
  const [method, setMethod] = useState<Method>(hasTotp ? 'totp' : 'recovery_code');
  const [formError, setFormError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof secondFactorBodySchema>>({
    defaultValues: { code: '' },
    resolver: contractResolver(secondFactorBodySchema, (v: Values) => ({ method, code: normalizeCode(v.code) })),
  });
  const { register, handleSubmit, formState, setError, setFocus, reset } = form;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await verifySecondFactor(values);
      await onSignedIn();
    } catch (error) {
      const code = problemCode(error);
      if (code === 'SECOND_FACTOR_INVALID') {
        setError('code', { type: 'server', message: method === 'totp' ? t('verify.totpInvalid') : t('verify.recoveryInvalid') });
        setFocus('code', { shouldSelect: true });
      } else if (code === 'UNAUTHENTICATED') {
        setExpired(true);
      } else if (code === 'VALIDATION_FAILED') {
        setFormError(applyProblemToForm(error, setError, ['code'], lang));
      } else {
        setFormError(problemMessage(error, lang));
      }
    }
  });

  if (expired) {
    return (
      <Notice tone="warning" title={t('verify.expiredTitle')}>
        <p>{t('verify.expiredBody')}</p>
        <Button className="mt-3" onClick={onRestart}>
          {t('verify.restart')}
        </Button>
      </Notice>
    );
  }

  const switchTo = (next: Method) => {
    setMethod(next);
    setFormError(null);
    reset({ code: '' });
    window.setTimeout(() => setFocus('code'), 0);
  };

  return (
    <div className="grid grid-cols-1 gap-6">
      {hasPasskey ? (
        <section aria-labelledby="verify-passkey" className="rounded-12 border border-line-light p-4">
          <h2 id="verify-passkey" className="text-lg">
            {t('verify.passkeyHeading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('verify.passkeyLead')}</p>
          <div className="mt-3">
            <PasskeySignInButton label={t('verify.passkeyButton')} onSignedIn={onSignedIn} variant={hasTotp ? 'secondary' : 'primary'} />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="verify-code" className="rounded-12 border border-line-light p-4">
        <h2 id="verify-code" className="text-lg">
          {method === 'totp' ? t('verify.totpHeading') : t('verify.recoveryHeading')}
        </h2>
        <form onSubmit={(e) => void submit(e)} noValidate className="mt-3 grid gap-4">
          {formError ? <Notice tone="error" title={formError} /> : null}
          <TextField
            key={method}
            label={method === 'totp' ? t('verify.totpLabel') : t('verify.recoveryLabel')}
            hint={method === 'totp' ? t('verify.totpHint') : t('verify.recoveryHint')}
            inputMode={method === 'totp' ? 'numeric' : 'text'}
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            required
            registration={register('code')}
            error={fieldMessage(formState.errors.code?.message, lang)}
            className="max-w-xs font-mono text-lg tracking-widest"
          />
          <div>
            <Button type="submit" busy={formState.isSubmitting}>
              {t('verify.submit')}
            </Button>
          </div>
        </form>
        <div className="mt-4 border-t border-line-light pt-3 text-sm">
          {method === 'totp' ? (
            <button
              type="button"
              className="min-h-11 font-bold text-key underline underline-offset-4"
              onClick={() => switchTo('recovery_code')}
            >
              {t('verify.useRecovery')}
            </button>
          ) : hasTotp ? (
            <button type="button" className="min-h-11 font-bold text-key underline underline-offset-4" onClick={() => switchTo('totp')}>
              {t('verify.useTotp')}
            </button>
          ) : null}
        </div>
      </section>
    </div>
  );
}
