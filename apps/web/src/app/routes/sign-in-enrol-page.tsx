import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { landingPath, reloadSession, useSession } from '../../features/auth/api/session';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { Enrolment } from '../../features/auth/components/enrolment';
import { useDocumentTitle } from '../../lib/use-document-title';

export function SignInEnrolPage() {
  const { t } = useTranslation('auth');
  const { next } = useSearch({ from: '/sign-in/enrol' });
  const session = useSession().data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('enrol.title'));
  // The server completed the sign-in when the factor was confirmed; the session is reloaded only after the
  // recovery codes were seen, so the page does not move away from them.
  const done = async () => {
    const s = await reloadSession(queryClient);
    await navigate({ href: s.state === 'active' ? landingPath(s, next) : '/sign-in' });
  };
  return (
    <AuthPanel
      wide
      title={t('enrol.title')}
      step={t('enrol.step')}
      lead={<p>{t('enrol.lead', { name: session?.user?.displayName ?? '' })}</p>}
    >
      <Enrolment onDone={() => void done()} />
    </AuthPanel>
  );
}
