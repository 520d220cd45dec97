import { useTranslation } from 'react-i18next';
import type { DocumentList } from '@kasseika/contracts';
import { ButtonLink } from '../../../components/ui/button-link';
import { formatDateTimeJst } from '../../../lib/format';
import type { Lang } from '../../../lib/form-errors';

const DD_TYPES = ['financial_dd_report', 'business_dd_report'] as const;

/**
 * 財務DD / 事業DD (REFERENCE §3.3 step 3): the reports are typed documents of the case (documents page, visibility
 * `team` so the appointed experts can hand them in); this shows, per kind, what has been handed in.
 */
export function DueDiligenceSection({ caseId, documents, lang }: { caseId: string; documents: DocumentList; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  return (
    <div className="grid gap-3">
      <ul className="grid gap-2" data-testid="rv-dd-reports">
        {DD_TYPES.map((type) => {
          const docs = documents.items.filter((d) => d.docType === type);
          return (
            <li key={type} className="rounded-8 border border-line-light p-3">
              <span className="font-bold">{t(`dd.${type}`)}</span>:{' '}
              {docs.length === 0 ? (
                <span className="text-ink-sub">{t('dd.missing')}</span>
              ) : (
                <ul className="mt-1 grid gap-1">
                  {docs.map((d) => {
                    const latest = d.versions.at(-1);
                    return (
                      <li key={d.id}>
                        {t('dd.handedIn', {
                          title: d.title,
                          version: latest?.version ?? 1,
                          at: latest ? formatDateTimeJst(latest.uploadedAt, lang) : '—',
                          by: latest?.uploadedBy ?? '—',
                        })}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        <ButtonLink to="/cases/$caseId/documents" params={{ caseId }} variant="secondary">
          {t('dd.toDocuments')}
        </ButtonLink>
      </p>
    </div>
  );
}
