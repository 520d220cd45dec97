import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@kasseika/contracts';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { langOf, problemCode, problemMessage } from '../../lib/form-errors';
import { CaseNotFound } from './case-detail-page';
import { PageHeading } from './page-heading';

/**
 * What a case sub-page shows before its data: loading, or "not found" for a case the user may not see (its
 * existence is confidential; 403 and 422 look the same), or a retryable error. `null` when the data is there.
 */
export function caseSubpageGate(
  queries: readonly { isPending: boolean; isError: boolean; error: unknown }[],
  language: string,
  onRetry?: () => void,
): ReactNode | null {
  if (queries.some((q) => q.isPending)) return <Loading />;
  const failed = queries.find((q) => q.isError);
  if (!failed) return null;
  return ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED'].includes(problemCode(failed.error) ?? '') ? (
    <CaseNotFound />
  ) : (
    <ErrorNotice message={problemMessage(failed.error, langOf(language))} {...(onRetry ? { onRetry } : {})} />
  );
}

/** Breadcrumb (cases › case › this page) and the page heading with the case's number and company as eyebrow. */
export function CaseSubpageHeading({
  detail,
  title,
  lead,
  actions,
}: {
  detail: CaseDetail;
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('cases');
  return (
    <>
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link to="/cases">{t('list.title')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to="/cases/$caseId" params={{ caseId: detail.id }}>
          {detail.referenceNo}
        </Link>{' '}
        <span aria-hidden="true">›</span> <span>{title}</span>
      </nav>
      <PageHeading
        eyebrow={
          <span>
            {detail.referenceNo} · <span lang="ja">{detail.companyName}</span>
          </span>
        }
        title={title}
        lead={lead}
        actions={actions}
      />
    </>
  );
}
