import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/status';
import { reloadSession, rememberEmail, useSession } from '../../features/auth/api/session';
import { ProfileSummary } from '../../features/auth/components/profile-summary';
import { SessionsList } from '../../features/auth/components/sessions-list';
import { StepUpProvider } from '../../features/auth/components/step-up';
import { TwoStepSettings } from '../../features/auth/components/two-step-settings';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading, SECTION_CARD } from './page-heading';

export function AccountPage() {
  const { t } = useTranslation('account');
  const session = useSession().data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('title'));
  if (session?.state !== 'active') return <Loading />;
  return (
    <StepUpProvider secondFactor={session.secondFactor}>
      <div className="grid grid-cols-1 gap-8">
        <PageHeading title={t('title')} lead={<p>{t('lead')}</p>} />
        <section aria-labelledby="profile-heading" className={SECTION_CARD}>
          <h2 id="profile-heading" className="text-xl">
            {t('profile.heading')}
          </h2>
          <div className="mt-4">
            <ProfileSummary session={session} />
          </div>
        </section>
        <section aria-labelledby="two-step-heading" className={SECTION_CARD}>
          <h2 id="two-step-heading" className="text-xl">
            {t('twoStep.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('twoStep.lead')}</p>
          <div className="mt-4">
            <TwoStepSettings session={session} />
          </div>
        </section>
        <section aria-labelledby="sessions-heading" className={SECTION_CARD}>
          <h2 id="sessions-heading" className="text-xl">
            {t('sessions.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('sessions.lead')}</p>
          <div className="mt-4">
            <SessionsList
              onSignedOutEverywhere={async () => {
                rememberEmail(null);
                await reloadSession(queryClient);
                await navigate({ to: '/sign-in', search: { reason: 'signedOutEverywhere' } });
              }}
            />
          </div>
        </section>
      </div>
    </StepUpProvider>
  );
}
