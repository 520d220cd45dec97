import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { registerPasskey, startTotpSetup } from '../api/account';
import { PasskeyEnrolment } from './passkey-enrolment';
import { RecoveryCodes } from './recovery-codes';
import { TotpEnrolment } from './totp-enrolment';

type Step =
  | { kind: 'choose' }
  | { kind: 'totp'; setup: { secret: string; otpauthUrl: string; qrSvg: string } | null; error: string | null }
  | { kind: 'passkey' }
  | { kind: 'codes'; codes: string[] };

/**
 * Registering the first second factor while signing in: an authenticator app or a passkey, then the recovery
 * codes once. The server completes the sign-in as soon as the factor is confirmed; `onDone` follows the codes.
 */
export function Enrolment({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation('auth');
  const lang = langOf(i18n.language);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.kind !== 'choose') headingRef.current?.focus();
  }, [step.kind]);

  const chooseTotp = async () => {
    setStep({ kind: 'totp', setup: null, error: null });
    try {
      setStep({ kind: 'totp', setup: await startTotpSetup(), error: null });
    } catch (error) {
      setStep({ kind: 'totp', setup: null, error: problemMessage(error, lang) });
    }
  };

  if (step.kind === 'codes') {
    return <RecoveryCodes codes={step.codes} onContinue={onDone} continueLabel={t('enrol.finish')} />;
  }

  if (step.kind === 'choose') {
    return (
      <div className="grid grid-cols-1 gap-4">
        <p>{t('enrol.chooseLead')}</p>
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <li className="flex flex-col rounded-12 border-2 border-line-light p-4">
            <h2 className="text-lg">{t('enrol.passkeyTitle')}</h2>
            <p className="mt-1 flex-1 text-sm">{t('enrol.passkeyBody')}</p>
            <Button className="mt-3" onClick={() => setStep({ kind: 'passkey' })}>
              {t('enrol.choosePasskey')}
            </Button>
          </li>
          <li className="flex flex-col rounded-12 border-2 border-line-light p-4">
            <h2 className="text-lg">{t('enrol.totpTitle')}</h2>
            <p className="mt-1 flex-1 text-sm">{t('enrol.totpBody')}</p>
            <Button className="mt-3" onClick={() => void chooseTotp()}>
              {t('enrol.chooseTotp')}
            </Button>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <h2 ref={headingRef} tabIndex={-1} className="text-xl outline-none">
        {step.kind === 'totp' ? t('enrol.totpTitle') : t('enrol.passkeyTitle')}
      </h2>
      {step.kind === 'totp' ? (
        step.setup ? (
          <TotpEnrolment setup={step.setup} onConfirmed={(codes) => setStep({ kind: 'codes', codes })} />
        ) : step.error ? (
          <Notice tone="error" title={step.error} />
        ) : (
          <p role="status">{t('enrol.preparing')}</p>
        )
      ) : (
        <>
          <p>{t('enrol.passkeyLead')}</p>
          <PasskeyEnrolment
            submitLabel={t('enrol.registerPasskey')}
            register={async (label) => {
              const result = await registerPasskey(label);
              if (result.recoveryCodes) setStep({ kind: 'codes', codes: result.recoveryCodes });
              else onDone();
            }}
          />
        </>
      )}
      <div>
        <Button variant="text" onClick={() => setStep({ kind: 'choose' })}>
          {t('enrol.back')}
        </Button>
      </div>
    </div>
  );
}
