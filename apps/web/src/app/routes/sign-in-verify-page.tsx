import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { reloadSession, signOut, useSession } from '../../features/auth/api/session';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { SecondFactorForm } from '../../features/auth/components/second-factor-form';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useContinueSignIn } from './sign-in-page';

export function SignInVerifyPage() {
  const { t } = useTranslation('auth');
  const { next } = useSearch({ from: '/sign-in/verify' });
  const session = useSession().data;
  const proceed = useContinueSignIn(next);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('verify.title'));
  const restart = async () => {
    await signOut().catch(() => undefined);
    await reloadSession(queryClient);
    await navigate({ to: '/sign-in', search: next ? { next } : {} });
  };
  return (
    <AuthPanel title={t('verify.title')} step={t('verify.step')} lead={<p>{t('verify.lead')}</p>}>
      <SecondFactorForm secondFactor={session?.secondFactor ?? null} onSignedIn={proceed} onRestart={() => void restart()} />
      <p className="mt-6 text-sm">
        <button type="button" className="min-h-11 font-bold text-key underline underline-offset-4" onClick={() => void restart()}>
          {t('verify.cancel')}
        </button>
      </p>
    </AuthPanel>
  );
}
