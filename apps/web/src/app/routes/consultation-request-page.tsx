import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationReceipt } from '@kasseika/contracts';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { useConsultationForm } from '../../features/intake/api/intake';
import { ConsultationRequestForm } from '../../features/intake/components/consultation-form';
import { langOf, problemMessage } from '../../lib/form-errors';
import { formatDateTimeJst } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ConsultationRequestPage() {
  const { t, i18n } = useTranslation('intake');
  const lang = langOf(i18n.language);
  const choices = useConsultationForm();
  const [receipt, setReceipt] = useState<ConsultationReceipt | null>(null);
  useDocumentTitle(receipt ? t('form.sentTitle') : t('form.title'));
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl md:text-3xl">{t('form.title')}</h1>
        <p className="mt-2 text-ink-sub">{t('form.lead')}</p>
      </div>
      {receipt ? (
        <Notice tone="success" title={t('form.sentTitle')}>
          <p>
            {t('form.sentBody', {
              council: receipt.councilName,
              referenceNo: receipt.referenceNo,
              until: formatDateTimeJst(receipt.verifyBy, lang),
            })}
          </p>
          <p className="mt-2 text-sm">{t('form.sentOutbox')}</p>
        </Notice>
      ) : null}
      {!receipt && choices.isPending ? <Loading /> : null}
      {!receipt && choices.isError ? (
        <ErrorNotice message={problemMessage(choices.error, lang)} onRetry={() => void choices.refetch()} />
      ) : null}
      {!receipt && choices.data ? (
        <ConsultationRequestForm
          choices={choices.data}
          onSent={(r) => {
            setReceipt(r);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
    </div>
  );
}
