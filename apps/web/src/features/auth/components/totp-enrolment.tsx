import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { totpConfirmBodySchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { confirmTotp } from '../api/account';

type TotpSetup = { secret: string; otpauthUrl: string; qrSvg: string };

/**
 * Registering an authenticator app: the QR code (an SVG in a data: image — the CSP allows no inline markup), the
 * secret for typing in by hand, and the first code to confirm. Resolves with the new recovery codes.
 */
export function TotpEnrolment({ setup, onConfirmed }: { setup: TotpSetup; onConfirmed: (recoveryCodes: string[]) => void }) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ code: string }>({
    defaultValues: { code: '' },
    resolver: contractResolver(totpConfirmBodySchema, (v: { code: string }) => ({ code: v.code.normalize('NFKC').replace(/\s/g, '') })),
  });
  const { register, handleSubmit, formState, setError, setFocus } = form;
  const grouped = setup.secret.match(/.{1,4}/g)?.join(' ') ?? setup.secret;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await confirmTotp(values.code);
      onConfirmed(result.recoveryCodes);
    } catch (error) {
      if (problemCode(error) === 'SECOND_FACTOR_INVALID') {
        setError('code', { type: 'server', message: t('enrol.totpCodeInvalid') });
        setFocus('code', { shouldSelect: true });
      } else {
        setFormError(problemMessage(error, lang));
      }
    }
  });

  return (
    <div className="grid grid-cols-1 gap-5">
      <ol className="grid list-decimal gap-2 pl-6">
        <li>{t('enrol.totpStep1')}</li>
        <li>{t('enrol.totpStep2')}</li>
        <li>{t('enrol.totpStep3')}</li>
      </ol>
      <div className="grid items-start gap-5 sm:grid-cols-[auto_1fr]">
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
          alt={t('enrol.qrAlt')}
          width={200}
          height={200}
          className="size-48 rounded-8 border border-line bg-white p-2"
        />
        <div>
          <h3 id={`${id}-secret`} className="text-base font-bold">
            {t('enrol.secretHeading')}
          </h3>
          <p className="mt-1 text-sm text-ink-sub">{t('enrol.secretHint')}</p>
          <p
            aria-labelledby={`${id}-secret`}
            className="mt-2 break-all rounded-8 bg-surface-sub p-3 font-mono text-lg tracking-wide"
            data-testid="totp-secret"
            lang="en"
          >
            {grouped}
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-ink-sub">
            <dt>{t('enrol.secretType')}</dt>
            <dd>{t('enrol.secretTypeValue')}</dd>
          </dl>
        </div>
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-4">
        {formError ? <Notice tone="error" title={formError} /> : null}
        <TextField
          label={t('enrol.totpCodeLabel')}
          hint={t('enrol.totpCodeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          registration={register('code')}
          error={fieldMessage(formState.errors.code?.message, lang)}
          className="max-w-xs font-mono text-lg tracking-widest"
        />
        <div>
          <Button type="submit" busy={formState.isSubmitting}>
            {t('enrol.totpConfirm')}
          </Button>
        </div>
      </form>
    </div>
  );
}
