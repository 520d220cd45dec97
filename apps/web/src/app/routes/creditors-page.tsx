import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/status';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { useCreditorTable, useLifts, usePlan } from '../../features/creditors/api/creditors';
import { ConfidentialitySection } from '../../features/creditors/components/confidentiality-section';
import { CreditorEditor } from '../../features/creditors/components/creditor-editor';
import { CreditorImport } from '../../features/creditors/components/creditor-import';
import { CreditorTable } from '../../features/creditors/components/creditor-table';
import { PlanComments, StanceForm } from '../../features/creditors/components/plan-review';
import { PlanSection } from '../../features/creditors/components/plan-section';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { PageHeading, SECTION_CARD } from './page-heading';

/**
 * Creditors and the plan (債権者と計画) of one case: the company's consents to share it with banks, the creditor
 * table, the current plan version and who has consented. Each section appears only for those its API lets in.
 */
export function CreditorsPage() {
  const { t } = useTranslation('creditors');
  const { t: tc } = useTranslation('cases');
  const { t: tm } = useTranslation('meetings');
  const { caseId } = useParams({ from: '/cases/$caseId/creditors' });
  const detail = useCase(caseId);
  // The sections ask only once the case itself is visible (nothing is requested for a case one may not see).
  const visible = detail.isSuccess;
  const lifts = useLifts(caseId, visible);
  const table = useCreditorTable(caseId, visible);
  const plan = usePlan(caseId, visible);
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
      <p>
        <Link to="/cases/$caseId/meetings" params={{ caseId }} className="underline underline-offset-4">
          {tm('link')}
        </Link>
      </p>
      {lifts.isPending || table.isPending || plan.isPending ? <Loading /> : null}
      {lifts.data ? (
        <section aria-labelledby="lift-heading" className={SECTION_CARD}>
          <h2 id="lift-heading" className="mb-3 text-xl">
            {t('lift.heading')}
          </h2>
          <ConfidentialitySection caseId={caseId} lifts={lifts.data} />
        </section>
      ) : null}
      {table.data ? (
        <section aria-labelledby="table-heading" className={SECTION_CARD}>
          <h2 id="table-heading" className="mb-3 text-xl">
            {t('table.heading')}
          </h2>
          <CreditorTable table={table.data} />
        </section>
      ) : null}
      {table.data?.abilities.edit ? (
        <section aria-labelledby="editor-heading" className={SECTION_CARD}>
          <h2 id="editor-heading" className="mb-3 text-xl">
            {t('editor.heading')}
          </h2>
          <div className="grid grid-cols-1 gap-6">
            <CreditorEditor caseId={caseId} table={table.data} />
            <CreditorImport caseId={caseId} />
          </div>
        </section>
      ) : null}
      {plan.data ? (
        <section aria-labelledby="plan-heading" className={SECTION_CARD}>
          <h2 id="plan-heading" className="mb-3 text-xl">
            {t('plan.heading')}
          </h2>
          <PlanSection caseId={caseId} plan={plan.data} stage={c.stage} onMoved={() => void detail.refetch()} />
          <StanceForm key={plan.data.current?.sha256 ?? 'none'} caseId={caseId} plan={plan.data} />
        </section>
      ) : null}
      {plan.data?.current && plan.data.abilities.comment ? (
        <section aria-labelledby="comments-heading" className={SECTION_CARD}>
          <h2 id="comments-heading" className="mb-3 text-xl">
            {t('comments.heading')}
          </h2>
          <PlanComments caseId={caseId} plan={plan.data} />
        </section>
      ) : null}
    </div>
  );
}
