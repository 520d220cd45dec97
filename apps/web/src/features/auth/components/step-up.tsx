import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { stepUpBodySchema, type SessionStatus } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { KeyIcon } from '../../../components/ui/icons';
import { TextField } from '../../../components/ui/form-field';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { contractResolver, fieldMessage, langOf, problemCode, problemMessage } from '../../../lib/form-errors';
import { stepUpWithCode, stepUpWithPasskey } from '../api/account';
import { SESSION_KEY } from '../api/session';
import { passkeyErrorMessage } from './passkey-support';

/** Thrown to the caller when the user closes the step-up prompt instead of verifying. */
export class StepUpCancelled extends Error {
  constructor() {
    super('step-up cancelled');
    this.name = 'StepUpCancelled';
  }
}

type WithStepUp = <T>(action: () => Promise<T>) => Promise<T>;

const StepUpContext = createContext<WithStepUp | null>(null);

/**
 * Runs a sensitive account change; when the server answers 403 STEP_UP_REQUIRED, asks for the second factor
 * again (passkey or authenticator code) and repeats the change once verified.
 */
export function useStepUp(): WithStepUp {
  const value = useContext(StepUpContext);
  if (!value) throw new Error('useStepUp needs a StepUpProvider');
  return value;
}

function StepUpForm({ secondFactor, onVerified }: { secondFactor: SessionStatus['secondFactor']; onVerified: () => void }) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [error, setError] = useState<string | null>(null);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const form = useForm<{ code: string }>({
    defaultValues: { code: '' },
    resolver: contractResolver(stepUpBodySchema, (v: { code: string }) => ({ code: v.code.normalize('NFKC').replace(/\s/g, '') })),
  });
  const { register, handleSubmit, formState, setError: setFieldError, setFocus } = form;
  const submit = handleSubmit(async ({ code }) => {
    setError(null);
    try {
      await stepUpWithCode(code);
      onVerified();
    } catch (e) {
      if (problemCode(e) === 'SECOND_FACTOR_INVALID') {
        setFieldError('code', { type: 'server', message: t('verify.totpInvalid') });
        setFocus('code', { shouldSelect: true });
      } else setError(problemMessage(e, lang));
    }
  });
  const passkey = async () => {
    setPasskeyBusy(true);
    setError(null);
    try {
      await stepUpWithPasskey();
      onVerified();
    } catch (e) {
      setError(passkeyErrorMessage(e, t, lang));
    } finally {
      setPasskeyBusy(false);
    }
  };
  return (
    <div className="grid grid-cols-1 gap-4">
      {error ? <Notice tone="error" title={error} /> : null}
      {(secondFactor?.passkeys ?? 0) > 0 ? (
        <Button variant={secondFactor?.totpEnabled ? 'secondary' : 'primary'} busy={passkeyBusy} onClick={() => void passkey()}>
          <KeyIcon />
          {t('stepUp.passkey')}
        </Button>
      ) : null}
      {secondFactor?.totpEnabled ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="grid grid-cols-1 gap-3">
          <TextField
            label={t('verify.totpLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            registration={register('code')}
            error={fieldMessage(formState.errors.code?.message, lang)}
            className="max-w-xs font-mono text-lg tracking-widest"
          />
          <div>
            <Button type="submit" busy={formState.isSubmitting}>
              {t('stepUp.verify')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

export function StepUpProvider({ secondFactor, children }: { secondFactor: SessionStatus['secondFactor']; children: ReactNode }) {
  const { t } = useTranslation('auth');
  const id = useId();
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState<{ resolve: () => void; reject: (e: Error) => void } | null>(null);

  const withStepUp = useCallback<WithStepUp>(async (action) => {
    try {
      return await action();
    } catch (error) {
      if (problemCode(error) !== 'STEP_UP_REQUIRED') throw error;
      await new Promise<void>((resolve, reject) => setWaiting({ resolve, reject }));
      return action();
    }
  }, []);

  const cancel = () => {
    waiting?.reject(new StepUpCancelled());
    setWaiting(null);
  };
  const verified = () => {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY }, { cancelRefetch: false });
    waiting?.resolve();
    setWaiting(null);
  };

  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      <ModalDialog open={waiting !== null} onEscape={cancel} titleId={`${id}-title`} descriptionId={`${id}-desc`} testId="step-up-dialog">
        <h2 id={`${id}-title`} className="text-xl">
          {t('stepUp.title')}
        </h2>
        <p id={`${id}-desc`} className="mt-2">
          {t('stepUp.lead')}
        </p>
        <div className="mt-4">
          <StepUpForm secondFactor={secondFactor} onVerified={verified} />
        </div>
        <div className="mt-5 border-t border-line-light pt-3">
          <Button variant="text" onClick={cancel}>
            {t('stepUp.cancel')}
          </Button>
        </div>
      </ModalDialog>
    </StepUpContext.Provider>
  );
}
