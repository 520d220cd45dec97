import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationVerified } from '@kasseika/contracts';
import { Notice } from '../../components/ui/notice';
import { verifyConsultation } from '../../features/intake/api/intake';
import { langOf, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';

/** `#token=<council>.<random>` from the mailed link; removed from the address bar at once. */
function takeToken(): string | null {
  const m = /(?:^#|&)token=(\d{1,2}\.[A-Za-z0-9_-]{20,100})(?:&|$)/.exec(window.location.hash);
  if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return m?.[1] ?? null;
}

export function ConsultationVerifyPage() {
  const { t, i18n } = useTranslation('intake');
  const [token] = useState(takeToken);
  const [state, setState] = useState<{ kind: 'working' } | { kind: 'done'; v: ConsultationVerified } | { kind: 'error'; message: string }>(
    token ? { kind: 'working' } : { kind: 'error', message: t('verify.missing') },
  );
  const sent = useRef(false);
  useDocumentTitle(t('verify.title'));
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verifyConsultation(token).then(
      (v) => setState({ kind: 'done', v }),
      (e: unknown) => setState({ kind: 'error', message: problemMessage(e, langOf(i18n.language)) }),
    );
  }, [token, i18n.language]);
  return (
    <div className="mx-auto grid max-w-2xl grid-cols-1 gap-6">
      <h1 className="text-2xl md:text-3xl">{t('verify.title')}</h1>
      {state.kind === 'working' ? <p role="status">{t('verify.working')}</p> : null}
      {state.kind === 'done' ? (
        <Notice tone="success" title={t('verify.doneTitle')}>
          <p>
            {t('verify.doneBody', {
              council: state.v.councilName,
              referenceNo: state.v.referenceNo,
              caseReferenceNo: state.v.caseReferenceNo,
            })}
          </p>
          <p className="mt-2">{t('verify.account', { email: state.v.email })}</p>
        </Notice>
      ) : null}
      {state.kind === 'error' ? <Notice tone="error" title={state.message} /> : null}
    </div>
  );
}
