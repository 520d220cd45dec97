import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseDetailSchema, VALIDATION_MESSAGES, type IntakeInbox, type IntakeInboxItem } from '@kasseika/contracts';
import { PREFECTURES } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { apiPost } from '../../../lib/api';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { formatDateTimeJst } from '../../../lib/format';

type Labels = Record<string, { ja: string; en: string }>;

function InboxItem({
  item,
  canDecide,
  labels,
  onDecided,
}: {
  item: IntakeInboxItem;
  canDecide: boolean;
  labels: { needs: Labels; industries: Labels };
  onDecided: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('intake');
  const lang = langOf(i18n.language);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (event: 'accept' | 'decline') => {
    if (!reason.trim()) {
      setError(VALIDATION_MESSAGES['transitionReason.length'][lang]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiPost(
        `/api/v1/cases/${encodeURIComponent(item.caseId)}/transitions`,
        { event, expectedStage: 'intake', reason },
        caseDetailSchema,
      );
      onDecided(t(event === 'accept' ? 'inbox.accepted' : 'inbox.declined', { company: item.companyName }));
    } catch (e) {
      setError(problemMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const pref = PREFECTURES.find((p) => p.code === item.prefectureCode);
  const yen = (n: number) => `${n.toLocaleString(lang === 'en' ? 'en-US' : 'ja-JP')}${lang === 'en' ? ' yen' : '円'}`;
  const headingId = `intake-${item.caseId}`;
  return (
    <article aria-labelledby={headingId} className="rounded-12 bg-surface p-4 shadow-1 md:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl">
          {item.companyName}
          {item.companyNameKana ? <span className="ml-2 text-sm font-normal text-ink-sub">{item.companyNameKana}</span> : null}
        </h2>
        <p className="text-sm text-ink-sub">
          {item.caseReferenceNo} ・ {t('inbox.received')} {formatDateTimeJst(item.verifiedAt, lang)}
        </p>
      </div>
      {item.possibleDuplicates.length > 0 ? (
        <Notice tone="warning" title={t('inbox.duplicate')} className="mt-3">
          <p>{t('inbox.duplicateBody')}</p>
          <ul className="list-disc pl-5">
            {item.possibleDuplicates.map((d) => (
              <li key={d.caseId}>
                <Link to="/cases/$caseId" params={{ caseId: d.caseId }}>
                  {d.caseReferenceNo} {d.companyName}
                </Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t('inbox.corporateNumber')}</dt>
        <dd>{item.corporateNumber ?? '—'}</dd>
        <dt className="font-bold">{t('inbox.industry')}</dt>
        <dd>
          {pref ? (lang === 'en' ? pref.nameEn : pref.name) : ''} ・ {labels.industries[item.industryCode]?.[lang] ?? item.industryCode}
        </dd>
        <dt className="font-bold">{t('inbox.employees')}</dt>
        <dd>{item.employees}</dd>
        <dt className="font-bold">{t('inbox.sales')}</dt>
        <dd>{yen(item.annualSalesYen)}</dd>
        <dt className="font-bold">{t('inbox.needs')}</dt>
        <dd>
          {item.needs.length ? (
            <ul className="list-disc pl-5">
              {item.needs.map((n) => (
                <li key={n}>{labels.needs[n]?.[lang] ?? n}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt className="font-bold">{t('inbox.contact')}</dt>
        <dd>
          {item.contactName} ・ {t('inbox.preferred')}: {t(`form.contactMethod.${item.preferredContact}`)}
        </dd>
        {item.councilOverrideReason ? (
          <>
            <dt className="font-bold">{t('inbox.override')}</dt>
            <dd>{item.councilOverrideReason}</dd>
          </>
        ) : null}
        <dt className="font-bold">{t('inbox.message')}</dt>
        <dd className="whitespace-pre-wrap">{item.message || '—'}</dd>
      </dl>
      {canDecide ? (
        <div className="mt-4 grid gap-3">
          <TextAreaField
            label={t('inbox.reason')}
            hint={t('inbox.declineHint')}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error ?? undefined}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="button" disabled={busy} onClick={() => void decide('accept')}>
              {t('inbox.accept')}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void decide('decline')}>
              {t('inbox.decline')}
            </Button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

export function IntakeInboxList({
  inbox,
  labels,
  onDecided,
}: {
  inbox: IntakeInbox;
  labels: { needs: Labels; industries: Labels };
  onDecided: () => void;
}) {
  const { t } = useTranslation('intake');
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="grid grid-cols-1 gap-4">
      {done ? <Notice tone="success" title={done} /> : null}
      {inbox.items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      {inbox.items.map((item) => (
        <InboxItem
          key={item.caseId}
          item={item}
          canDecide={inbox.abilities.decide}
          labels={labels}
          onDecided={(m) => {
            setDone(m);
            onDecided();
          }}
        />
      ))}
    </div>
  );
}
