import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/button-link';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { CaseSummary } from '../../features/cases/components/case-summary';
import { CaseTeam } from '../../features/cases/components/case-team';
import { langOf, problemCode, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading, SECTION_CARD } from './page-heading';

/** The "not found" of a case: also what anyone sees for a case they may not see (its existence is confidential). */
export function CaseNotFound() {
  const { t } = useTranslation('cases');
  useDocumentTitle(t('detail.notFoundTitle'));
  return (
    <div className="grid grid-cols-1 gap-4">
      <h1 className="text-2xl md:text-3xl">{t('detail.notFoundTitle')}</h1>
      <p>{t('detail.notFoundBody')}</p>
      <p>
        <ButtonLink to="/cases">{t('detail.backToList')}</ButtonLink>
      </p>
    </div>
  );
}

export function CaseDetailPage() {
  const { t, i18n } = useTranslation('cases');
  const { t: tCreditors } = useTranslation('creditors');
  const { caseId } = useParams({ from: '/cases/$caseId' });
  const detail = useCase(caseId);
  useDocumentTitle(detail.data ? `${detail.data.companyName}（${detail.data.referenceNo}）` : t('detail.title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED'].includes(problemCode(detail.error) ?? '') ? (
      <CaseNotFound />
    ) : (
      <ErrorNotice message={problemMessage(detail.error, langOf(i18n.language))} onRetry={() => void detail.refetch()} />
    );
  }
  const c = detail.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link to="/cases">{t('list.title')}</Link> <span aria-hidden="true">›</span> <span>{c.referenceNo}</span>
      </nav>
      <PageHeading
        eyebrow={c.referenceNo}
        title={c.companyName}
        actions={
          <>
            {c.abilities.readAccessLog ? (
              <ButtonLink to="/cases/$caseId/access-log" params={{ caseId: c.id }} variant="secondary">
                {t('detail.accessLog')}
              </ButtonLink>
            ) : null}
            <ButtonLink to="/cases/$caseId/creditors" params={{ caseId: c.id }} variant="secondary">
              {tCreditors('link')}
            </ButtonLink>
          </>
        }
      />
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="mb-3 text-xl">
          {t('detail.summary')}
        </h2>
        <CaseSummary detail={c} />
      </section>
      {c.abilities.readGrants ? (
        <section aria-labelledby="team-heading" className={SECTION_CARD}>
          <h2 id="team-heading" className="text-xl">
            {t('team.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('team.lead')}</p>
          <div className="mt-4">
            <CaseTeam detail={c} />
          </div>
        </section>
      ) : (
        <Notice tone="info" title={t('detail.confidentialTitle')}>
          <p>{t('detail.confidentialBody')}</p>
        </Notice>
      )}
    </div>
  );
}
