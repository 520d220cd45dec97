import { useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { z } from 'zod';
import { newPasswordSchema, passwordResetRequestBodySchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { completePasswordReset, requestPasswordReset } from '../api/sign-in';

/** "Forgot your password": the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ initialEmail }: { initialEmail: string }) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ email: string }>({
    defaultValues: { email: initialEmail },
    resolver: contractResolver(passwordResetRequestBodySchema),
  });
  const { register, handleSubmit, formState, setError } = form;

  const submit = handleSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await requestPasswordReset(email);
      setSentTo(email);
    } catch (error) {
      setFormError(
        problemCode(error) === 'VALIDATION_FAILED' ? applyProblemToForm(error, setError, ['email'], lang) : problemMessage(error, lang),
      );
    }
  });

  if (sentTo) {
    return (
      <Notice tone="success" title={t('forgot.sentTitle')}>
        <p>{t('forgot.sentBody', { email: sentTo })}</p>
        <p className="mt-3">
          <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-5">
      {formError ? <Notice tone="error" title={formError} /> : null}
      <TextField
        label={t('signIn.email')}
        hint={t('forgot.emailHint')}
        type="email"
        autoComplete="username"
        required
        registration={register('email')}
        error={fieldMessage(formState.errors.email?.message, lang)}
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button type="submit" busy={formState.isSubmitting}>
          {t('forgot.submit')}
        </Button>
        <Link to="/sign-in" className="inline-flex min-h-11 items-center">
          {t('forgot.backToSignIn')}
        </Link>
      </div>
    </form>
  );
}

export const MATCH_KEY = 'password.mismatch';

/** A new password typed twice (the server checks length and guessability; the form checks the two match). */
export const newPasswordFormSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: MATCH_KEY });

export function NewPasswordFields({
  password,
  confirm,
  errors,
  lang,
}: {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  errors: { password?: string | undefined; confirm?: string | undefined };
  lang: 'ja' | 'en';
}) {
  const { t } = useTranslation('auth');
  const [show, setShow] = useState(false);
  const message = (m: string | undefined) => (m === MATCH_KEY ? t('password.mismatch') : fieldMessage(m, lang));
  return (
    <div className="grid grid-cols-1 gap-5">
      <TextField
        label={t('password.new')}
        hint={t('password.policy')}
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        required
        registration={password}
        error={message(errors.password)}
      />
      <TextField
        label={t('password.confirm')}
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        required
        registration={confirm}
        error={message(errors.confirm)}
      />
      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="size-5 accent-key" />
        {t('signIn.showPassword')}
      </label>
    </div>
  );
}

/** Setting a new password with the emailed token (read from the fragment by the page). */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<{ title: string; invalidLink: boolean } | null>(null);
  const form = useForm<{ password: string; confirm: string }>({
    defaultValues: { password: '', confirm: '' },
    resolver: contractResolver(newPasswordFormSchema),
  });
  const { handleSubmit, formState, setError, register } = form;

  const submit = handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await completePasswordReset({ token, password });
      setDone(true);
    } catch (error) {
      const code = problemCode(error);
      if (code === 'TOKEN_INVALID') setFormError({ title: problemMessage(error, lang), invalidLink: true });
      else if (code === 'VALIDATION_FAILED') {
        const rest = applyProblemToForm(error, setError, ['password'], lang);
        setFormError(rest ? { title: rest, invalidLink: false } : null);
      } else setFormError({ title: problemMessage(error, lang), invalidLink: false });
    }
  });

  if (done) {
    return (
      <Notice tone="success" title={t('reset.doneTitle')}>
        <p>{t('reset.doneBody')}</p>
        <p className="mt-3">
          <Link to="/sign-in">{t('reset.signIn')}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-5">
      {formError ? (
        <Notice tone="error" title={formError.title}>
          {formError.invalidLink ? (
            <p>
              <Link to="/forgot-password">{t('reset.requestAgain')}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <NewPasswordFields
        password={register('password')}
        confirm={register('confirm')}
        errors={{ password: formState.errors.password?.message, confirm: formState.errors.confirm?.message }}
        lang={lang}
      />
      <div>
        <Button type="submit" busy={formState.isSubmitting}>
          {t('reset.submit')}
        </Button>
      </div>
    </form>
  );
}
