import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { Loading } from '../../components/ui/status';
import { landingPath, reloadSession, rememberEmail, signOut, useSession } from '../../features/auth/api/session';
import { signInStepPath } from '../../features/auth/api/sign-in';
import { AcceptInvitation } from '../../features/auth/components/accept-invitation';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFragmentToken } from './use-fragment-token';

/** An invitation token kept in this tab while the invitee signs in first (never put in a URL the server sees). */
const STASH = 'kasseika.invitationToken';

function stashed(): string | null {
  try {
    return window.sessionStorage.getItem(STASH);
  } catch {
    return null;
  }
}

function stash(token: string | null): void {
  try {
    if (token) window.sessionStorage.setItem(STASH, token);
    else window.sessionStorage.removeItem(STASH);
  } catch {
    /* storage unavailable */
  }
}

export function AcceptInvitationPage() {
  const { t } = useTranslation('auth');
  const token = useFragmentToken(stashed);
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('invitation.title'));

  const accepted = async () => {
    stash(null);
    const s = await reloadSession(queryClient);
    const step = signInStepPath(s.state);
    if (step) await navigate({ to: step });
    else await navigate({ href: landingPath(s, undefined) });
  };

  return (
    <AuthPanel wide title={t('invitation.title')} lead={<p>{t('invitation.lead')}</p>}>
      {!token ? (
        <Notice tone="error" title={t('link.missingTitle')}>
          <p>{t('link.missingBody')}</p>
        </Notice>
      ) : !session.data ? (
        <Loading />
      ) : (
        <AcceptInvitation
          token={token}
          session={session.data}
          onAccepted={accepted}
          onSignInFirst={(email) => {
            stash(token);
            rememberEmail(email);
            void navigate({ to: '/sign-in', search: { next: '/invitations/accept' } });
          }}
          onSignOut={() => {
            stash(token);
            void signOut()
              .catch(() => undefined)
              .then(() => reloadSession(queryClient));
          }}
        />
      )}
    </AuthPanel>
  );
}
