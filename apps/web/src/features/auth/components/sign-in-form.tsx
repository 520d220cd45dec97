import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { signInBodySchema } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { applyProblemToForm, contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { signInWithPassword } from '../api/sign-in';

interface Values {
  email: string;
  password: string;
}

/**
 * Step 1: email and password. What was typed stays on error (the password is cleared only when it was wrong);
 * wrong credentials get one message that does not say which part was wrong.
 */
export function SignInForm({
  initialEmail,
  onPasswordAccepted,
}: {
  initialEmail: string;
  onPasswordAccepted: (state: 'pending_mfa' | 'enrol_mfa' | 'active') => Promise<void>;
}) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [formError, setFormError] = useState<{ title: string; hint?: string } | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const form = useForm<Values>({
    defaultValues: { email: initialEmail, password: '' },
    resolver: contractResolver(signInBodySchema),
    shouldFocusError: true,
  });
  const { register, handleSubmit, formState, setError, setValue, setFocus } = form;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await signInWithPassword(values);
      await onPasswordAccepted(result.state);
    } catch (error) {
      if (problemCode(error) === 'INVALID_CREDENTIALS') {
        setFormError({ title: t('signIn.invalidCredentials'), hint: t('signIn.invalidHint') });
        setValue('password', '');
        setFocus('password');
        return;
      }
      if (problemCode(error) === 'VALIDATION_FAILED') {
        const rest = applyProblemToForm(error, setError, ['email', 'password'], lang);
        setFormError(rest ? { title: rest } : null);
        return;
      }
      setFormError({ title: problemMessage(error, lang) });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={formError ? 'sign-in-error' : undefined}>
      {formError ? (
        <Notice tone="error" id="sign-in-error" title={formError.title} className="mb-5">
          {formError.hint ? <p className="text-sm">{formError.hint}</p> : null}
        </Notice>
      ) : null}
      <div className="grid grid-cols-1 gap-5">
        <TextField
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          registration={register('email')}
          error={fieldMessage(formState.errors.email?.message, lang)}
        />
        <div>
          <TextField
            label={t('signIn.password')}
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            registration={register('password')}
            error={fieldMessage(formState.errors.password?.message, lang)}
          />
          <label className="mt-2 inline-flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
              className="size-5 accent-key"
            />
            {t('signIn.showPassword')}
          </label>
        </div>
      </div>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button type="submit" busy={formState.isSubmitting} className="sm:min-w-40">
          {t('signIn.submit')}
        </Button>
        <Link to="/forgot-password" className="inline-flex min-h-11 items-center">
          {t('signIn.forgot')}
        </Link>
      </div>
    </form>
  );
}
