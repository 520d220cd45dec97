import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { ResetPasswordForm } from '../../features/auth/components/password-reset';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFragmentToken } from './use-fragment-token';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const token = useFragmentToken();
  useDocumentTitle(t('reset.title'));
  return (
    <AuthPanel title={t('reset.title')} lead={<p>{t('reset.lead')}</p>}>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Notice tone="error" title={t('link.missingTitle')}>
          <p>{t('link.missingBody')}</p>
          <p className="mt-2">
            <Link to="/forgot-password">{t('reset.requestAgain')}</Link>
          </p>
        </Notice>
      )}
    </AuthPanel>
  );
}
