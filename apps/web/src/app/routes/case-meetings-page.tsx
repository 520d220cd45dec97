import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/status';
import { Notice } from '../../components/ui/notice';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { useMeetings } from '../../features/meetings/api/meetings';
import { MeetingsSection } from '../../features/meetings/components/meetings-section';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { PageHeading, SECTION_CARD } from './page-heading';

/** バンクミーティング of one case: the council schedules and records; invited banks read the meetings and minutes. */
export function CaseMeetingsPage() {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation('cases');
  const { t: tcr } = useTranslation('creditors');
  const { caseId } = useParams({ from: '/cases/$caseId/meetings' });
  const detail = useCase(caseId);
  const meetings = useMeetings(caseId, detail.isSuccess);
  useDocumentTitle(t('title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <CaseNotFound />;
  const c = detail.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <nav aria-label={tc('detail.breadcrumb')} className="text-sm">
        <Link to="/cases">{tc('list.title')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to="/cases/$caseId" params={{ caseId }}>
          {c.referenceNo}
        </Link>{' '}
        <span aria-hidden="true">›</span>{' '}
        <Link to="/cases/$caseId/creditors" params={{ caseId }}>
          {tcr('title')}
        </Link>{' '}
        <span aria-hidden="true">›</span> <span>{t('title')}</span>
      </nav>
      <PageHeading
        eyebrow={
          <span>
            {c.referenceNo} · <span lang="ja">{c.companyName}</span>
          </span>
        }
        title={t('title')}
        lead={<p>{t('lead')}</p>}
      />
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <Notice tone="info" title={t('none')} /> : null}
      {meetings.data ? (
        <section aria-labelledby="meetings-heading" className={SECTION_CARD}>
          <h2 id="meetings-heading" className="mb-3 text-xl">
            {t('heading')}
          </h2>
          <MeetingsSection caseId={caseId} list={meetings.data} />
        </section>
      ) : null}
    </div>
  );
}
