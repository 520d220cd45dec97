import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isCaseId, useAccessLog, useCase } from '../../features/cases/api/cases';
import { AccessLogTable } from '../../features/cases/components/access-log-table';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { CaseSubpageHeading, caseSubpageGate } from './case-subpage';

/** "Who accessed my case": the company's view and the staff's audit view of the same record. */
export function CaseAccessLogPage() {
  const { t, i18n } = useTranslation('cases');
  const { caseId } = useParams({ from: '/cases/$caseId/access-log' });
  const detail = useCase(caseId);
  const log = useAccessLog(caseId);
  useDocumentTitle(t('log.title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  const gate = caseSubpageGate([detail, log], i18n.language);
  if (gate || !detail.data || !log.data) return gate;
  const c = detail.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <CaseSubpageHeading
        detail={c}
        title={t('log.title')}
        lead={<p>{c.myRoleInCase === 'company' ? t('log.leadCompany') : t('log.leadStaff')}</p>}
      />
      <AccessLogTable log={log.data} />
      <p className="text-sm text-ink-sub">{t('log.footnote')}</p>
    </div>
  );
}
