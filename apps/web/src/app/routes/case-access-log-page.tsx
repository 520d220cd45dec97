import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { isCaseId, useAccessLog, useCase } from '../../features/cases/api/cases';
import { AccessLogTable } from '../../features/cases/components/access-log-table';
import { langOf, problemCode, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { PageHeading } from './page-heading';

/** "Who accessed my case": the company's view and the staff's audit view of the same record. */
export function CaseAccessLogPage() {
  const { t, i18n } = useTranslation('cases');
  const { caseId } = useParams({ from: '/cases/$caseId/access-log' });
  const detail = useCase(caseId);
  const log = useAccessLog(caseId);
  useDocumentTitle(t('log.title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  if (detail.isPending || log.isPending) return <Loading />;
  if (detail.isError || log.isError) {
    const error = detail.error ?? log.error;
    return ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED'].includes(problemCode(error) ?? '') ? (
      <CaseNotFound />
    ) : (
      <ErrorNotice message={problemMessage(error, langOf(i18n.language))} />
    );
  }
  const c = detail.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link to="/cases">{t('list.title')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to="/cases/$caseId" params={{ caseId }}>
          {c.referenceNo}
        </Link>{' '}
        <span aria-hidden="true">›</span> <span>{t('log.title')}</span>
      </nav>
      <PageHeading
        eyebrow={
          <span>
            {c.referenceNo} · <span lang="ja">{c.companyName}</span>
          </span>
        }
        title={t('log.title')}
        lead={<p>{c.myRoleInCase === 'company' ? t('log.leadCompany') : t('log.leadStaff')}</p>}
      />
      <AccessLogTable log={log.data} />
      <p className="text-sm text-ink-sub">{t('log.footnote')}</p>
    </div>
  );
}
