import { useTranslation } from 'react-i18next';
import { prepareRcReferralBodySchema, type DocumentList, type Rechallenge } from '@kasseika/contracts';
import { RC_PACKAGE_FIGURES } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup, TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { fieldMessage, type Lang } from '../../../lib/form-errors';
import { useContractForm } from '../../../lib/use-contract-form';
import { prepareRcReferral } from '../api/rechallenge';
import { PackageView } from './package-view';
import { CARD, useRefresh } from './section-shared';

interface ReferralValues {
  lawyerEmail: string;
  documentIds: string[];
  figures: string[];
  message: string;
}

export function Referral({
  caseId,
  data,
  documents,
  lang,
}: {
  caseId: string;
  data: Rechallenge;
  documents: DocumentList | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation('rechallenge');
  const refresh = useRefresh(caseId);
  const { form, submit, result } = useContractForm<ReferralValues, typeof prepareRcReferralBodySchema>({
    schema: prepareRcReferralBodySchema,
    defaults: { lawyerEmail: data.referral?.lawyerEmail ?? '', documentIds: [], figures: ['guarantors', 'advice'], message: '' },
    fields: ['lawyerEmail', 'documentIds', 'figures', 'message'] as const,
    toBody: (v) => ({ ...v, documentIds: v.documentIds, figures: v.figures }),
    send: async (body) => {
      await prepareRcReferral(caseId, body);
      await refresh();
      return t('referral.prepared');
    },
  });
  const e = form.formState.errors;
  const r = data.referral;
  return (
    <section aria-labelledby="rc-referral" className={CARD}>
      <h2 id="rc-referral" className="text-xl">
        {t('referral.heading')}
      </h2>
      <p className="mt-1 text-sm text-ink-sub">{t('referral.lead')}</p>
      {r ? (
        <div className="mt-3 grid gap-3">
          <p>
            <span className="font-bold">{t('referral.lawyer')}: </span>
            {r.lawyerName}（{r.lawyerFirm}）
          </p>
          <p className="rounded-8 border-l-8 border-key bg-key-light px-4 py-2 font-bold" data-testid="rc-consent-status">
            {r.consent.consentedAt && !r.consent.revokedAt
              ? t('referral.consented', { at: formatDateTimeJst(r.consent.consentedAt, lang), name: r.consent.consentedByName ?? '—' })
              : r.consent.revokedAt
                ? t('referral.revoked', { at: formatDateTimeJst(r.consent.revokedAt, lang) })
                : t('referral.awaiting')}
          </p>
          {r.lawyerHasAccess ? <p>{t('referral.lawyerHasAccess')}</p> : null}
          <details>
            <summary className="min-h-11 cursor-pointer py-2 font-bold">{t('referral.showPackage')}</summary>
            <PackageView pkg={r.package} hash={r.packageHash} />
          </details>
        </div>
      ) : (
        <p className="mt-3 text-ink-sub">{t('referral.none')}</p>
      )}
      {data.abilities.prepareReferral ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate className="mt-4 grid gap-3" aria-label={t('referral.prepare')}>
          {result ? <Notice tone={result.tone} title={result.text} /> : null}
          <TextField
            label={t('referral.lawyerEmail')}
            hint={t('referral.lawyerEmailHint')}
            type="email"
            autoComplete="off"
            required
            registration={form.register('lawyerEmail')}
            error={fieldMessage(e.lawyerEmail?.message, lang)}
          />
          <CheckboxGroup
            legend={t('referral.documents')}
            hint={documents && documents.items.length === 0 ? t('referral.noDocuments') : undefined}
            options={(documents?.items ?? []).map((d) => ({ value: d.id, label: d.title }))}
            registration={form.register('documentIds')}
            error={fieldMessage(e.documentIds?.message, lang)}
          />
          <CheckboxGroup
            legend={t('referral.figures')}
            options={RC_PACKAGE_FIGURES.map((f) => ({ value: f, label: t(`figure.${f}`) }))}
            registration={form.register('figures')}
            error={fieldMessage(e.figures?.message, lang)}
          />
          <TextAreaField
            label={t('referral.message')}
            registration={form.register('message')}
            error={fieldMessage(e.message?.message, lang)}
          />
          <div>
            <Button type="submit" busy={form.formState.isSubmitting}>
              {t('referral.prepare')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
