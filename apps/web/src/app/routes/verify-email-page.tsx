import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { verifyEmail } from '../../features/auth/api/sign-in';
import { AuthPanel } from '../../features/auth/components/auth-panel';
import { langOf, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFragmentToken } from './use-fragment-token';

export function VerifyEmailPage() {
  const { t, i18n } = useTranslation('auth');
  const token = useFragmentToken();
  const [state, setState] = useState<{ kind: 'working' } | { kind: 'done' } | { kind: 'error'; message: string }>(
    token ? { kind: 'working' } : { kind: 'error', message: t('link.missingBody') },
  );
  const sent = useRef(false);
  useDocumentTitle(t('verifyEmail.title'));
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verifyEmail(token).then(
      () => setState({ kind: 'done' }),
      (e: unknown) => setState({ kind: 'error', message: problemMessage(e, langOf(i18n.language)) }),
    );
  }, [token, i18n.language]);
  return (
    <AuthPanel title={t('verifyEmail.title')}>
      {state.kind === 'working' ? <p role="status">{t('verifyEmail.working')}</p> : null}
      {state.kind === 'done' ? (
        <Notice tone="success" title={t('verifyEmail.doneTitle')}>
          <p>{t('verifyEmail.doneBody')}</p>
          <p className="mt-2">
            <Link to="/sign-in">{t('reset.signIn')}</Link>
          </p>
        </Notice>
      ) : null}
      {state.kind === 'error' ? <Notice tone="error" title={state.message} /> : null}
    </AuthPanel>
  );
}
