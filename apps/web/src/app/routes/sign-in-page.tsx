import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BUTTON_STYLES } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { landingPath, reloadSession, rememberedEmail } from '../../features/auth/api/session';
import { oidcStartHref, useOidcConfig } from '../../features/auth/api/oidc';
import { signInStepPath } from '../../features/auth/api/sign-in';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { PasskeySignInButton } from '../../features/auth/components/passkey-button';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Goes on after a sign-in step: to the next step, or to where the user wanted to go. */
export function useContinueSignIn(next: string | undefined) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    const session = await reloadSession(queryClient);
    const step = signInStepPath(session.state);
    if (session.state === 'anonymous') await navigate({ to: '/sign-in', search: next ? { next } : {} });
    else if (step) await navigate({ to: step, search: next ? { next } : {} });
    else await navigate({ href: landingPath(session, next) });
  };
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { next, reason, oidc } = useSearch({ from: '/sign-in' });
  const proceed = useContinueSignIn(next);
  const oidcConfig = useOidcConfig().data;
  useDocumentTitle(t('signIn.title'));
  return (
    <AuthPanel title={t('signIn.title')} lead={<p>{t('signIn.lead')}</p>}>
      {reason ? (
        <Notice tone={reason === 'signedOut' ? 'success' : 'info'} title={t(`signIn.reason.${reason}`)} className="mb-6">
          {reason === 'idle' || reason === 'expired' ? <p className="text-sm">{t('signIn.reason.keepWork')}</p> : null}
        </Notice>
      ) : null}
      {oidc ? (
        <Notice tone="error" title={t(`oidc.errors.${oidc}`)} className="mb-6">
          <p className="text-sm">{t('oidc.errorHint')}</p>
        </Notice>
      ) : null}
      <SignInForm initialEmail={rememberedEmail()} onPasswordAccepted={proceed} />
      <div className="my-6 flex items-center gap-3 text-sm text-ink-sub" aria-hidden="true">
        <span className="h-px flex-1 bg-line-light" />
        {t('signIn.or')}
        <span className="h-px flex-1 bg-line-light" />
      </div>
      <PasskeySignInButton label={t('signIn.passkey')} onSignedIn={proceed} />
      <p className="mt-3 text-sm text-ink-sub">{t('signIn.passkeyHint')}</p>
      {oidcConfig?.enabled && oidcConfig.providerName ? (
        <section aria-labelledby="oidc-heading" className="mt-6 rounded-12 border border-line-light p-4">
          <h2 id="oidc-heading" className="text-base">
            {t('oidc.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('oidc.lead', { provider: oidcConfig.providerName })}</p>
          <a href={oidcStartHref(next)} className={`${BUTTON_STYLES.secondary} mt-3 w-full no-underline`}>
            {t('oidc.button', { provider: oidcConfig.providerName })}
          </a>
        </section>
      ) : null}
      <details className="mt-6 rounded-8 bg-surface-sub px-3 text-sm">
        <summary className="cursor-pointer py-2.5 font-bold">{t('signIn.helpHeading')}</summary>
        <p className="pb-3">{t('signIn.helpBody')}</p>
      </details>
    </AuthPanel>
  );
}
