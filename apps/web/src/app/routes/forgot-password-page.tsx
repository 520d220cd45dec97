import { useTranslation } from 'react-i18next';
import { rememberedEmail } from '../../features/auth/api/session';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { ForgotPasswordForm } from '../../features/auth/components/password-reset';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('forgot.title'));
  return (
    <AuthPanel title={t('forgot.title')} lead={<p>{t('forgot.lead')}</p>}>
      <ForgotPasswordForm initialEmail={rememberedEmail()} />
    </AuthPanel>
  );
}
